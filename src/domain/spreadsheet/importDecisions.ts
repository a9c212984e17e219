/**
 * From the preview to what is written: each row's owner and deputy resolved, the user's choice for
 * each duplicate (skip, merge into the existing entry or the earlier row, or import as new), and an
 * account of where every non-empty cell of the file went.
 */
import type { PersonRef, RegisterEntry, StoredEntry } from '../entry';
import { MULTI_LINE_MAX } from '../validation';
import type { PersonHint } from './cellValues';
import { titleKey } from './duplicates';
import { mergeEntries } from './entryMerge';
import { IMPORT_FIELD_LABELS } from './importFields';
import { columnLetter, columnName, type PlannedRow } from './importPlan';
import { hintKey, type PersonMatch } from './ownerMatching';
import type { RowLink } from '../dependencies/importLinks';

export type DuplicateChoice = 'skip' | 'merge' | 'new';

/** A repeat of an earlier row is merged into it; a service already in the register is skipped unless the user says otherwise. */
export function defaultChoice(row: PlannedRow): DuplicateChoice {
  return row.duplicate?.kind === 'earlier-row' ? 'merge' : 'skip';
}

export interface RowDecision {
  readonly rowNumber: number;
  readonly entryKey: string;
  /** The row's entry (for a merge: what is merged in, with any later repeats folded into it). */
  readonly entry: RegisterEntry;
  readonly write: boolean;
  /** create: a new entry; merge: into `mergeInto`, with If-Match on its eTag; skip: not written (`reason` says why). */
  readonly action: 'create' | 'merge' | 'skip';
  readonly mergeInto?: StoredEntry;
  /** For a row folded into an earlier row of the file: that row's number. */
  readonly mergedInto?: number;
  /** Why the row is not written (shown in the report); '' when it is. */
  readonly reason: string;
  /** "Depends on" links to other rows of the file, added once they exist (importRunner's second pass). */
  readonly dependsOnRows?: readonly RowLink[];
}

/** The owner and deputy hints of rows that could be written (rows without a name are not looked up). */
export function peopleHints(rows: readonly PlannedRow[]): PersonHint[] {
  return rows.filter((row) => row.state !== 'blocked').flatMap((row) => [row.parsed.ownerHint, row.parsed.deputyHint]).filter((hint): hint is PersonHint => hint !== null);
}

/**
 * The row's entry with its owner and deputy filled in: a matched person, or for an ambiguous name
 * the person the user chose (`chosen`, by hintKey). A person left empty is kept in Notes as written.
 */
export function entryWithPeople(
  row: PlannedRow,
  matches: ReadonlyMap<string, PersonMatch>,
  chosen: ReadonlyMap<string, PersonRef | null> = new Map(),
): RegisterEntry {
  const notes: string[] = row.parsed.entry.notes === '' ? [] : [row.parsed.entry.notes];
  const resolve = (hint: PersonHint | null, label: string): PersonRef | null => {
    if (hint === null) return null;
    const key = hintKey(hint);
    const match = matches.get(key);
    const person = match?.kind === 'matched' ? match.person : chosen.get(key) ?? null;
    if (person === null) notes.push(`${label} (not matched in the directory): ${[hint.name, hint.email].filter(Boolean).join(' ')}`);
    return person;
  };
  const owner = resolve(row.parsed.ownerHint, IMPORT_FIELD_LABELS.owner);
  const deputy = resolve(row.parsed.deputyHint, IMPORT_FIELD_LABELS.deputy);
  return { ...row.parsed.entry, owner, deputy, notes: notes.join('\n').slice(0, MULTI_LINE_MAX) };
}

export interface DecisionOptions {
  /** Write rows with warnings (their unreadable text is in Notes). Default true. */
  readonly includeWarnings?: boolean;
  /** The user's choice per duplicate row, by row number (absent: `defaultChoice`). */
  readonly choices?: ReadonlyMap<number, DuplicateChoice>;
  readonly people?: ReadonlyMap<string, PersonMatch>;
  readonly chosen?: ReadonlyMap<string, PersonRef | null>;
}

