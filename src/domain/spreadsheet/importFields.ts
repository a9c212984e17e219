/**
 * What a spreadsheet column can be imported into: any register field, plus the owner's and
 * deputy's email addresses, which many practice spreadsheets keep in a column of their own.
 * (Owner and deputy are directory people; the import only collects hints to match them by.)
 */
import type { RegisterEntry } from '../entry';
import { FIELD_LABELS } from '../fieldLabels';

export type ImportField = keyof RegisterEntry | 'ownerEmail' | 'deputyEmail';

/** Text cells of one spreadsheet row, keyed by the field each column was mapped to. */
export type ImportCells = Partial<Record<ImportField, string>>;

export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  ...FIELD_LABELS,
  ownerEmail: "Owner's email",
  deputyEmail: "Deputy's email",
};

/** Every import field in form order, for the "map this column to…" picker. */
export const IMPORT_FIELDS: readonly ImportField[] = [
  'title', 'category', 'purpose', 'provision',
  'owner', 'ownerEmail', 'deputy', 'deputyEmail',
  'supplier', 'supportPhone', 'supportEmail', 'supportUrl', 'supportHours', 'supportReference',
  'dataTypes', 'dpiaStatus', 'dpiaDate', 'clinicalSafetyStatus',
  'accessGranted', 'accessReviewed', 'accessRemoved', 'lastAccessReview',
  'downtimeProcess', 'continuityLastTested',
  'lifecycle', 'criticality', 'reviewIntervalMonths', 'lastReviewedOn', 'lastReviewedBy', 'nextReviewDue', 'notes',
];

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
