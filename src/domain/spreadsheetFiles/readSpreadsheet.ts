/**
 * Reading an uploaded file (XLSX or CSV) into `SheetData`, for the tab and the command line alike.
 *
 * XLSX through exceljs, loaded only when an .xlsx file is read (it is large; the tab keeps it out of
 * its first download). The first sheet with any data is read. Formulas are never evaluated: the value
 * Excel saved with the file is used, and a formula saved without one reads as blank (and says so).
 * A cell merged down several rows gives its value to every row it covers; a cell merged across
 * columns stays in its first column, and is remembered as a "band" that may group the headers below it.
 *
 * Never throws for a bad file: wrong type, damaged workbook, empty sheet and too many rows come back as
 * `{ ok: false, message }` in words a practice manager can act on.
 */
import { parseCsv } from '../spreadsheet/csvParse';
import { cutCellsNote, limitCell, MAX_IMPORT_ROWS, HEADER_SEARCH_ROWS, tooManyRowsMessage, type SheetRead, type SheetRow } from '../spreadsheet/sheetData';

type ExcelJsModule = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;
type CellValue = import('exceljs').CellValue;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** exceljs gives dates as UTC midnights of the calendar date Excel shows. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

interface Flags {
  formulas: number;
  formulasWithoutValue: number;
  errors: number;
}

/** A cell's value as the text Excel shows (roughly): formulas by their saved result. */
export function cellText(value: CellValue | undefined, flags: Flags): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      flags.formulas += 1;
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) {
        flags.formulasWithoutValue += 1;
        return '';
      }
      if (typeof result === 'object' && result !== null && 'error' in result) {
        flags.errors += 1;
        return '';
      }
      return cellText(result as CellValue, flags);
    }
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue, flags);
    if ('error' in value) {
      flags.errors += 1;
      return '';
    }
  }
  return '';
}

function sheetHasData(sheet: Worksheet): boolean {
  return sheet.actualRowCount > 0 && sheet.actualColumnCount > 0;
}

function readWorksheet(sheet: Worksheet): SheetRead {
  // Rows above the header may hold titles; allow for them when counting.
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS) return { ok: false, message: tooManyRowsMessage(sheet.actualRowCount - 1) };
  const flags: Flags = { formulas: 0, formulasWithoutValue: 0, errors: 0 };
  const width = sheet.columnCount;
  const rows: SheetRow[] = [];
  const bands = new Map<number, string[]>();
  const cut: number[] = [];
  let filledDown = false;
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c += 1) {
      const cell = row.getCell(c);
      const master = cell.isMerged ? cell.master : cell;
      const isSlave = master.address !== cell.address;
      const raw = isSlave ? cellText(master.value, { formulas: 0, formulasWithoutValue: 0, errors: 0 }) : cellText(master.value, flags);
      const text = limitCell(raw.trim() === '' ? '' : raw, r, cut);
      if (isSlave && Number(master.col) !== c) {
        // Merged across: the text stays in its first column; remember the band for header grouping.
        if (Number(master.row) === r) {
          const band = bands.get(r) ?? new Array<string>(width).fill('');
          band[Number(master.col) - 1] = text;
          band[c - 1] = text;
          bands.set(r, band);
        }
        cells.push('');
      } else {
        if (isSlave) filledDown = true;
        cells.push(text);
      }
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) rows.push({ rowNumber: r, cells });
  }
  if (rows.length === 0) return { ok: false, message: `The sheet "${sheet.name}" has no data.` };
  if (rows.length > MAX_IMPORT_ROWS + 1) return { ok: false, message: tooManyRowsMessage(rows.length - 1) };
  // A band across every used column is a title, not a group of headers.
  const used = Math.max(...rows.map((row) => row.cells.length));
  for (const [rowNumber, band] of bands) {
    const spanned = band.filter((text) => text !== '').length;
    if (spanned >= used) bands.delete(rowNumber);
  }
  const notes: string[] = [];
  if (flags.formulas > 0) {
    notes.push(`${flags.formulas} cell${flags.formulas === 1 ? ' holds a formula' : 's hold formulas'}: the value Excel last saved is used; nothing is recalculated.` +
      (flags.formulasWithoutValue > 0 ? ` ${flags.formulasWithoutValue} had no saved value and read as blank (open and save the file in Excel to fix).` : ''));
  }
  if (flags.errors > 0) notes.push(`${flags.errors} cell${flags.errors === 1 ? ' shows' : 's show'} an Excel error (such as #N/A) and read as blank.`);
  if (filledDown) notes.push('Some cells are merged down several rows: each row covered takes the merged value.');
  const cutNote = cutCellsNote(cut);
  if (cutNote) notes.push(cutNote);
  return { ok: true, sheet: { sheetName: sheet.name, rows, notes, bands } };
}

