/** Reading uploaded files: messy workbooks, bad files, limits. */
import ExcelJS from 'exceljs';
import { guessHeaderRow, planImport } from '../../../src/domain/spreadsheet/importPlan';
import { readSpreadsheet } from '../../../src/domain/spreadsheetFiles/readSpreadsheet';
import { MAX_CELL_CHARS, MAX_IMPORT_ROWS, type SheetData } from '../../../src/domain/spreadsheet/sheetData';
import { LONG_NAME_CUT, MESSY_EXPECTED, bigWorkbook, messyWorkbook } from '../../support/messyWorkbook';

const TODAY = '2025-06-01';

async function readOk(name: string, bytes: Uint8Array): Promise<SheetData> {
  const read = await readSpreadsheet(name, bytes);
  if (!read.ok) throw new Error(`Expected the file to read: ${read.message}`);
  return read.sheet;
}

async function readFails(name: string, bytes: Uint8Array): Promise<string> {
  const read = await readSpreadsheet(name, bytes);
  if (read.ok) throw new Error('Expected the file to be refused');
  return read.message;
}

describe('a messy practice workbook', () => {
  let sheet: SheetData;
  beforeAll(async () => {
    sheet = await readOk('systems.xlsx', await messyWorkbook());
  });

  test('reads the first sheet with data, finds the headers under the merged title and groups the Support band', () => {
    expect(sheet.sheetName).toBe('IT systems');
    const guess = guessHeaderRow(sheet);
    expect(sheet.rows[guess.headerIndex]?.rowNumber).toBe(3);
    const fields = guess.matches.map((match) => match.field);
    expect(fields).toEqual(['title', 'provision', 'owner', 'ownerEmail', 'supportPhone', 'supportEmail', 'supportHours', 'dpiaStatus',
      'lastReviewedOn', 'notes', 'category', 'supplier']);
  });

  test('uses saved formula results, never evaluates, reads date cells and fills a supplier merged down', () => {
    const byTitle = new Map(sheet.rows.map((row) => [row.cells[0], row]));
    expect(byTitle.get('Lexacom dictation')?.cells[8]).toBe('2025-03-01');
    expect(byTitle.get('Lexacom dictation')?.cells[9]).toBe('Reviewed 01/03/2025');
    expect(byTitle.has('ARDENS')).toBe(true);
    expect(byTitle.get('iGPR reports')?.cells[9] ?? '').toBe(''); // NOW() without a saved value: blank, not today's date
    expect(byTitle.get('iGPR reports')?.cells[11]).toBe('Ardens Ltd');
    expect(sheet.notes.join(' ')).toMatch(/3 cells hold formulas.*1 had no saved value/);
    expect(sheet.notes.join(' ')).toMatch(/merged down/);
  });

  test('the preview gives every row its state and problems', () => {
    const guess = guessHeaderRow(sheet);
    const rows = planImport({ sheet, headerIndex: guess.headerIndex, mapping: guess.matches.map((m) => m.field), existingTitles: [], today: TODAY });
    expect(rows.map((row) => [row.parsed.entry.title, row.state])).toEqual(MESSY_EXPECTED);
    const problems = (title: string) => rows.find((row) => row.parsed.entry.title === title)?.problems.map((p) => p.message).join(' ') ?? '';
    expect(problems('Blood results viewer')).toMatch(/Provision "Ask Dave" is not one we recognise/);
    expect(problems('Blood results viewer')).toMatch(/"last spring" is not a date/);
    expect(problems(LONG_NAME_CUT)).toMatch(/^Row 7, column A \(“System”\) has 300 characters; Service name holds 255/);
    expect(rows.find((row) => row.rowNumber === 8)?.duplicate).toEqual({ kind: 'earlier-row', matches: 'Lexacom dictation', earlierRow: 4 });
    const lexacom = rows[0]!;
    expect(lexacom.parsed.entry.lastReviewedOn).toBe('2025-03-01');
    expect(lexacom.parsed.entry.provision).toBe('practice-owned');
    expect(lexacom.parsed.ownerHint).toEqual({ name: 'Priya Shah', email: 'priya.shah@nhs.net' });
    expect(rows[1]!.parsed.entry.lastReviewedOn).toBe('2025-02-14');
  });

  test('entry keys are the same for the same file and row, and differ by row and by file', async () => {
    const plan = (s: SheetData) => planImport({ sheet: s, headerIndex: guessHeaderRow(s).headerIndex, mapping: guessHeaderRow(s).matches.map((m) => m.field), existingTitles: [], today: TODAY });
    const again = await readOk('systems-copy.xlsx', await messyWorkbook());
    const first = plan(sheet).map((row) => row.entryKey);
    expect(plan(again).map((row) => row.entryKey)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    const edited: SheetData = { ...sheet, rows: sheet.rows.map((row) => (row.rowNumber === 5 ? { ...row, cells: ['Changed', ...row.cells.slice(1)] } : row)) };
    expect(plan(edited)[0]!.entryKey).not.toBe(first[0]);
  });
});

describe('bad files get a clear message, never a crash', () => {
  test('wrong type', async () => {
    expect(await readFails('minutes.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]))).toMatch(/not a spreadsheet we can import.*\.xlsx.*CSV/);
  });
  test('old .xls or a renamed file', async () => {
    expect(await readFails('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatch(/old-style Excel file.*save it as \.xlsx/);
    expect(await readFails('renamed.xlsx', new TextEncoder().encode('System,Owner\n'))).toMatch(/not an Excel workbook/);
  });
  test('a damaged workbook (a zip cut short)', async () => {
    const good = await messyWorkbook();
    expect(await readFails('cut.xlsx', new Uint8Array(good.subarray(0, Math.floor(good.length / 2))))).toMatch(/could not be opened: it may be damaged/);
  });
  test('an empty workbook and an empty CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    expect(await readFails('empty.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()))).toMatch(/no data on any sheet/);
    expect(await readFails('empty.csv', new Uint8Array())).toMatch(/empty/);
    expect(await readFails('blank.csv', new TextEncoder().encode('\r\n,,\r\n'))).toMatch(/empty/);
  });
  test('10,000 rows are read; 10,001 are refused with what to do', async () => {
    const sheet = await readOk('big.xlsx', await bigWorkbook(MAX_IMPORT_ROWS));
    expect(sheet.rows).toHaveLength(MAX_IMPORT_ROWS + 1);
    const rows = planImport({ sheet, headerIndex: 0, mapping: ['title', 'provision', 'notes'], existingTitles: [], today: TODAY });
    expect(rows.filter((row) => row.state === 'ready')).toHaveLength(MAX_IMPORT_ROWS);
    const csv = ['Service name', ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `Service ${i}`)].join('\n');
    expect(await readFails('big.csv', new TextEncoder().encode(csv))).toMatch(/10,001 rows; one import takes at most 10,000\. Split the file/);
  }, 60_000);
  test('huge cells are cut at Excel\'s limit and the user is told', async () => {
    const csv = `Service name,Notes\nEMIS,${'n'.repeat(MAX_CELL_CHARS + 5000)}\n`;
    const sheet = await readOk('huge.csv', new TextEncoder().encode(csv));
    expect(sheet.rows[1]!.cells[1]).toHaveLength(MAX_CELL_CHARS);
    expect(sheet.notes.join(' ')).toMatch(/longer than 32,767 characters.*rows 2/);
  });
  test('CSV saved by older Excel (Windows-1252) keeps its accents', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Service name,Supplier\nCaf'), 0xe9, ...new TextEncoder().encode(' app,Acme\n')]);
    const sheet = await readOk('legacy.csv', bytes);
    expect(sheet.rows[1]!.cells[0]).toBe('Café app');
  });
});
