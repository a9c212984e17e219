/**
 * Issue 14's evidence: a practice's own messy "IT systems list" imports at least 12 of its 13 real
 * rows on a dry run, with every filled cell accounted for: in its field, in Notes, or left out by
 * the user's choice, and none silently dropped.
 */
import type { StoredEntry } from '../../../src/domain/entry';
import { emptyEntry } from '../../../src/domain/entry';
import { cleanText } from '../../../src/domain/spreadsheet/cellValues';
import { describeLanding } from '../../../src/domain/spreadsheet/columnLanding';
import { accountCells, decideImport, describeAccount, type DuplicateChoice, type RowDecision } from '../../../src/domain/spreadsheet/importDecisions';
import { defaultMapping, guessHeaderRow, planImport, type PlannedRow } from '../../../src/domain/spreadsheet/importPlan';
import type { ImportField } from '../../../src/domain/spreadsheet/importFields';
import { readSpreadsheet } from '../../../src/domain/spreadsheetFiles/readSpreadsheet';
import type { SheetData } from '../../../src/domain/spreadsheet/sheetData';
import { IT_LIST_HEADERS, OVERLONG_SUPPLIER, practiceItSystemsList } from '../../support/messyWorkbook';

const TODAY = '2025-06-01';
let sheet: SheetData;
let headerIndex: number;
let mapping: Array<ImportField | null>;

beforeAll(async () => {
  const read = await readSpreadsheet('IT systems list.xlsx', new Uint8Array(await practiceItSystemsList()));
  if (!read.ok) throw new Error(read.message);
  sheet = read.sheet;
  const guess = guessHeaderRow(sheet);
  headerIndex = guess.headerIndex;
  mapping = defaultMapping(sheet, guess);
});

function plan(options: { mapping?: ReadonlyArray<ImportField | null>; existing?: StoredEntry[] } = {}): PlannedRow[] {
  return planImport({ sheet, headerIndex, mapping: options.mapping ?? mapping, existing: options.existing ?? [], today: TODAY });
}

function row(rows: readonly PlannedRow[], rowNumber: number): PlannedRow {
  const found = rows.find((candidate) => candidate.rowNumber === rowNumber);
  if (!found) throw new Error(`no row ${rowNumber}`);
  return found;
}

function decision(decisions: readonly RowDecision[], rowNumber: number): RowDecision {
  const found = decisions.find((candidate) => candidate.rowNumber === rowNumber);
  if (!found) throw new Error(`no decision for row ${rowNumber}`);
  return found;
}

test('the header row is found under the title row and a blank row, and every column is matched by meaning', () => {
  expect(sheet.rows[headerIndex]?.rowNumber).toBe(3);
  expect(Object.fromEntries(IT_LIST_HEADERS.map((header, column) => [header, mapping[column]]))).toEqual({
    System: 'title',
    'What we use it for': 'purpose',
    'Who provides it (CCG/practice)': 'provision',
    Supplier: 'supplier',
    Helpdesk: 'supportContact',
    Hours: 'supportHours',
    'Personal data?': 'dataTypes',
    DPIA: 'dpiaStatus',
    'How staff get access': 'accessGranted',
    'If it goes down': 'downtimeProcess',
    'BCP last tested': 'continuityLastTested',
    Lead: 'owner',
    'Last reviewed': 'lastReviewedOn',
    'In use?': 'lifecycle',
    Comments: 'notes',
    'Cost (£/yr)': 'notes', // no register field: kept in Notes rather than dropped
  });
  expect(describeLanding('supportContact', 'Helpdesk')).toMatch(/^Notes, as “Support contact: …”\. A phone number, email or https address/);
});

