/**
 * The entry's structured lists (depends on, admin rights, go-live waivers) on the form. Their
 * editors belong to other features (dependencies here in register/dependencies, admin rights in
 * people, waivers in changes), and features never import each other: the app hands the editors in
 * through `EntryListEditorsProvider`. A list with no editor provided is shown read-only, so the form
 * always shows it and a save passes it through unchanged (the draft is the whole entry).
 */
import { createContext, useContext, type ComponentType } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RegisterEntry } from '../../../domain';
import { adminRightText, dependenciesText, gateWaiverText } from '../../../domain/entryLists';
import type { TeamMember } from '../../../graph';
import { LazyDependsOnEditor } from './dependencies/LazyDependsOnEditor';

export type EntryListField = 'dependsOn' | 'adminRights' | 'goLiveWaivers';
export const ENTRY_LIST_FIELDS: readonly EntryListField[] = ['dependsOn', 'adminRights', 'goLiveWaivers'];

export interface EntryListEditorProps {
  readonly field: EntryListField;
  /** The id to put on the editor's first focusable element: the error summary focuses it. */
  readonly id: string;
  readonly label: string;
  readonly hint: string | undefined;
  readonly error: string | undefined;
  /** The whole draft: an editor reads its own list and may read other fields (the entry's id is not here). */
  readonly entry: RegisterEntry;
  readonly members: readonly TeamMember[];
  /** Replace the list: `onChange({ adminRights: [...] })`. */
  readonly onChange: (patch: Partial<RegisterEntry>) => void;
  /** The saved entry's id (null while adding a service). */
  readonly entryId?: string | null;
}

export type EntryListEditors = Partial<Record<EntryListField, ComponentType<EntryListEditorProps>>>;

const EditorsContext = createContext<EntryListEditors>({});

/** Wrap the register (in the app) with the editors other features provide. */
export const EntryListEditorsProvider = EditorsContext.Provider;

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, outline: 'none' },
  label: { fontWeight: tokens.fontWeightRegular },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  error: { color: tokens.colorPaletteRedForeground1 },
});

function lines(entry: RegisterEntry, field: EntryListField): string[] {
  if (field === 'dependsOn') return entry.dependsOn.map((dependency) => dependenciesText([dependency]));
  if (field === 'adminRights') return entry.adminRights.map(adminRightText);
  return entry.goLiveWaivers.map(gateWaiverText);
}

/** The provided editor, or the list read-only (text only, so React escapes every part of it). */
export function EntryListField(props: EntryListEditorProps) {
  // The dependencies editor is the register's own (register/dependencies), so it is wired here directly.
  const Editor = useContext(EditorsContext)[props.field] ?? (props.field === 'dependsOn' ? LazyDependsOnEditor : undefined);
  const styles = useStyles();
  if (Editor) return <Editor {...props} />;
  const items = lines(props.entry, props.field);
  const labelId = `${props.id}-label`;
  return (
    <div id={props.id} tabIndex={-1} role="group" aria-labelledby={labelId} className={styles.box}
      aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <Text id={labelId} className={styles.label}>{props.label}</Text>
      {items.length === 0 ? <Text size={200}>None recorded.</Text> : (
        <ul className={styles.list}>
          {items.map((line, index) => <li key={index}><Text size={200}>{line}</Text></li>)}
        </ul>
      )}
      {props.error ? <Text id={`${props.id}-error`} className={styles.error} size={200}>{props.error}</Text> : null}
    </div>
  );
}
