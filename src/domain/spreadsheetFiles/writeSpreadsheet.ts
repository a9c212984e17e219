/**
 * Writing tables to .xlsx (through exceljs, loaded only when needed) with every text cell
 * neutralised against formula injection, exactly as `toCsv` does for CSV: a cell is always written
 * as a plain string (never a formula), and text that a spreadsheet would treat as a formula once
 * edited gets the leading `'` (see cellSafety.ts).
 */
import { neutraliseCell } from '../spreadsheet/cellSafety';

export interface SheetTable {
  /** Sheet name (Excel allows 31 characters and no `[]:*?/\`; cut and cleaned here). */
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<string>>;
  /** Rows (0-based) shown bold: headings. */
  readonly boldRows?: readonly number[];
}

function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = `${base.slice(0, 28)} ${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** @returns the workbook's bytes. */
export async function writeXlsx(tables: readonly SheetTable[]): Promise<Uint8Array> {
  const loaded = (await import('exceljs')) as typeof import('exceljs') & { default?: typeof import('exceljs') };
  const ExcelJS = loaded.Workbook ? loaded : (loaded.default as typeof import('exceljs'));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Digital Services Register';
  const used = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name, used));
    const widths: number[] = [];
    table.rows.forEach((row, index) => {
      const added = sheet.addRow(row.map((cell) => neutraliseCell(cell)));
      // Strings only: exceljs writes a string value as a shared string, never a formula.
      added.eachCell((cell) => {
        cell.alignment = { wrapText: true, vertical: 'top' };
      });
      if (table.boldRows?.includes(index)) added.font = { bold: true };
      row.forEach((cell, column) => {
        widths[column] = Math.min(60, Math.max(widths[column] ?? 8, ...cell.split('\n').map((line) => line.length + 2)));
      });
    });
    widths.forEach((width, column) => {
      sheet.getColumn(column + 1).width = width;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
