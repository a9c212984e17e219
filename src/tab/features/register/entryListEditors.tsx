/**
 * The entry's structured lists (depends on, admin rights, go-live waivers) on the form. Their
 * editors belong to other features (dependencies here in register/dependencies, admin rights in
 * people, waivers in changes) and come in through the slots of components/entryListSlots. A list
 * with no editor provided is shown read-only, so the form always shows it and a save passes it
 * through unchanged (the draft is the whole entry).
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RegisterEntry } from '@domain';
import { adminRightText, dependenciesText, gateWaiverText } from '@domain/entryLists';
import { LazyDependsOnEditor } from './dependencies/LazyDependsOnEditor';
import { useEntryListEditors, type EntryListEditorProps, type EntryListField as ListField } from '../../components/entryListSlots';


const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, outline: 'none' },
  label: { fontWeight: tokens.fontWeightRegular },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  error: { color: tokens.colorPaletteRedForeground1 },
});

function lines(entry: RegisterEntry, field: ListField): string[] {
  if (field === 'dependsOn') return entry.dependsOn.map((dependency) => dependenciesText([dependency]));
  if (field === 'adminRights') return entry.adminRights.map(adminRightText);
  return entry.goLiveWaivers.map(gateWaiverText);
}

/** The provided editor, or the list read-only (text only, so React escapes every part of it). */
export function EntryListField(props: EntryListEditorProps) {
  // The dependencies editor is the register's own (register/dependencies), so it is wired here directly.
  const Editor = useEntryListEditors()[props.field] ?? (props.field === 'dependsOn' ? LazyDependsOnEditor : undefined);
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
