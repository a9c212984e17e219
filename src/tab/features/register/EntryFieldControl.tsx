/**
 * One labelled control for one register field, drawn from the field's schema row: plain kinds by
 * the shared SchemaFieldControl, people by the owner picker, structured lists by their editors.
 */
import { Link } from '@fluentui/react-components';
import { safeHttpsUrl, type RegisterEntry } from '@domain';
import { REGISTER_SCHEMA, rowOf } from '@domain/schema';
import type { TeamMember } from '@graph';
import { OwnerPickerField } from '../../components/OwnerPickerField';
import { SchemaFieldControl, schemaFieldId } from '../../components/SchemaFieldControl';
import { FORM_LABELS, type EntryField } from './entryFields';
import { EntryListField } from './entryListEditors';

export function fieldId(field: EntryField): string {
  return schemaFieldId(field);
}

export interface EntryFieldControlProps {
  readonly field: EntryField;
  readonly entry: RegisterEntry;
  readonly error: string | undefined;
  readonly members: readonly TeamMember[];
  readonly onChange: (patch: Partial<RegisterEntry>) => void;
  /** The saved entry's id (null while adding): editors of links to other entries need it. */
  readonly entryId?: string | null;
}

export function EntryFieldControl({ field, entry, error, members, onChange, entryId = null }: EntryFieldControlProps) {
  const row = rowOf(REGISTER_SCHEMA, field);
  const id = fieldId(field);

  if (row.kind.type === 'list') {
    const list = field as 'dependsOn' | 'adminRights' | 'goLiveWaivers';
    return <EntryListField field={list} id={id} label={FORM_LABELS[field]} hint={row.hint} error={error} entry={entry} members={members} onChange={onChange} entryId={entryId} />;
  }
  if (row.kind.type === 'person') {
    // The owner picker (team, people you work with, NHS directory); read-only for staff.
    const person = field as 'owner' | 'deputy';
    return <OwnerPickerField field={person} id={id} label={FORM_LABELS[field]} hint={row.hint} error={error} entry={entry} members={members} onChange={onChange} />;
  }
  const control = <SchemaFieldControl row={row} record={entry} error={error} onChange={onChange} />;
  // The training guide opens from the form, but only as an https link (never another scheme from user data).
  const guide = field === 'trainingLink' ? safeHttpsUrl(entry.trainingLink) : null;
  return guide === null ? control : (
    <>
      {control}
      <Link href={guide} target="_blank" rel="noopener noreferrer">Open the training or quick guide (new tab)</Link>
    </>
  );
}