export function decideImport(rows: readonly PlannedRow[], options: DecisionOptions = {}): RowDecision[] {
  const decisions: RowDecision[] = [];
  const firstOf = new Map<string, number>();
  const problems = (row: PlannedRow) => row.problems.map((problem) => problem.message).join(' ');
  for (const row of rows) {
    const base = { rowNumber: row.rowNumber, entryKey: row.entryKey };
    const entry = entryWithPeople(row, options.people ?? new Map(), options.chosen);
    const skip = (reason: string, extra: Partial<RowDecision> = {}) => decisions.push({ ...base, entry, write: false, action: 'skip', reason, ...extra });
    if (row.state === 'blocked') {
      const others = row.problems.filter((problem) => problem.field !== 'title').map((problem) => problem.message).join(' ');
      skip(`No service name, so this row is not imported. ${others}`.trim());
      continue;
    }
    if (row.state === 'warning' && options.includeWarnings === false) {
      skip(`Left out because of warnings: ${problems(row)}`);
      continue;
    }
    const key = titleKey(entry.title);
    const choice = row.duplicate === null ? 'new' : options.choices?.get(row.rowNumber) ?? defaultChoice(row);
    const earlier = firstOf.get(key);
    if (row.duplicate?.kind === 'earlier-row' && choice === 'merge') {
      const target = earlier === undefined ? undefined : decisions[earlier];
      if (target === undefined || !target.write) {
        skip(`Repeats row ${row.duplicate.earlierRow}, which is not imported, so this row is not imported either.`);
      } else {
        const dependsOnRows = [...(target.dependsOnRows ?? []), ...(row.dependsOnRows ?? [])];
        decisions[earlier as number] = { ...target, entry: mergeEntries(target.entry, entry, `Spreadsheet row ${row.rowNumber}`), ...(dependsOnRows.length > 0 ? { dependsOnRows } : {}) };
        skip(`Merged into row ${target.rowNumber} (the same service).`, { mergedInto: target.rowNumber });
      }
      continue;
    }
    if (choice === 'skip') {
      skip(row.duplicate?.kind === 'existing'
        ? `"${entry.title}" is already in the register (as "${row.duplicate.matches}"): skipped, as chosen.`
        : `Repeats row ${row.duplicate?.earlierRow}: skipped, as chosen.`);
      continue;
    }
    const links = row.dependsOnRows ? { dependsOnRows: row.dependsOnRows } : {};
    if (row.duplicate?.kind === 'existing' && choice === 'merge' && row.duplicate.existing) {
      decisions.push({ ...base, entry, write: true, action: 'merge', mergeInto: row.duplicate.existing, reason: '', ...links });
    } else decisions.push({ ...base, entry, write: true, action: 'create', reason: '', ...links });
    if (earlier === undefined) firstOf.set(key, decisions.length - 1);
  }
  return decisions;
}

export interface CellAccount {
  /** Every non-empty cell below the header row. */
  readonly cells: number;
  readonly inFields: number;
  readonly inNotes: number;
  /** Cut or split: part in a field, the whole text also in Notes. */
  readonly inFieldAndNotes: number;
  /** In columns the user set to "Don't import". */
  readonly notImportedByChoice: number;
  /** In rows not written: skipped duplicates, rows left out for warnings. */
  readonly inSkippedRows: number;
  /** In rows with no service name. */
  readonly inRowsWithoutName: number;
  /** Cells the import could not place: always 0 (tests hold it there). */
  readonly unaccounted: number;
}

/** Where every non-empty cell of the data rows went, once the decisions are made. */
export function accountCells(rows: readonly PlannedRow[], decisions: ReadonlyArray<Pick<RowDecision, 'rowNumber' | 'write'> & { readonly mergedInto?: number }>): CellAccount {
  const count = { cells: 0, inFields: 0, inNotes: 0, inFieldAndNotes: 0, notImportedByChoice: 0, inSkippedRows: 0, inRowsWithoutName: 0, unaccounted: 0 };
  const byRow = new Map(decisions.map((decision) => [decision.rowNumber, decision]));
  for (const row of rows) {
    const decision = byRow.get(row.rowNumber);
    for (const cell of row.cells) {
      count.cells += 1;
      if (row.state === 'blocked') count.inRowsWithoutName += 1;
      else if (cell.landing === 'not-imported') count.notImportedByChoice += 1;
      else if (decision && !decision.write && decision.mergedInto === undefined) count.inSkippedRows += 1;
      else if (cell.landing === 'field') count.inFields += 1;
      else if (cell.landing === 'notes') count.inNotes += 1;
      else if (cell.landing === 'both') count.inFieldAndNotes += 1;
      else count.unaccounted += 1;
    }
  }
  return count;
}

/** One line for the report: "A: Service name; C: Support contact → Notes + Support phone; F: not imported". */
export function describeRowCells(row: PlannedRow, headers: readonly string[]): string {
  return row.cells.map((cell) => {
    const where = `${columnLetter(cell.column)} (${columnName(headers, cell.column)})`;
    if (cell.field === null || cell.landing === 'not-imported') return `${where}: not imported (your choice)`;
    const label = IMPORT_FIELD_LABELS[cell.field];
    if (cell.landing === 'notes') return `${where}: Notes`;
    if (cell.landing === 'both') return `${where}: ${label} and Notes`;
    return `${where}: ${label}`;
  }).join('; ');
}

/** The summary sentence for the preview and the command line. */
export function describeAccount(account: CellAccount): string {
  const parts = [
    `${account.inFields} into their fields`,
    `${account.inFieldAndNotes} into a field with the full text also in Notes`,
    `${account.inNotes} kept in Notes`,
    ...(account.notImportedByChoice > 0 ? [`${account.notImportedByChoice} in columns set to “Don’t import”`] : []),
    ...(account.inSkippedRows > 0 ? [`${account.inSkippedRows} in rows not imported (skipped duplicates or left out)`] : []),
    ...(account.inRowsWithoutName > 0 ? [`${account.inRowsWithoutName} in rows without a service name`] : []),
    ...(account.unaccounted > 0 ? [`${account.unaccounted} not placed`] : []),
  ];
  return `${account.cells} filled cells: ${parts.join(', ')}.`;
}
