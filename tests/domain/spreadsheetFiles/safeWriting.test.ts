/** Exports can never carry a live formula: CSV and XLSX, every text cell. */
/* eslint-disable no-control-regex -- the tests look for NUL and other control characters on purpose */
import ExcelJS from 'exceljs';
import { emptyEntry, type RegisterEntry } from '../../../src/domain';
import { dsptEvidence, icbSummary, registerTable } from '../../../src/domain/export';
import { cellsByField, matchHeaders, parseCsv, parseImportRow, toCsv } from '../../../src/domain/spreadsheet';
import { readSpreadsheet } from '../../../src/domain/spreadsheetFiles/readSpreadsheet';
import { writeXlsx } from '../../../src/domain/spreadsheetFiles/writeSpreadsheet';

const HOSTILE = ['=HYPERLINK("https://evil.example","Click")', '+44 300 123 4567', '-2+3', '@SUM(A1)', '\tTabbed', '\rCR', '\nLF', '\u0000nul',
  ' =1+1', '＝1+1', 'Plain text'];

function hostileEntry(text: string): RegisterEntry {
  return {
    ...emptyEntry(), title: `Service ${JSON.stringify(text)}`, supplier: text, supportPhone: text, notes: text, downtimeProcess: text,
    owner: { entraId: 'id-1', displayName: text, upn: 'someone@nhs.net' },
  };
}

async function xlsxCells(bytes: Uint8Array): Promise<ExcelJS.Cell[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  const cells: ExcelJS.Cell[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
  return cells;
}

describe('XLSX writing', () => {
  test('no cell is a formula, and formula-looking text keeps a leading apostrophe', async () => {
    const table = registerTable(HOSTILE.map(hostileEntry));
    const cells = await xlsxCells(await writeXlsx([{ name: 'Register', rows: table, boldRows: [0] }]));
    expect(cells.length).toBeGreaterThan(HOSTILE.length * 5);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(typeof cell.value).toBe('string');
      expect(cell.value as string).not.toMatch(/^[\s\u00a0]*[=+\-@\t\r\n\u0000＝]/);
    }
    const suppliers = cells.filter((cell) => Number(cell.col) === table[0]!.indexOf('Supplier') + 1 && Number(cell.row) > 1).map((cell) => cell.value);
    // XML itself turns CR into LF and cannot hold NUL; the leading apostrophe is there either way.
    expect(suppliers).toEqual(HOSTILE.map((text) => (text === 'Plain text' ? text : `'${text.replace(/\r/g, '\n').replace(/\u0000/g, '')}`)));
  });

  test('an exported workbook imports back to the same text (the apostrophe is removed again)', async () => {
    const entries = HOSTILE.slice(0, 4).map(hostileEntry);
    const read = await readSpreadsheet('round-trip.xlsx', await writeXlsx([{ name: 'Register', rows: registerTable(entries) }]));
    if (!read.ok) throw new Error(read.message);
    const supplierColumn = read.sheet.rows[0]!.cells.indexOf('Supplier');
    expect(read.sheet.rows.slice(1).map((row) => row.cells[supplierColumn])).toEqual(HOSTILE.slice(0, 4).map((text) => `'${text}`));
    const mapping = matchHeaders(read.sheet.rows[0]!.cells).map((match) => match.field);
    const back = read.sheet.rows.slice(1).map((row) => parseImportRow(cellsByField(mapping, row.cells), '2026-03-01').entry.supplier);
    expect(back).toEqual(HOSTILE.slice(0, 4));
  });

  test('DSPT evidence and the ICB summary are written safely too', async () => {
    const entries = HOSTILE.map(hostileEntry);
    const context = { practice: '=Riverside', today: '2026-03-01' };
    const cells = await xlsxCells(await writeXlsx([
      { name: 'DSPT', rows: dsptEvidence(entries, context).rows },
      { name: 'ICB', rows: icbSummary(entries, context).rows },
    ]));
    expect(cells.some((cell) => cell.value === "'=Riverside")).toBe(true);
    expect(cells.every((cell) => cell.type === ExcelJS.ValueType.String)).toBe(true);
  });
});

describe('CSV writing', () => {
  test('every hostile cell is neutralised and the file parses back to the same cells', () => {
    const table = registerTable(HOSTILE.map(hostileEntry));
    const csv = toCsv(table, { bom: true });
    const parsed = parseCsv(csv);
    expect(parsed.problem).toBeNull();
    for (const row of parsed.rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[\s\u00a0]*[=+\-@\t\r\n\u0000＝]/);
    expect(parsed.rows).toHaveLength(table.length);
  });
});

describe('evidence tables', () => {
  const entries: RegisterEntry[] = [
    { ...emptyEntry(), title: 'EMIS Web', category: 'clinical-system', provision: 'icb-core', dataTypes: ['patient-identifiable'], lastReviewedOn: '2025-04-01',
      owner: { entraId: 'a', displayName: 'Priya Shah', upn: 'priya.shah@nhs.net' }, downtimeProcess: 'Paper notes' },
    { ...emptyEntry(), title: 'Old fax', lifecycle: 'retired' },
  ];
  test('DSPT 7.1.1 evidence names the practice and date and lists owners and review dates', () => {
    const { rows, headerRow } = dsptEvidence(entries, { practice: 'Riverside Medical Practice', today: '2026-03-01' });
    expect(rows[0]![0]).toMatch(/DSPT 7\.1\.1/);
    expect(rows).toContainEqual(['Practice', 'Riverside Medical Practice']);
    expect(rows).toContainEqual(['Produced on', '1 March 2026']);
    const header = rows[headerRow]!;
    const emis = rows.find((row) => row[0] === 'EMIS Web')!;
    expect(emis[header.indexOf('Owner')]).toBe('Priya Shah');
    expect(emis[header.indexOf('Last reviewed on')]).toBe('01/04/2025');
    expect(emis[header.indexOf('Next review due')]).toBe('01/04/2026');
  });
  test('the ICB summary counts services by provision and lists gaps and common services not recorded', () => {
    const { rows } = icbSummary(entries, { practice: 'Riverside', today: '2026-03-01' });
    expect(rows).toContainEqual(['Services in the register', '2']);
    expect(rows).toContainEqual(['In use (not retired)', '1']);
    expect(rows).toContainEqual(['ICB-provided (core/mandated)', '1']);
    expect(rows).toContainEqual(['Personal data, no DPIA', '1', 'EMIS Web']);
    expect(rows.some((row) => row[0] === 'SystmOne')).toBe(true);
    expect(rows.some((row) => row[0] === 'EMIS Web' && row.length === 2)).toBe(false);
  });
});