test('12 of the 13 real rows become entries and the 13th (a duplicate line) is merged into its first copy; only the row without a name is refused', () => {
  const rows = plan();
  const decisions = decideImport(rows, { includeWarnings: true });
  expect(rows).toHaveLength(14);
  expect(rows.filter((planned) => planned.state === 'blocked').map((planned) => planned.rowNumber)).toEqual([21]);
  expect(decisions.filter((item) => item.action === 'create')).toHaveLength(12);
  expect(decision(decisions, 19)).toMatchObject({ write: false, mergedInto: 4, reason: 'Merged into row 4 (the same service).' });
  expect(decision(decisions, 4).entry.notes).toContain('duplicate line, added by reception');
  expect(decision(decisions, 21).reason).toMatch(/^No service name/);
});

test('every filled cell is accounted for, and the text of each one kept in Notes is really there', () => {
  const rows = plan();
  const decisions = decideImport(rows);
  const account = accountCells(rows, decisions);
  const filled = sheet.rows.slice(headerIndex + 1).flatMap((sheetRow) => sheetRow.cells.filter((cell) => cell.trim() !== '')).length;
  expect(account.cells).toBe(filled);
  expect(account.unaccounted).toBe(0);
  expect(account.inFields + account.inNotes + account.inFieldAndNotes + account.notImportedByChoice + account.inSkippedRows + account.inRowsWithoutName)
    .toBe(account.cells);
  expect(account.inRowsWithoutName).toBe(1);
  expect(describeAccount(account)).toMatch(new RegExp(`^${filled} filled cells: \\d+ into their fields`));

  for (const planned of rows.filter((candidate) => candidate.state !== 'blocked')) {
    const own = decision(decisions, planned.rowNumber);
    const written = own.mergedInto === undefined ? own : decision(decisions, own.mergedInto);
    const cells = sheet.rows.find((sheetRow) => sheetRow.rowNumber === planned.rowNumber)?.cells ?? [];
    for (const cell of planned.cells.filter((candidate) => candidate.landing === 'notes' || candidate.landing === 'both')) {
      // A cell only in Notes is there whole; one split between a field and Notes ("Yes (call recordings)") has its details there.
      const text = cleanText(cells[cell.column] ?? '', true);
      const details = cell.landing === 'both' ? /\(([^)]*)\)/.exec(text)?.[1] : undefined;
      const kept = written.entry.notes.includes(text) || (details !== undefined && written.entry.notes.includes(details));
      expect({ row: planned.rowNumber, column: cell.column, kept }).toEqual({ row: planned.rowNumber, column: cell.column, kept: true });
    }
  }
});

test('free-text contacts, "Yes (details)", "CCG funded" and year-only dates are read, with the text kept', () => {
  const rows = plan();
  const emis = row(rows, 4);
  expect(emis.parsed.entry).toMatchObject({ provision: 'icb-core', supportPhone: '0345 122 3456', continuityLastTested: null,
    dpiaStatus: 'complete', dpiaDate: '2024-01-12', lastReviewedOn: '2025-03-01' });
  expect(emis.parsed.entry.notes).toContain('Support contact: Optum support 0345 122 3456, have ODS code ready');
  expect(emis.parsed.entry.notes).toContain('Continuity last tested: 2022');
  expect(emis.problems.map((problem) => problem.message)).toEqual([
    'Continuity last tested: "2022" is only a year. Give the full date, for example 1 March 2022. The text is kept in Notes.',
  ]);
  expect(emis.parsed.ownerHint).toEqual({ name: 'Priya Shah', email: 'priya.shah@nhs.net' });

  const xon = row(rows, 7).parsed.entry;
  expect(xon).toMatchObject({ dataTypes: ['patient-identifiable'], supportPhone: '0333 332 0000', supportUrl: 'https://support.x-on.co.uk', provision: 'practice-owned' });
  expect(xon.notes).toContain('Data processed: call recordings');
  expect(row(rows, 5).parsed.entry).toMatchObject({ supportEmail: 'support@accurx.com', supportUrl: 'https://www.accurx.com/support' });
  expect(row(rows, 5).problems[0]?.message).toMatch(/"March 2023" has no day.*kept in Notes/);
  expect(row(rows, 16).parsed.entry).toMatchObject({ supportEmail: 'helpdesk@nhs.net', dataTypes: ['staff'], dpiaStatus: 'complete' });
  expect(row(rows, 10).parsed.entry).toMatchObject({ supportEmail: 'support@ardens.org.uk', lastReviewedOn: '2024-03-01', dataTypes: ['none'] });
  expect(row(rows, 15).parsed.entry).toMatchObject({ lifecycle: 'trial', provision: 'practice-owned' });
  expect(row(rows, 15).parsed.entry.notes).toContain('Provision: Trial');
});

