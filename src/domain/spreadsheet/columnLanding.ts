/**
 * What the preview says about each column: where its cells will land. Worded from the field
 * schema the rest of the import uses (the labels, each field's kind, options and range, the lengths),
 * so the screen, the command line and the parser never describe a field differently.
 */
import { REGISTER_SCHEMA, type FieldKind } from '../schema';
import { MULTI_LINE_MAX, SINGLE_LINE_MAX } from '../validation';
import { matchHeaders } from './headerMatching';
import { IMPORT_FIELD_LABELS, type ImportField } from './importFields';

const CONTACT: ReadonlySet<ImportField> = new Set(['supportPhone', 'supportEmail', 'supportUrl']);

/** The field's kind, from its schema row (the import's own columns have none). */
function kindOf(field: ImportField): FieldKind | undefined {
  return REGISTER_SCHEMA.rows.find((row) => row.key === field)?.kind;
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/**
 * @param field where the column is mapped (null: "Don't import").
 * @param header the column's header, which labels its cells in Notes.
 * @returns one or two plain sentences.
 */
export function describeLanding(field: ImportField | null, header: string): string {
  const label = field === null ? '' : IMPORT_FIELD_LABELS[field];
  if (field === null) return 'Not imported: its cells are left out, and the report counts them.';
  if (field === 'title') return `${label}: every row needs one; a row without it is not imported. Over ${count(SINGLE_LINE_MAX)} characters, it is cut and kept whole in Notes.`;
  // The same rule as planImport: a column whose header means notes is the Notes text itself; any other is labelled.
  if (field === 'notes') return header === '' || matchHeaders([header])[0]?.field === 'notes' ? 'Notes.' : `Notes, as “${header}: …”.`;
  if (field === 'supportContact') {
    return `Notes, as “${label}: …”. A phone number, email or https address in it also fills ${IMPORT_FIELD_LABELS.supportPhone}, ${IMPORT_FIELD_LABELS.supportEmail} or ${IMPORT_FIELD_LABELS.supportUrl}.`;
  }
  if (CONTACT.has(field)) return `${label}. If the cell says more, the ${label.toLowerCase()} found in it goes here and the whole text is kept in Notes.`;
  if (field === 'owner' || field === 'deputy') {
    return `${label}: matched to an NHS.net account by email, then by exact name. Someone no one matches is kept in Notes as written.`;
  }
  if (field === 'ownerEmail' || field === 'deputyEmail') return `Used to find the ${field === 'ownerEmail' ? 'owner' : 'deputy'}’s NHS.net account.`;
  const kind = kindOf(field);
  if (kind?.type === 'choice') {
    return `${label}, one of: ${kind.choices.map((option) => option.label).join('; ')}. Details in brackets, and words that match none, are kept in Notes.`;
  }
  if (kind?.type === 'date') return `${label}, read as a day/month/year date. A year or month alone (“2022”) is kept in Notes with a warning.`;
  if (field === 'dataTypes') return `${label}: patient-identifiable, special category (health), staff, or none. Details in brackets are kept in Notes.`;
  if (kind?.type === 'months') {
    const range = kind.zeroMeans === undefined ? `${kind.min} to ${kind.max}` : `0 for ${kind.zeroMeans.toLowerCase()}, up to ${kind.max}`;
    return `${label} in months (${range}, or words like “annually”); anything else is kept in Notes.`;
  }
  if (kind?.type === 'number') {
    return `${label}: a whole number ${kind.max === undefined ? `${kind.min} or more` : `from ${kind.min} to ${kind.max}`}; anything else is kept in Notes.`;
  }
  if (field === 'adminRights') {
    return `${label}: each “Name (Organisation)”, separated by “;” or new lines, becomes an external holder. Anything else is kept in Notes.`;
  }
  if (field === 'trainingLink') return `${label}: the https:// address in the cell. Other words, or a cell with no https address, are kept in Notes.`;
  if (field === 'dependsOn' || field === 'goLiveWaivers') return `Notes, as “${label}: …”, to link in the entry after the import.`;
  if (kind?.type === 'text') return `${label} (up to ${count(SINGLE_LINE_MAX)} characters: longer text is cut there and kept whole in Notes).`;
  return `${label} (up to ${count(MULTI_LINE_MAX)} characters).`;
}
