/**
 * The preview: every row with what will happen to it and why, a choice for each duplicate (skip,
 * merge, import as new), the people to choose where a name is ambiguous, an account of where every
 * filled cell goes, and the one button that writes. Long files are shown 100 rows a page.
 */
import { useMemo, useState } from 'react';
import { Button, Checkbox, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  accountCells, defaultChoice, describeAccount, describeMatch, hintKey,
  type DuplicateChoice, type PersonHint, type PersonMatch, type PersonRef, type PlannedRow,
} from '@domain';
import type { ImportItem } from '@usecases';

const PAGE = 100;

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', '& th, & td': { textAlign: 'start', padding: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' } },
  name: { maxWidth: '280px', overflowWrap: 'anywhere' },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  people: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '600px' },
});

const STATE_WORDS = { ready: 'Will be imported', warning: 'Will be imported (see warnings)', blocked: 'Cannot be imported: no name' } as const;

function outcomeText(row: PlannedRow, item: ImportItem | undefined): string {
  if (row.state === 'blocked') return STATE_WORDS.blocked;
  if (item?.mergedInto !== undefined) return `Merged into row ${item.mergedInto}`;
  if (item && !item.write) return row.duplicate ? 'Skipped' : 'Left out (warnings)';
  if (item?.action === 'merge') return 'Merged into the existing entry';
  return STATE_WORDS[row.state];
}

function DuplicateSelect(props: { row: PlannedRow; value: DuplicateChoice; onChange: (choice: DuplicateChoice) => void }) {
  const dup = props.row.duplicate;
  if (dup === null) return null;
  const what = dup.kind === 'existing' ? `already in the register as “${dup.matches}”` : `repeats row ${dup.earlierRow}`;
  return (
    <>
      <Text as="p" block size={200}>{`${what[0]?.toUpperCase()}${what.slice(1)}.`}</Text>
      <Select
        aria-label={`Row ${props.row.rowNumber}, “${props.row.parsed.entry.title}”, ${what}: what to do`}
        value={props.value}
        onChange={(_event, data) => props.onChange(data.value as DuplicateChoice)}
      >
        <option value="skip">Skip this row</option>
        <option value="merge">{dup.kind === 'existing' ? 'Merge into the existing entry' : `Merge into row ${dup.earlierRow}`}</option>
        <option value="new">Import as a new entry</option>
      </Select>
    </>
  );
}

function ambiguousHints(rows: readonly PlannedRow[], people: ReadonlyMap<string, PersonMatch>): [string, PersonHint, PersonMatch & { kind: 'ambiguous' }][] {
  const found = new Map<string, [string, PersonHint, PersonMatch & { kind: 'ambiguous' }]>();
  for (const row of rows) {
    if (row.state === 'blocked') continue;
    for (const hint of [row.parsed.ownerHint, row.parsed.deputyHint]) {
      const match = hint && people.get(hintKey(hint));
      if (hint && match?.kind === 'ambiguous') found.set(hintKey(hint), [hintKey(hint), hint, match]);
    }
  }
  return [...found.values()];
}

function personText(hint: PersonHint | null, people: ReadonlyMap<string, PersonMatch>, chosen: ReadonlyMap<string, PersonRef | null>): string {
  if (hint === null) return '';
  const match = people.get(hintKey(hint));
  if (!match) return [hint.name, hint.email].filter(Boolean).join(' ');
  const picked = chosen.get(hintKey(hint));
  if (match.kind === 'ambiguous' && picked) return `${picked.displayName} (${picked.upn}), chosen by you`;
  return describeMatch(hint, match);
}

