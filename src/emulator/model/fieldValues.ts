/**
 * Field values as SharePoint keeps them. Writes are checked against the list's columns (unknown
 * field, read-only field, wrong type, over-long single line of text) before anything is stored.
 *
 * Date-only columns: SharePoint stores local midnight of the site's time zone (Europe/London for a
 * UK site) and Graph returns that instant in UTC, e.g. `2026-05-13T23:00:00Z` for 14 May in BST.
 */
import { fail } from '../errors';
import { findColumn, type ColumnDoc, type ListDoc } from './lists';

/** Fields a caller may never write. */
const SYSTEM_FIELDS = new Set(['id', 'ID', 'Created', 'Modified', 'Author', 'Editor', 'AuthorLookupId', 'EditorLookupId', 'ContentType', '_UIVersionString', 'Attachments', '@odata.etag']);

/** The site's time zone (a UK site): its calendar date of an instant. The emulator's own, not the client's. */
const SITE_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
function londonDateOf(instant: Date): string {
  return SITE_DATE.format(instant);
}

/** The instant of London midnight at the start of the London calendar day `date` (`YYYY-MM-DD`). */
export function londonMidnight(date: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const oneHourEarlier = new Date(utcMidnight.getTime() - 3_600_000);
  return londonDateOf(oneHourEarlier) === date ? oneHourEarlier : utcMidnight;
}

export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function coerce(column: ColumnDoc, value: unknown): unknown {
  const name = column.name;
  if (value === null || value === '') {
    if (column.required) throw fail.invalidRequest(`Field '${name}' is required.`);
    return null;
  }
  if (column.text) {
    if (typeof value !== 'string') throw fail.invalidRequest(`Field '${name}' expects text.`);
    const max = column.text.allowMultipleLines ? 63_999 : (column.text.maxLength ?? 255);
    if (value.length > max)
      throw fail.invalidRequest(`The value of field '${name}' is ${value.length} characters long; the maximum is ${max}.`);
    return value;
  }
  if (column.choice) {
    if (typeof value !== 'string') throw fail.invalidRequest(`Field '${name}' expects one of its choices.`);
    return value;
  }
  if (column.number) {
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(number)) throw fail.invalidRequest(`Field '${name}' expects a number.`);
    return number;
  }
  if (column.boolean) {
    if (typeof value !== 'boolean') throw fail.invalidRequest(`Field '${name}' expects true or false.`);
    return value;
  }
  if (column.dateTime) {
    const instant = typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value) : new Date(NaN);
    if (Number.isNaN(instant.getTime())) throw fail.invalidRequest(`Field '${name}' expects a date and time (ISO 8601).`);
    return isoSeconds(column.dateTime.format === 'dateOnly' ? londonMidnight(londonDateOf(instant)) : instant);
  }
  return value;
}

/**
 * Checks and converts `fields` for `list`.
 * @throws GraphHttpError 400 invalidRequest naming the first bad field; nothing has been written.
 */
export function coerceFields(list: ListDoc, fields: unknown, creating: boolean): Record<string, unknown> {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw fail.invalidRequest('The request body must contain a fields object.');
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name.endsWith('@odata.type')) continue;
    const column = findColumn(list, name);
    if (!column) throw fail.invalidRequest(`Field '${name}' is not recognized`);
    if (column.readOnly || SYSTEM_FIELDS.has(name)) throw fail.invalidRequest(`Field '${name}' is read-only`);
    out[name] = coerce(column, value);
  }
  if (creating)
    for (const column of list.columns) if (column.required && out[column.name] == null) throw fail.invalidRequest(`Field '${column.name}' is required.`);
  return out;
}

/** A stored value in the form `$filter`/`$orderby` compare: dates as epoch ms, numbers as numbers. */
export function comparable(column: ColumnDoc | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column?.dateTime && typeof value === 'string') return Date.parse(value);
  if ((column?.number || column?.name === 'ID') && typeof value !== 'number') return Number(value);
  return value;
}
