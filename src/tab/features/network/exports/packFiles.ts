/**
 * Files the exports make: a safe file name, and sheets written with the register's XLSX writer.
 * The writer (with exceljs) is loaded only when a file is made, so it stays out of the tab's first
 * download; it neutralises every text cell against formula injection.
 */
import type { LocalDate } from '@domain';
import type { SheetTable } from '@domain/spreadsheetFiles';
import { XLSX_TYPE, downloadFile } from '../../../components/download';

/** Characters Windows, macOS or SharePoint refuse in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*#%\u0000-\u001f\u007f]/g;
const MAX_NAME = 80;

/** "ICB review pack - Riverside Medical Practice - 2026-03-01.xlsx", safe to save anywhere. */
export function packFileName(what: string, name: string, today: LocalDate): string {
  const clean = (text: string) => text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  const shortName = clean(name).slice(0, MAX_NAME).replace(/[.\s]+$/, '') || 'practice';
  return `${clean(what)} - ${shortName} - ${today}.xlsx`;
}

export async function downloadSheets(fileName: string, sheets: readonly SheetTable[]): Promise<void> {
  const { writeXlsx } = await import('@domain/spreadsheetFiles');
  downloadFile(fileName, await writeXlsx(sheets), XLSX_TYPE);
}
