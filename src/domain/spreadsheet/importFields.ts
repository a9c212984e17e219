/**
 * What a spreadsheet column can be imported into: any register field, plus the owner's and
 * deputy's email addresses, which many practice spreadsheets keep in a column of their own
 * (owner and deputy are directory people; the import only collects hints to match them by), and a
 * free-text support contact ("Optum support 0345 …, have ODS code ready"): kept in Notes, with any
 * phone number, email or https address found in it also filled into its own field.
 */
import type { RegisterEntry } from '../entry';
import { exportColumnsOf, REGISTER_SCHEMA } from '../schema';

export type ImportField = keyof RegisterEntry | 'ownerEmail' | 'deputyEmail' | 'supportContact';

/** Text cells of one spreadsheet row, keyed by the field each column was mapped to. */
export type ImportCells = Partial<Record<ImportField, string>>;

/** The register's export columns: the import reads back exactly what the export writes. */
const COLUMNS = exportColumnsOf(REGISTER_SCHEMA);

export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  ...(Object.fromEntries(COLUMNS.map((column) => [column.field, column.heading])) as Record<keyof RegisterEntry | 'ownerEmail' | 'deputyEmail', string>),
  supportContact: 'Support contact',
};

/** Every register column the import reads (and the export writes), in the schema's order. */
export const IMPORT_FIELDS: readonly ImportField[] = COLUMNS.map((column) => column.field as ImportField);

/**
 * Where the import can send a column, for the "goes into" picker: every register column (as the
 * export writes them) plus the free-text support contact, which is not a column of its own.
 */
export const IMPORT_TARGETS: readonly ImportField[] = IMPORT_FIELDS.flatMap((field) => (field === 'supplier' ? [field, 'supportContact' as const] : [field]));

/**
 * Lower-case words of `text`: punctuation becomes space, `&` becomes "and", and common split words
 * are joined ("help desk" -> "helpdesk", "e-mail" -> "email", "I.A.O." -> "iao"), so headers and cell words compare
 * the same however they were typed.
 */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(?<=\b\p{L})\.(?=\p{L}\b)/gu, '') // "I.A.O." -> "IAO."
    .replace(/&/g, ' and ')
    .replace(/[’‘`']/g, '')
    .replace(/[^\p{L}\p{N}✓✔✗✘]+/gu, ' ')
    .replace(/\be mail\b/g, 'email')
    .replace(/\bhelp desk\b/g, 'helpdesk')
    .replace(/\bweb ?site\b/g, 'website')
    .replace(/\s+/g, ' ')
    .trim();
}
