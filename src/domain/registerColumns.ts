/**
 * The SharePoint columns of the register list, derived from the register's schema
 * (schema/registerSchema.ts), plus the entry key.
 *
 * Owners are text columns, not person columns: Graph cannot write a person column from an Entra id
 * or UPN (it needs the site's User Information List id via SharePoint REST `ensureuser`), and the
 * Entra id is what @mentions and activity notifications need anyway. Structured lists (admin rights,
 * waivers, dependencies) are JSON in plain multi-line columns: a lookup or a child list would cost a
 * request per entry, and nothing filters on their parts. Data types are codes separated by
 * semicolons: a multi-choice column would need `@odata.type: Collection(Edm.String)` annotations on
 * every write for no gain here.
 */
import type { ListColumn } from './lists/listColumn';
import { columnsOf } from './schema/deriveList';
import { REGISTER_SCHEMA } from './schema/registerSchema';

export { NOTE_COLUMN_MAX, SINGLE_LINE_MAX, toColumnDefinition, type ColumnKind, type ListColumn } from './lists/listColumn';

export const REGISTER_LIST_NAME = 'Digital Services Register';

/**
 * Every custom column. `Title` is the list's built-in column and holds the service name.
 * `EntryKey` is a client-generated id written on create so that a retried create can find the
 * item the first attempt made instead of making a second one.
 */
export const REGISTER_COLUMNS: readonly ListColumn[] = [
  { name: 'EntryKey', displayName: 'Entry key', kind: 'text', indexed: true, enforceUniqueValues: true },
  ...columnsOf(REGISTER_SCHEMA),
];

/** Every field name the register reads, for `expand=fields(select=...)`. */
export const REGISTER_FIELD_NAMES: readonly string[] = ['Title', ...REGISTER_COLUMNS.map((column) => column.name)];
