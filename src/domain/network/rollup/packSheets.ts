/**
 * A review pack as sheets for the XLSX writer (@domain/spreadsheetFiles `writeXlsx`, which
 * neutralises every cell against formula injection): the "Review" sheet holds the title, subtitle
 * and each section in turn (heading, paragraphs, table); a section with a `sheet` name (the
 * appendix) is a sheet of its own, a plain table that filters and sorts in Excel.
 */
import type { SheetTable } from '../../spreadsheetFiles';
import type { ReviewPack, ReviewPackSection } from './reviewPackTypes';

export const REVIEW_SHEET = 'Review';

function sectionRows(section: ReviewPackSection, rows: string[][], boldRows: number[]): void {
  boldRows.push(rows.length);
  rows.push([section.heading]);
  for (const paragraph of section.paragraphs) rows.push([paragraph]);
  if (section.table) {
    boldRows.push(rows.length);
    rows.push([...section.table.columns]);
    for (const row of section.table.rows) rows.push([...row]);
  }
}

export function reviewPackSheets(pack: ReviewPack): SheetTable[] {
  const rows: string[][] = [[pack.title], [pack.subtitle], []];
  const boldRows: number[] = [0];
  const own: SheetTable[] = [];
  for (const section of pack.sections) {
    if (section.sheet === undefined) {
      sectionRows(section, rows, boldRows);
      rows.push([]);
      continue;
    }
    const sheetRows: string[][] = [[pack.title], []];
    const sheetBold: number[] = [0];
    sectionRows(section, sheetRows, sheetBold);
    own.push({ name: section.sheet, rows: sheetRows, boldRows: sheetBold });
  }
  return [{ name: REVIEW_SHEET, rows, boldRows }, ...own];
}
