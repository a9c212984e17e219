/**
 * The import preview: which row holds the headers, where each column lands, and for every data row
 * the entry it would become, its warnings, whether it repeats another row or an entry already in
 * the register, and where each of its non-empty cells goes.
 *
 * A row is `blocked` (never written) only when it has no name. A row whose cells could not all be
 * read as their fields has `warnings` (the text is kept in Notes, nothing is lost); a `ready` row
 * has none. Duplicates are not refused: the user chooses per row (see importDecisions.ts).
 */
import type { LocalDate, StoredEntry } from '../entry';
import { cleanText } from './cellValues';
import { findDuplicates } from './duplicates';
import { matchHeaders, type HeaderMatch } from './headerMatching';
import type { ImportCells, ImportField } from './importFields';
import { parseImportRow, type Landing, type ParsedRow, type RowProblem } from './rowParsing';
import { HEADER_SEARCH_ROWS, fingerprintSheet, importEntryKey, type SheetData, type SheetRow } from './sheetData';
import { applyDependsOn, resolveDependsOnCells, type RowLink } from '../dependencies/importLinks';

export type RowState = 'ready' | 'warning' | 'blocked';

export interface RowDuplicate {
  /** 'existing': already in the register; 'earlier-row': repeats a row higher up in the file. */
  readonly kind: 'existing' | 'earlier-row';
  /** The register title it matches, or the earlier row's title. */
  readonly matches: string;
  /** For 'existing' (when the plan was given the stored entries): the entry, with the eTag a merge must match. */
  readonly existing?: StoredEntry;
  /** For 'earlier-row': that row's number in the sheet. */
  readonly earlierRow?: number;
}

/** Where one non-empty cell goes: a field, Notes, both, or nowhere because its column is set to "Don't import". */
export interface CellLanding {
  readonly column: number;
  readonly field: ImportField | null;
  readonly landing: Landing | 'not-imported' | 'unaccounted';
}

