/**
 * Labels for every register field, grouped as the practice-management guidance groups them, and
 * how each value reads to a person. The form, the error summary and the conflict view share these,
 * so a field is called the same thing everywhere.
 */
import type { RegisterEntry } from '@domain';
import { formGroupsOf, formLabelOf, readableValue, REGISTER_SCHEMA, SHARED_SERVICE_GROUP } from '@domain/schema';

export type EntryField = keyof RegisterEntry;

/**
 * What the form calls each field: the schema's labels, so validation messages ("Support portal
 * must be a web address starting with https://") name the field exactly as the form labels it;
 * a row's `formLabel` where the guidance's wording says more ("Local owner").
 */
export const FORM_LABELS: Record<EntryField, string> = Object.fromEntries(
  REGISTER_SCHEMA.rows.map((row) => [row.key, formLabelOf(row)]),
) as Record<EntryField, string>;

/** The guidance's groups, in the order the form shows them. */
export const FIELD_GROUPS = formGroupsOf(REGISTER_SCHEMA);

/** The groups of an entry the practice keeps itself: the PCN-shared group is only a linked entry's (shared/LinkedEntryForm.tsx). */
export const OWN_FIELD_GROUPS = FIELD_GROUPS.filter((group) => group.title !== SHARED_SERVICE_GROUP);

export const ALL_FIELDS: readonly EntryField[] = FIELD_GROUPS.flatMap((group) => group.fields);

/** How a field's value reads to a person ("Not set" for blanks). */
export function displayValue(entry: RegisterEntry, field: EntryField): string {
  return readableValue(REGISTER_SCHEMA, entry, field);
}
/** The fields whose values differ between two versions of an entry. */
export function differingFields(theirs: RegisterEntry, yours: RegisterEntry): EntryField[] {
  return ALL_FIELDS.filter((field) => comparable(theirs, field) !== comparable(yours, field));
}

function comparable(entry: RegisterEntry, field: EntryField): string {
  const value: unknown = entry[field];
  if (field === 'owner' || field === 'deputy') return (value as RegisterEntry['owner'])?.entraId ?? '';
  if (field === 'dataTypes') return [...(value as RegisterEntry['dataTypes'])].sort().join(',');
  return JSON.stringify(value ?? null);
}