async function loadExcelJs(): Promise<ExcelJsModule> {
  const module = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  return module.Workbook ? module : (module.default as ExcelJsModule);
}

/** Reads an .xlsx workbook's first sheet with data. */
export async function readXlsx(bytes: Uint8Array): Promise<SheetRead> {
  if (startsWith(bytes, OLE_MAGIC)) {
    return { ok: false, message: 'This is an old-style Excel file (.xls) or is password-protected. Open it in Excel and save it as .xlsx or CSV, then import that.' };
  }
  if (!startsWith(bytes, ZIP_MAGIC)) return { ok: false, message: 'This file is not an Excel workbook (.xlsx): it may be damaged, or another kind of file renamed.' };
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs' types want a Node Buffer; in the browser it takes an ArrayBuffer.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as never);
  } catch {
    return { ok: false, message: 'This workbook could not be opened: it may be damaged or only partly downloaded. Open it in Excel, save it again and retry, or save it as CSV.' };
  }
  const sheet = workbook.worksheets.find(sheetHasData);
  if (!sheet) return { ok: false, message: 'The workbook has no data on any sheet.' };
  try {
    return readWorksheet(sheet);
  } catch {
    return { ok: false, message: `The sheet "${sheet.name}" could not be read: it may be damaged. Save it as CSV and import that.` };
  }
}

/** Reads CSV bytes (UTF-8, or Windows-1252 as older Excel saves it). */
export function readCsv(bytes: Uint8Array): SheetRead {
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.includes('\ufffd')) text = new TextDecoder('windows-1252').decode(bytes);
  if (text.includes('\u0000')) return { ok: false, message: 'This file is not a CSV text file (it holds binary data).' };
  const parsed = parseCsv(text);
  if (parsed.problem) return { ok: false, message: parsed.problem };
  const cut: number[] = [];
  const rows: SheetRow[] = parsed.rows
    .map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((cell) => limitCell(cell, index + 1, cut)) }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) return { ok: false, message: 'The file is empty.' };
  if (rows.length > MAX_IMPORT_ROWS + 1) return { ok: false, message: tooManyRowsMessage(rows.length - 1) };
  const note = cutCellsNote(cut);
  return { ok: true, sheet: { sheetName: '', rows, notes: note ? [note] : [] } };
}

/** The kinds of file the import takes, for the file picker's `accept`. */
export const IMPORT_ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/**
 * Reads `bytes` as the file named `fileName` suggests (.xlsx or .csv).
 * @returns the sheet, or a message for a file that cannot be imported (never throws for a bad file).
 */
export async function readSpreadsheet(fileName: string, bytes: Uint8Array): Promise<SheetRead> {
  const lower = fileName.toLowerCase();
  if (bytes.byteLength === 0) return { ok: false, message: 'The file is empty.' };
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) return readXlsx(bytes);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(bytes);
  if (lower.endsWith('.xls')) return readXlsx(bytes);
  return { ok: false, message: `"${fileName}" is not a spreadsheet we can import. Choose an Excel workbook (.xlsx) or a CSV file.` };
}
