/**
 * The preview: every row with what will happen to it and why, the people to choose where a name is
 * ambiguous, and the one button that writes. Long files are shown 100 rows a page.
 */
import { useMemo, useState } from 'react';
import { Button, Checkbox, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { describeMatch, hintKey, type PersonHint, type PersonMatch, type PersonRef, type PlannedRow } from '../../../domain';
import type { ImportItem } from '../../../graph/importRunner';

const PAGE = 100;

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', '& th, & td': { textAlign: 'start', padding: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' } },
  name: { maxWidth: '280px', overflowWrap: 'anywhere' },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  people: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '600px' },
});

const STATE_WORDS = { ready: 'Will be imported', warning: 'Has warnings', blocked: 'Cannot be imported' } as const;

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
  rows: readonly PlannedRow[];
  people: ReadonlyMap<string, PersonMatch>;
  lookupFailed: boolean;
  itemsFor: (includeWarnings: boolean, chosen: ReadonlyMap<string, PersonRef | null>) => ImportItem[];
  onConfirm: (items: ImportItem[]) => void;
  onBack: () => void;
}) {
  const styles = useStyles();
  const [includeWarnings, setIncludeWarnings] = useState(false);
  const [chosen, setChosen] = useState<ReadonlyMap<string, PersonRef | null>>(new Map());
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [page, setPage] = useState(0);
  const counts = { ready: 0, warning: 0, blocked: 0 };
  for (const row of props.rows) counts[row.state] += 1;
  const ambiguous = useMemo(() => ambiguousHints(props.rows, props.people), [props.rows, props.people]);
  const shown = onlyProblems ? props.rows.filter((row) => row.problems.length > 0) : props.rows;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages - 1);
  const items = props.itemsFor(includeWarnings, chosen);
  const toWrite = items.filter((item) => item.write).length;

  return (
    <section aria-labelledby="import-preview-heading">
      <Text as="h3" id="import-preview-heading" size={400} weight="semibold">
        Preview of {props.fileName}
      </Text>
      <Text as="p" role="status">
        {props.rows.length} rows: {counts.ready} ready, {counts.warning} with warnings, {counts.blocked} cannot be imported. Nothing has been saved yet.
      </Text>
      {props.notes.map((note) => <Text as="p" key={note}>Note: {note}</Text>)}
      {props.lookupFailed ? <Text as="p" role="alert">The directory could not be searched, so owners are not matched. Import now and choose owners later, or go back and try again.</Text> : null}
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
            checked={includeWarnings}
            onChange={(_event, data) => setIncludeWarnings(data.checked === true)}
            label={`Also import the ${counts.warning} rows with warnings (fields that could not be read keep their defaults)`}
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
            <th scope="col">Problems</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(current * PAGE, current * PAGE + PAGE).map((row) => (
            <tr key={row.rowNumber}>
              <td>{row.rowNumber}</td>
              <td className={styles.name}>{row.parsed.entry.title.length > 120 ? `${row.parsed.entry.title.slice(0, 120)}…` : row.parsed.entry.title || '(no name)'}</td>
              <td>{personText(row.parsed.ownerHint, props.people, chosen)}</td>
              <td>{row.state === 'warning' && !includeWarnings ? 'Left out (warnings)' : STATE_WORDS[row.state]}</td>
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
