/**
 * A real-world-style practice spreadsheet, built with exceljs: a merged title row, a merged
 * "Support" band over its columns, formulas (with and without saved results), real date cells and
 * dd/mm/yyyy text dates, an unknown provision, an unreadable date, a 300-character name, a repeat
 * of an earlier row, a supplier merged down two rows, owner emails and formula-looking text.
 */
import ExcelJS from 'exceljs';

export const LONG_NAME = `Clinical system ${'x'.repeat(284)}`; // 300 characters
/** The name as imported: cut at the register's 255 (the whole name is kept in Notes). */
export const LONG_NAME_CUT = `${LONG_NAME.slice(0, 254)}…`;
export const FORMULA_TEXT_TITLE = '=1+2 Reception dashboard';

export const MESSY_HEADERS = ['System', 'Provision', 'Owner', 'Owner email', 'Phone', 'Email', 'Hours', 'DPIA?', 'Last reviewed', 'Notes', 'Category', 'Supplier'];

/** The rows below the header, as [title, expected state in the preview]. */
export const MESSY_EXPECTED: ReadonlyArray<readonly [string, 'ready' | 'warning' | 'blocked']> = [
  ['Lexacom dictation', 'ready'],
  ['Patient Triage tool', 'ready'],
  ['Blood results viewer', 'warning'], // unknown provision + unreadable date, both kept in Notes
  [LONG_NAME_CUT, 'warning'], // cut at 255, kept whole in Notes
  ['Lexacom Dictation', 'ready'], // repeats row 4: merged into it by default
  ['ARDENS', 'ready'], // formula title with a saved result
  ['iGPR reports', 'ready'], // supplier merged down from the row above
  [FORMULA_TEXT_TITLE, 'ready'],
];

export async function messyWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Notes'); // an empty first sheet: the first sheet with data is read
  const sheet = workbook.addWorksheet('IT systems');
  sheet.getCell('A1').value = 'Riverside Medical Practice: IT systems list (kept by the practice manager)';
  sheet.mergeCells('A1:L1');
  sheet.getCell('E2').value = 'Support';
  sheet.mergeCells('E2:G2');
  sheet.getRow(3).values = MESSY_HEADERS;
  sheet.mergeCells('H3:H3');
  const rows: unknown[][] = [
    ['Lexacom dictation', 'Practice owned', 'Priya Shah', 'priya.shah@nhs.net', '0300 123 4567', 'help@lexacom.example', '8am-6pm', 'Yes', new Date(Date.UTC(2025, 2, 1)),
      { formula: 'CONCATENATE("Reviewed ",TEXT(I4,"dd/mm/yyyy"))', result: 'Reviewed 01/03/2025' }, 'Other', 'Lexacom'],
    ['Patient Triage tool', 'ICB provided', 'Tom Reed', 'tom.reed@nhs.net', '', '', '', 'No', '14/02/2025', '', 'Online consultation', 'Accurx'],
    ['Blood results viewer', 'Ask Dave', '', '', '', '', '', '', 'last spring', '', '', 'Pathology Ltd'],
    [LONG_NAME, 'Practice owned', '', '', '', '', '', '', '', '', '', ''],
    ['Lexacom Dictation', 'Practice owned', '', '', '', '', '', '', '', '', '', ''],
    [{ formula: 'UPPER("ardens")', result: 'ARDENS' }, 'Practice owned', '', 'priya.shah@nhs.net', '', '', '', 'Not required', '03/01/2025', 'Templates', 'Reporting', 'Ardens Ltd'],
    ['iGPR reports', 'Practice owned', '', '', '', '', '', '', '', { formula: 'NOW()' }, 'Reporting', null],
    [FORMULA_TEXT_TITLE, 'Practice owned', '', '', '', '', '', '', '', '', 'Other', 'In-house'],
  ];
  rows.forEach((values, index) => {
    sheet.getRow(4 + index).values = values as ExcelJS.CellValue[];
  });
  sheet.getCell('I4').numFmt = 'dd/mm/yyyy';
  sheet.mergeCells('L9:L10'); // Ardens Ltd over the ARDENS and iGPR rows
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook of `count` data rows under one header row. */
export async function bigWorkbook(count: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Register');
  sheet.addRow(['Service name', 'Provision', 'Notes']);
  for (let i = 1; i <= count; i += 1) sheet.addRow([`Service ${i}`, 'Practice owned', `Row ${i}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export { practiceItSystemsList, IT_LIST_HEADERS, IT_LIST_ROWS, OVERLONG_SUPPLIER } from './itSystemsList';
