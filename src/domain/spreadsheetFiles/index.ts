/**
 * Reading and writing spreadsheet files (XLSX through exceljs, CSV). A room of its own, outside the
 * domain's barrel, because the tab loads it only when a file is opened or saved
 * (`await import('@domain/spreadsheetFiles')`): exceljs and these readers stay out of the first download.
 * The rules for what a file's cells mean are in ../spreadsheet.
 */
export { cellText, IMPORT_ACCEPT, readCsv, readSpreadsheet, readXlsx } from './readSpreadsheet';
export { writeXlsx, type SheetTable } from './writeSpreadsheet';