export interface PlannedRow {
  readonly rowNumber: number;
  readonly entryKey: string;
  readonly parsed: ParsedRow;
  /** Every warning, in field order. */
  readonly problems: readonly RowProblem[];
  readonly state: RowState;
  readonly duplicate: RowDuplicate | null;
  readonly cells: readonly CellLanding[];
  /** Links to other rows of the file ("depends on" column), made once those rows are created. */
  readonly dependsOnRows?: readonly RowLink[];
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

function dataRows(sheet: SheetData, headerIndex: number): SheetRow[] {
  return sheet.rows.slice(headerIndex + 1).filter((row) => row.cells.some((cell) => cell.trim() !== ''));
}

/** The widest row under the headers: columns without a header still hold cells that must land somewhere. */
export function columnCount(sheet: SheetData, headerIndex: number): number {
  return Math.max(sheet.rows[headerIndex]?.cells.length ?? 0, ...dataRows(sheet, headerIndex).map((row) => row.cells.length));
}

/**
 * The mapping to offer: each matched header's field; any other column that holds data goes to
 * Notes (labelled with its header), so nothing is dropped unless the user says so.
 */
export function defaultMapping(sheet: SheetData, guess: HeaderGuess): Array<ImportField | null> {
  const rows = dataRows(sheet, guess.headerIndex);
  return Array.from({ length: columnCount(sheet, guess.headerIndex) }, (_, column) => {
    const field = guess.matches[column]?.field ?? null;
    if (field !== null) return field;
    return rows.some((row) => (row.cells[column] ?? '').trim() !== '') ? 'notes' : null;
  });
}

/** "A", "B", … "Z", "AA": the column as Excel names it. */
export function columnLetter(column: number): string {
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The header of a column as the user sees it, or "Column F" when it has none. */
export function columnName(headers: readonly string[], column: number): string {
  const header = cleanText(headers[column] ?? '', false);
  return header === '' ? `Column ${columnLetter(column)}` : header;
}

export interface PlanInput {
  readonly sheet: SheetData;
  readonly headerIndex: number;
  /** The confirmed field for each column (null: not imported). Several columns may go to Notes. */
  readonly mapping: ReadonlyArray<ImportField | null>;
  /** The register's entries (for merging), or just their titles. */
  readonly existing?: readonly StoredEntry[];
  readonly existingTitles?: readonly string[];
  readonly today: LocalDate;
}

/** @returns one planned row per non-blank data row below the header row, in sheet order. */
export function planImport(input: PlanInput): PlannedRow[] {
  const fingerprint = fingerprintSheet(input.sheet);
  const headers = input.sheet.rows[input.headerIndex]?.cells ?? [];
  const rows = dataRows(input.sheet, input.headerIndex);
  // The first Notes column whose header means notes is "the" notes; other columns sent there are labelled.
  const notesColumn = input.mapping.findIndex((field, column) => field === 'notes' && matchHeaders([headers[column] ?? ''])[0]?.field === 'notes');
  const parsed = rows.map((row) => {
    const cells: ImportCells = {};
    const extraNotes: { label: string; text: string }[] = [];
    input.mapping.forEach((field, column) => {
      const text = row.cells[column] ?? '';
      if (field === null) return;
      if (field === 'notes' && column !== notesColumn) {
        if (text.trim() !== '') extraNotes.push({ label: columnName(headers, column), text });
      } else if (cells[field] === undefined) cells[field] = text;
      else if (text.trim() !== '') extraNotes.push({ label: columnName(headers, column), text }); // a second column for one field
    });
    const where = (field: ImportField) => {
      const column = input.mapping.indexOf(field);
      return `row ${row.rowNumber}, column ${columnLetter(column)} (“${columnName(headers, column)}”)`;
    };
    return parseImportRow(cells, input.today, { where, extraNotes });
  });
  const existing = input.existing ?? [];
  // "Depends on": names matched against the register and the file's other rows (dependencies/importLinks.ts).
  const dependsOnColumn = input.mapping.indexOf('dependsOn');
  const links = resolveDependsOnCells(rows.map((row, index) => ({
    rowNumber: row.rowNumber, title: parsed[index]?.entry.title ?? '', text: dependsOnColumn < 0 ? '' : row.cells[dependsOnColumn] ?? '',
  })), existing);
  parsed.forEach((row, index) => {
    const rowNumber = rows[index]?.rowNumber ?? 0;
    const where = `row ${rowNumber}, column ${columnLetter(dependsOnColumn)} (“${columnName(headers, dependsOnColumn)}”)`;
    if (links[index]) parsed[index] = applyDependsOn(row, links[index], where, dependsOnColumn < 0 ? '' : rows[index]?.cells[dependsOnColumn] ?? '');
  });
  const titles = input.existing ? existing.map((stored) => stored.entry.title) : (input.existingTitles ?? []);
  const duplicates = new Map(findDuplicates(parsed.map((row) => row.entry.title), titles).map((dup) => [dup.index, dup]));
  return rows.map((row, index) => {
    const rowParse = parsed[index] as ParsedRow;
    const dup = duplicates.get(index);
    const duplicate: RowDuplicate | null = dup === undefined ? null : dup.kind === 'existing'
      ? { kind: 'existing', matches: dup.matches, ...(input.existing && dup.matchIndex !== undefined ? { existing: existing[dup.matchIndex] } : {}) }
      : { kind: 'earlier-row', matches: dup.matches, earlierRow: rows[dup.matchIndex ?? 0]?.rowNumber ?? 0 };
    const blocked = rowParse.entry.title.trim() === '';
    const state: RowState = blocked ? 'blocked' : rowParse.problems.length > 0 ? 'warning' : 'ready';
    const cells: CellLanding[] = [];
    row.cells.forEach((text, column) => {
      if (text.trim() === '') return;
      const field = input.mapping[column] ?? null;
      const extra = field === 'notes' ? column !== notesColumn : field !== null && input.mapping.indexOf(field) !== column;
      const landing = field === null ? 'not-imported' : extra ? 'notes' : (rowParse.landed[field] ?? 'unaccounted');
      cells.push({ column, field, landing });
    });
    const dependsOnRows = links[index]?.rowLinks ?? [];
    return { rowNumber: row.rowNumber, entryKey: importEntryKey(fingerprint, row.rowNumber), parsed: rowParse, problems: rowParse.problems, state, duplicate, cells,
      ...(dependsOnRows.length > 0 ? { dependsOnRows } : {}) };
  });
}
