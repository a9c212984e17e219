/**
 * The entry dialog's "Depends on" section (issue 16): pick other register entries this service
 * needs, say how (integration, shared login, shared infrastructure) and why, remove a link, and see
 * read-only who depends on this service. Links to a retired or deleted entry, or to itself, are
 * flagged in words (not colour alone). Everything edits the draft: the entry dialog's Save writes it
 * through the one save path (If-Match), so conflicts and failures behave as for every other field.
 *
 * Keyboard and screen reader: each link is a labelled group whose controls name the service
 * ("Why Docman depends on EMIS Web"); after adding or removing, a polite status says what changed
 * and focus stays somewhere sensible (back on the picker after Add; on the next Remove, or the
 * picker, after Remove).
 */
import { useMemo, useRef, useState } from 'react';
import { Badge, Button, Combobox, Field, Input, Option, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DEPENDENCY_KINDS, type Dependency, type DependencyKind, type StoredEntry } from '@domain';
import { LIST_REASON_MAX } from '@domain/entryLists';
import { useRegisterData } from '../../../state/registerData';
import type { EntryListEditorProps } from '../../../components/entryListSlots';
import { MAX_CHOICES, PROBLEM_WORDS, dependedOnBy, dependencyChoices, dependencyLine, dependencyRows } from './dependsOnModel';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, outline: 'none' },
  label: { fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'grid', gridTemplateColumns: 'minmax(10rem, 1fr) auto', gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  rowHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, gridColumn: '1 / -1' },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end', gridColumn: '1 / -1' },
  why: { flexGrow: 1, minWidth: '12rem' },
  add: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  error: { color: tokens.colorPaletteRedForeground1 },
  plainList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function useRegisterEntries(): readonly StoredEntry[] {
  const { state } = useRegisterData();
  return useMemo(() => (state.kind === 'ready' ? state.rows.map((row) => row.stored) : []), [state]);
}

export interface DependsOnEditorProps extends EntryListEditorProps {
  /** The entry being edited (null while adding a service): left out of the choices; its dependents are listed. */
  readonly entryId?: string | null;
}

export function DependsOnEditor(props: DependsOnEditorProps) {
  const styles = useStyles();
  const entries = useRegisterEntries();
  const entryId = props.entryId ?? null;
  const current = props.entry.dependsOn;
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState('');
  const pickerRef = useRef<HTMLInputElement>(null);
  const removeRefs = useRef(new Map<number, HTMLElement>());
  const labelId = `${props.id}-label`;
  const pickerId = `${props.id}-picker`;
  const { choices, more } = useMemo(() => dependencyChoices(entries, entryId, current, typed), [entries, entryId, current, typed]);
  const rows = useMemo(() => dependencyRows(entries, entryId, current), [entries, entryId, current]);
  const dependents = useMemo(() => dependedOnBy(entries, entryId), [entries, entryId]);

  const set = (next: readonly Dependency[]) => props.onChange({ dependsOn: next });
  const update = (index: number, patch: Partial<Pick<Dependency, 'kind' | 'why'>>) =>
    set(current.map((dependency, at) => (at === index ? { ...dependency, ...patch } : dependency)));
  const add = (id: string) => {
    const target = entries.find((stored) => stored.id === id);
    if (!target || current.some((dependency) => dependency.entryId === id)) return;
    set([...current, { entryId: id, title: target.entry.title, kind: 'integration', why: '' }]);
    setTyped('');
    setStatus(`Added ${target.entry.title}. Say how and why below; Save keeps it.`);
    pickerRef.current?.focus();
  };
  const remove = (index: number, title: string) => {
    set(current.filter((_dependency, at) => at !== index));
    setStatus(`Removed ${title}. Save keeps the change.`);
    // The next row's Remove takes its place; with none left, the previous one; then the picker.
    const next = removeRefs.current.get(index + 1) ?? removeRefs.current.get(index - 1);
    requestAnimationFrame(() => (next && next.isConnected ? next : pickerRef.current)?.focus());
  };

  const name = props.entry.title.trim() || 'this service';
  return (
    <div id={props.id} tabIndex={-1} role="group" aria-labelledby={labelId} className={styles.box}
      aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <Text id={labelId} className={styles.label}>{props.label}</Text>
      {props.hint ? <Text size={200}>{props.hint}</Text> : null}
      {rows.length === 0 ? <Text size={200}>No dependencies recorded.</Text> : (
        <ul className={styles.list} aria-label={`Services ${name} depends on`}>
          {rows.map((row) => {
            const rowId = `${props.id}-row-${row.index}`;
            return (
              <li key={`${row.dependency.entryId}-${row.index}`}>
                <div className={styles.row} role="group" aria-labelledby={`${rowId}-title`}>
                  <div className={styles.rowHead}>
                    <Text id={`${rowId}-title`} weight="semibold">{row.title}</Text>
                    {row.problem ? (
                      <Badge appearance="outline" color={row.problem === 'retired' ? 'warning' : 'danger'}>{PROBLEM_WORDS[row.problem]}</Badge>
                    ) : null}
                  </div>
                  <div className={styles.controls}>
                    <Field label="How" size="small">
                      <Select size="small" value={row.dependency.kind} aria-label={`How ${name} depends on ${row.title}`}
                        onChange={(_event, data) => update(row.index, { kind: data.value as DependencyKind })}>
                        {DEPENDENCY_KINDS.map((option) => <option key={option.code} value={option.code}>{option.label}</option>)}
                      </Select>
                    </Field>
                    <Field label="Why" size="small" className={styles.why}>
                      <Input size="small" value={row.dependency.why} maxLength={LIST_REASON_MAX} aria-label={`Why ${name} depends on ${row.title}`}
                        onChange={(_event, data) => update(row.index, { why: data.value })} />
                    </Field>
                    <Button size="small" aria-label={`Remove ${row.title}`}
                      ref={(element) => { if (element) removeRefs.current.set(row.index, element); else removeRefs.current.delete(row.index); }}
                      onClick={() => remove(row.index, row.title)}>
                      Remove
                    </Button>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <div className={styles.add}>
        <Field label="Add a service it depends on" hint={more > 0 ? `Showing the first ${MAX_CHOICES}: type to narrow.` : undefined}>
          <Combobox
            id={pickerId}
            ref={pickerRef}
            freeform
            autoComplete="off"
            placeholder="Type a service name"
            value={typed}
            selectedOptions={[]}
            onInput={(event) => setTyped((event.target as HTMLInputElement).value)}
            onOptionSelect={(_event, data) => { if (data.optionValue) add(data.optionValue); }}
          >
            {choices.length === 0 ? (
              <Option value="" text="" disabled>{entries.length === 0 ? 'The register is still loading' : 'No other service matches'}</Option>
            ) : choices.map((choice) => <Option key={choice.id} value={choice.id} text={choice.title}>{choice.title}</Option>)}
          </Combobox>
        </Field>
      </div>
      <div aria-live="polite"><Text size={200}>{status}</Text></div>
      {props.error ? <Text id={`${props.id}-error`} className={styles.error} size={200}>{props.error}</Text> : null}
      {entryId !== null ? (
        <div role="group" aria-labelledby={`${props.id}-dependents`}>
          <Text id={`${props.id}-dependents`} weight="semibold">Depended on by</Text>
          {dependents.length === 0 ? <Text size={200} as="p">No other service names {name}.</Text> : (
            <ul className={styles.plainList}>
              {dependents.map((line) => (
                <li key={line.id}><Text size={200}>{line.title}{line.retired ? ' (retired)' : ''}: {dependencyLine(line.kind, line.why)}</Text></li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