test('the 420-character cell is reported with its row and column, cut to fit and kept whole in Notes', () => {
  const website = row(plan(), 14);
  expect(OVERLONG_SUPPLIER).toHaveLength(420);
  expect(website.state).toBe('warning');
  expect(website.problems.map((problem) => problem.message)).toEqual([
    'Row 14, column D (“Supplier”) has 420 characters; Supplier holds 255, so it is cut short there and the whole text is kept in Notes.',
  ]);
  expect(website.parsed.entry.supplier).toHaveLength(255);
  expect(website.parsed.entry.notes).toBe(`Supplier (in full): ${cleanText(OVERLONG_SUPPLIER, false)}`);
});

test('the person changes where a column lands: "Don\'t import" is counted as their choice; Helpdesk as a phone column still keeps its words', () => {
  const cost = IT_LIST_HEADERS.indexOf('Cost (£/yr)');
  const helpdesk = IT_LIST_HEADERS.indexOf('Helpdesk');
  const changed = mapping.map((field, column) => (column === cost ? null : column === helpdesk ? 'supportPhone' : field));
  const rows = plan({ mapping: changed });
  const account = accountCells(rows, decideImport(rows));
  expect(account.notImportedByChoice).toBe(3); // 0, 4800 and 350
  expect(account.unaccounted).toBe(0);
  const emis = row(rows, 4).parsed.entry;
  expect(emis.supportPhone).toBe('0345 122 3456');
  expect(emis.notes).toContain('Support phone: Optum support 0345 122 3456, have ODS code ready');
  expect(emis.notes).not.toContain('Cost');
  expect(row(rows, 12).parsed.entry.supportPhone).toBe('0300 311 22 33');
  expect(row(rows, 8).problems.map((problem) => problem.message)).toEqual(['Support phone "Raise a call on the ICB portal" is not a phone number, so it is kept in Notes.']);
});

test('duplicates in the file and against the register, each with its own choice: skip, merge or import as new', () => {
  const stored: StoredEntry = {
    id: '7', eTag: '"abc,3"', createdAt: '', createdBy: '', modifiedAt: '', modifiedBy: '',
    entry: { ...emptyEntry(), title: 'NHS App', provision: 'national', supplier: 'NHS England', notes: 'Seeded.' },
  };
  const rows = plan({ existing: [stored] });
  expect(row(rows, 12).duplicate).toEqual({ kind: 'existing', matches: 'NHS App', existing: stored });
  expect(row(rows, 19).duplicate).toEqual({ kind: 'earlier-row', matches: 'EMIS Web', earlierRow: 4 });

  const byDefault = decideImport(rows);
  expect(decision(byDefault, 12)).toMatchObject({ write: false, action: 'skip', reason: '"NHS App" is already in the register (as "NHS App"): skipped, as chosen.' });
  expect(decision(byDefault, 19).mergedInto).toBe(4);

  const choices = new Map<number, DuplicateChoice>([[12, 'merge'], [19, 'new']]);
  const chosen = decideImport(rows, { choices });
  expect(decision(chosen, 12)).toMatchObject({ write: true, action: 'merge', mergeInto: stored });
  expect(decision(chosen, 19)).toMatchObject({ write: true, action: 'create' });
  expect(decideImport(rows, { choices: new Map([[19, 'skip']]) }).find((item) => item.rowNumber === 19)?.reason).toBe('Repeats row 4: skipped, as chosen.');
  expect(accountCells(rows, decideImport(rows, { choices: new Map([[19, 'skip']]) })).inSkippedRows).toBe(3 + 8); // row 19's cells and NHS App's (skipped by default)
});
