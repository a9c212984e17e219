/**
 * Maps a domain `RegisterEntry` to SharePoint list item fields and back, as the register's schema
 * says (schema/deriveList.ts has the rules for each kind of field, dates included).
 */
import { migrateDowntimeText } from './downtime';
import { emptyEntry, type RegisterEntry } from './entry';
import { fromListFields, toListFields } from './schema/deriveList';
import type { ListItemFields } from './schema/listValues';
import { REGISTER_SCHEMA } from './schema/registerSchema';

export { dateToField, fieldToDate, type ListItemFields } from './schema/listValues';

/** The fields to write for `entry` (every register column, so a PATCH leaves nothing stale). */
export function entryToFields(entry: RegisterEntry): ListItemFields {
  return toListFields(REGISTER_SCHEMA, entry);
}

/** Reads a list item's fields; missing or unknown values fall back to the blank entry's. */
export function fieldsToEntry(fields: ListItemFields): RegisterEntry {
  // Older items hold the downtime process as one free-text box: sorted into the fields on read.
  return migrateDowntimeText(fromListFields(REGISTER_SCHEMA, fields, emptyEntry()));
}
