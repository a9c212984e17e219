/**
 * The import preview: which row holds the headers, what each column maps to, and for every data
 * row the entry it would become, its problems and whether it can be written.
 *
 * A row is `blocked` (never written) when the entry would break the add form's rules (no name,
 * a name over 255 characters, a future "last reviewed" date...) or repeats an existing entry or an
 * earlier row. A row with only `warnings` (a provision or date that could not be read, so the
 * field keeps its default) can be written if the user chooses; a `ready` row has no problems.
 */
import type { LocalDate, PersonRef, RegisterEntry } from '../entry';
import type { PersonHint } from './cellValues';
import { hintKey, type PersonMatch } from './ownerMatching';
import { hasErrors, validateEntry } from '../validation';
import { cellsByField, matchHeaders, type HeaderMatch } from './headerMatching';
import type { ImportField } from './importFields';
import { findDuplicates, parseImportRow, type ParsedRow, type RowProblem } from './rowParsing';
import { HEADER_SEARCH_ROWS, fingerprintSheet, importEntryKey, type SheetData, type SheetRow } from './sheetData';

export type RowState = 'ready' | 'warning' | 'blocked';

export interface PlannedRow {
  readonly rowNumber: number;
  readonly entryKey: string;
  readonly parsed: ParsedRow;
  /** Every problem, the duplicate one included, in field order. */
  readonly problems: readonly RowProblem[];
  readonly state: RowState;
}

export interface HeaderGuess {
  /** Index into `sheet.rows` of the header row. */
  readonly headerIndex: number;
  readonly matches: readonly HeaderMatch[];
}

function matchedCount(matches: readonly HeaderMatch[]): number {
  return matches.filter((match) => match.field !== null).length;
}

/**
 * The header row: among the first rows, the one whose cells match the most fields (the earliest on
 * a tie), so a title row or a merged "Support" band above the real headers is passed over.
 * A band of merged cells directly above is prefixed to the headers under it ("Support" + "Phone").
 */
export function guessHeaderRow(sheet: SheetData): HeaderGuess {
  const bands = sheet.bands ?? new Map<number, readonly string[]>();
  let best: HeaderGuess = { headerIndex: 0, matches: matchHeaders(sheet.rows[0]?.cells ?? []) };
  sheet.rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const band = bands.get(row.rowNumber - 1);
    const headers = row.cells.map((cell, column) => {
      const group = band?.[column] ?? '';
      return group !== '' && cell.trim() !== '' ? `${group} ${cell}` : cell;
    });
    const plain = matchHeaders(row.cells);
    const banded = band ? matchHeaders(headers) : plain;
    const matches = matchedCount(banded) > matchedCount(plain) ? banded : plain;
    if (matchedCount(matches) > matchedCount(best.matches)) best = { headerIndex: index, matches };
  });
  return best;
}

export interface PlanInput {
  readonly sheet: SheetData;
  readonly headerIndex: number;
  /** The confirmed field for each column (null: not imported). */
  readonly mapping: ReadonlyArray<ImportField | null>;
  readonly existingTitles: readonly string[];
  readonly today: LocalDate;
}

function isBlank(row: SheetRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

/** @returns one planned row per non-blank data row below the header row, in sheet order. */
export function planImport(input: PlanInput): PlannedRow[] {
  const fingerprint = fingerprintSheet(input.sheet);
  const dataRows = input.sheet.rows.slice(input.headerIndex + 1).filter((row) => !isBlank(row));
  const parsed = dataRows.map((row) => parseImportRow(cellsByField(input.mapping, row.cells), input.today));
  const duplicates = new Map(findDuplicates(parsed.map((row) => row.entry.title), input.existingTitles).map((dup) => [dup.index, dup]));
  return dataRows.map((row, index) => {
    const rowParse = parsed[index] as ParsedRow;
    const duplicate = duplicates.get(index);
    const problems: RowProblem[] = [...rowParse.problems];
    if (duplicate?.kind === 'existing') {
      problems.push({ field: 'title', message: `"${duplicate.title}" is already in the register (as "${duplicate.matches}"), so this row is not imported.` });
    } else if (duplicate) {
      const earlier = dataRows[duplicate.matchIndex ?? 0]?.rowNumber;
      problems.push({ field: 'title', message: `"${duplicate.title}" repeats row ${earlier}, so this row is not imported.` });
    }
    const blocked = duplicate !== undefined || hasErrors(validateEntry(rowParse.entry, input.today));
    const state: RowState = blocked ? 'blocked' : problems.length > 0 ? 'warning' : 'ready';
    return { rowNumber: row.rowNumber, entryKey: importEntryKey(fingerprint, row.rowNumber), parsed: rowParse, problems, state };
  });
}

/** What the user confirmed for one row: write it (with owners resolved) or not, and why not. */
export interface RowDecision {
  readonly rowNumber: number;
  readonly entryKey: string;
  readonly entry: RegisterEntry;
  readonly write: boolean;
  /** Why the row is not written (shown in the report); '' when it is. */
  readonly reason: string;
}

/**
 * The default decision for a planned row: ready rows are written; warning rows only when
 * `includeWarnings`; blocked rows never.
 */
export function defaultDecision(row: PlannedRow, includeWarnings: boolean): RowDecision {
  const base = { rowNumber: row.rowNumber, entryKey: row.entryKey, entry: row.parsed.entry };
  if (row.state === 'blocked') return { ...base, write: false, reason: row.problems.map((problem) => problem.message).join(' ') };
  if (row.state === 'warning' && !includeWarnings) {
    return { ...base, write: false, reason: `Left out because of problems: ${row.problems.map((problem) => problem.message).join(' ')}` };
  }
  return { ...base, write: true, reason: '' };
}

/** The owner and deputy hints of rows that could be written (blocked rows are not looked up). */
export function peopleHints(rows: readonly PlannedRow[]): PersonHint[] {
  return rows.filter((row) => row.state !== 'blocked').flatMap((row) => [row.parsed.ownerHint, row.parsed.deputyHint]).filter((hint): hint is PersonHint => hint !== null);
}

/**
 * The row's entry with its owner and deputy filled in: a matched person, or for an ambiguous name
 * the person the user chose (`chosen`, by hintKey; null or absent leaves the field empty).
 */
export function entryWithPeople(
  row: PlannedRow,
  matches: ReadonlyMap<string, PersonMatch>,
  chosen: ReadonlyMap<string, PersonRef | null> = new Map(),
): RegisterEntry {
  const resolve = (hint: PersonHint | null): PersonRef | null => {
    if (hint === null) return null;
    const key = hintKey(hint);
    const match = matches.get(key);
    if (match?.kind === 'matched') return match.person;
    return chosen.get(key) ?? null;
  };
  return { ...row.parsed.entry, owner: resolve(row.parsed.ownerHint), deputy: resolve(row.parsed.deputyHint) };
}
