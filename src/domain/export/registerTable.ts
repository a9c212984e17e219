/**
 * The register as a table of text, for CSV and XLSX exports. Column headings are the field labels
 * the import recognises, so an exported file imports back cleanly. Choice fields are written as
 * their labels, dates as dd/mm/yyyy, people as name plus email. Cells are NOT neutralised here:
 * the writers (`toCsv`, `writeXlsx`) do that for every cell. Each field's text comes from its schema
 * row (src/domain/schema/deriveText.ts).
 */
import type { RegisterEntry } from '../entry';
import { exportColumnsOf, exportTable, REGISTER_SCHEMA } from '../schema';
import type { ImportField } from '../spreadsheet/importFields';

export { ukDate } from '../schema';

const COLUMNS = new Map(exportColumnsOf(REGISTER_SCHEMA).map((column) => [column.field, column]));

/** One field's text ('' for the import-only support contact: free text kept in Notes, not a column of its own). */
export function fieldText(entry: RegisterEntry, field: ImportField): string {
  return COLUMNS.get(field)?.text(entry) ?? '';
}

/** Header row plus one row per entry, every field, in the schema's order. */
export function registerTable(entries: readonly RegisterEntry[]): string[][] {
  return exportTable(REGISTER_SCHEMA, entries);
}