export function ImportPreview(props: {
  fileName: string;
  notes: readonly string[];
  headerCells: readonly string[];
  rows: readonly PlannedRow[];
  people: ReadonlyMap<string, PersonMatch>;
  lookupFailed: boolean;
  itemsFor: (includeWarnings: boolean, chosen: ReadonlyMap<string, PersonRef | null>, choices: ReadonlyMap<number, DuplicateChoice>) => ImportItem[];
  onConfirm: (items: ImportItem[]) => void;
  onBack: () => void;
}) {
  const styles = useStyles();
  // Rows with warnings are imported by default: what could not be read is kept in Notes, not lost.
  const [includeWarnings, setIncludeWarnings] = useState(true);
  const [choices, setChoices] = useState<ReadonlyMap<number, DuplicateChoice>>(new Map());
  const [chosen, setChosen] = useState<ReadonlyMap<string, PersonRef | null>>(new Map());
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [page, setPage] = useState(0);
  const counts = { ready: 0, warning: 0, blocked: 0 };
  for (const row of props.rows) counts[row.state] += 1;
  const ambiguous = useMemo(() => ambiguousHints(props.rows, props.people), [props.rows, props.people]);
  const shown = onlyProblems ? props.rows.filter((row) => row.problems.length > 0) : props.rows;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages - 1);
  const items = props.itemsFor(includeWarnings, chosen, choices);
  const toWrite = items.filter((item) => item.write).length;
  const byRow = new Map(items.map((item) => [item.rowNumber, item]));
  const duplicates = props.rows.filter((row) => row.duplicate !== null).length;
  const account = accountCells(props.rows, items);

  return (
    <section aria-labelledby="import-preview-heading">
      <Text as="h3" block id="import-preview-heading" size={400} weight="semibold">
        Preview of {props.fileName}
      </Text>
      <Text as="p" block role="status">
        {`${props.rows.length} rows: ${counts.ready} ready, ${counts.warning} with warnings, ${duplicates} ${duplicates === 1 ? 'repeats' : 'repeat'} another, `
          + `${counts.blocked} cannot be imported (no name). Nothing has been saved yet.`}
      </Text>
      <Text as="p" block data-testid="cell-account">{describeAccount(account)}</Text>
      {props.notes.map((note) => <Text as="p" block key={note}>Note: {note}</Text>)}
      {props.lookupFailed ? <Text as="p" block role="alert">The directory could not be searched, so owners are not matched. Import now and choose owners later, or go back and try again.</Text> : null}
      {ambiguous.length > 0 ? (
        <fieldset className={styles.people}>
          <legend>Choose who is meant</legend>
          {ambiguous.map(([key, hint, match]) => (
            <Select
              key={key}
              aria-label={`Who is “${hint.name ?? hint.email}”?`}
              value={chosen.get(key)?.entraId ?? ''}
              onChange={(_event, data) => {
                const person = match.candidates.find((candidate) => candidate.id === data.value);
                setChosen((map) => new Map(map).set(key, person ? { entraId: person.id, displayName: person.displayName, upn: person.userPrincipalName || person.mail } : null));
              }}
            >
              <option value="">{`“${hint.name ?? hint.email}”: leave empty`}</option>
              {match.candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {`${candidate.displayName} · ${candidate.mail || candidate.userPrincipalName}${candidate.jobTitle ? ` · ${candidate.jobTitle}` : ''}${candidate.inPractice ? ' · in this practice' : ''}`}
                </option>
              ))}
            </Select>
          ))}
        </fieldset>
      ) : null}
      <div className={styles.bar}>
        {counts.warning > 0 ? (
          <Checkbox
            checked={!includeWarnings}
            onChange={(_event, data) => setIncludeWarnings(data.checked !== true)}
            label={`Leave out the ${counts.warning} ${counts.warning === 1 ? 'row' : 'rows'} with warnings (otherwise what could not be read is kept in Notes)`}
          />
        ) : null}
        <Checkbox checked={onlyProblems} onChange={(_event, data) => (setOnlyProblems(data.checked === true), setPage(0))} label="Show only rows with problems" />
      </div>
      <table className={styles.table} aria-label="Rows to import">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Service name</th>
            <th scope="col">Owner</th>
            <th scope="col">Outcome</th>
            <th scope="col">Duplicate</th>
            <th scope="col">Warnings</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(current * PAGE, current * PAGE + PAGE).map((row) => (
            <tr key={row.rowNumber}>
              <td>{row.rowNumber}</td>
              <td className={styles.name}>{row.parsed.entry.title.length > 120 ? `${row.parsed.entry.title.slice(0, 120)}…` : row.parsed.entry.title || '(no name)'}</td>
              <td>{personText(row.parsed.ownerHint, props.people, chosen)}</td>
              <td>{outcomeText(row, byRow.get(row.rowNumber))}</td>
              <td>
                <DuplicateSelect
                  row={row}
                  value={choices.get(row.rowNumber) ?? defaultChoice(row)}
                  onChange={(choice) => setChoices((map) => new Map(map).set(row.rowNumber, choice))}
                />
              </td>
              <td>
                {row.problems.length > 0 ? (
                  <ul className={styles.problems}>
                    {row.problems.map((problem, index) => <li key={index}>{problem.message.length > 300 ? `${problem.message.slice(0, 300)}…` : problem.message}</li>)}
                  </ul>
                ) : 'None'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav aria-label="Preview pages" className={styles.bar}>
          <Button disabled={current === 0} onClick={() => setPage(current - 1)}>Previous 100</Button>
          <Text>Rows {current * PAGE + 1}–{Math.min(shown.length, current * PAGE + PAGE)} of {shown.length}</Text>
          <Button disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>Next 100</Button>
        </nav>
      ) : null}
      <div className={styles.bar}>
        <Button appearance="primary" disabled={toWrite === 0} onClick={() => props.onConfirm(items)}>
          {toWrite === 1 ? 'Import 1 service' : `Import ${toWrite} services`}
        </Button>
        <Button onClick={props.onBack}>Back to the columns</Button>
      </div>
    </section>
  );
}
