/**
 * A schema's SharePoint side: its list columns, the field names to `$select`, and the mapping of a
 * record to list item fields and back. The list's built-in `Title` column holds the row whose
 * column name is `Title`.
 */
import { labelOf, type Option, type PersonRef } from '../entry';
import type { ListColumn } from '../lists/listColumn';
import type { FieldRow, RecordSchema } from './fieldSchema';
import {
  choiceOf,
  codesToField,
  dateToField,
  fieldToCodes,
  fieldToDate,
  fieldsToPerson,
  wholeNumberOf,
  personToFields,
  textOf,
  type ListItemFields,
} from './listValues';

/** The list's built-in column: never created, always there. */
const BUILT_IN = 'Title';

function columnsOfRow<Rec>(row: FieldRow<Rec>): ListColumn[] {
  const { name, indexed, enforceUniqueValues } = row.column;
  const displayName = row.column.displayName ?? row.label;
  // Flags only when set, so a column reads as the hand-written definitions it replaced.
  const flags = { ...(indexed ? { indexed } : {}), ...(enforceUniqueValues ? { enforceUniqueValues } : {}) };
  const one = (kind: ListColumn['kind'], extra: Partial<ListColumn> = {}): ListColumn[] =>
    name === BUILT_IN ? [] : [{ name, displayName, kind, ...flags, ...extra }];
  switch (row.kind.type) {
    case 'text':
    case 'codes':
      return one('text');
    case 'note':
    case 'list':
      return one('note');
    case 'choice':
      return one('choice', { choices: row.kind.choices });
    case 'date':
      return one('date');
    case 'months':
    case 'number':
      return one('number');
    case 'person':
      // The Entra id is what @mentions and "my services" filter on, so it is the indexed one.
      return [
        { name: `${name}EntraId`, displayName: `${displayName} Entra id`, kind: 'text', indexed: true },
        { name: `${name}DisplayName`, displayName, kind: 'text' },
        { name: `${name}Upn`, displayName: `${displayName} UPN`, kind: 'text' },
      ];
  }
}

/**
 * Columns a list keeps by hand for what its schema's kinds cannot say (a nested object, JSON read
 * through zod, a value worked out from others), each set placed after the row it follows: an
 * existing list's columns keep their order, and the columns read in SharePoint as they always did.
 */
export type ColumnsAfter<Rec> = Partial<Record<keyof Rec & string, readonly ListColumn[]>>;

/** Every custom column the schema's fields need, in row order, with `after`'s columns placed after their rows. */
export function columnsOf<Rec>(schema: RecordSchema<Rec>, after: ColumnsAfter<Rec> = {}): ListColumn[] {
  return schema.rows.flatMap((row) => [...columnsOfRow(row), ...(after[row.key] ?? [])]);
}

/** Every list field the schema reads (the built-in Title included), for `expand=fields(select=...)`. */
export function fieldNamesOf<Rec>(schema: RecordSchema<Rec>): string[] {
  const names = schema.rows.flatMap((row) => (row.column.name === BUILT_IN ? [BUILT_IN] : columnsOfRow(row).map((column) => column.name)));
  return names.includes(BUILT_IN) ? names : [BUILT_IN, ...names];
}

function valueToFields<Rec>(row: FieldRow<Rec>, value: unknown): ListItemFields {
  const name = row.column.name;
  switch (row.kind.type) {
    case 'text':
    case 'note':
    case 'months':
    case 'number':
      return { [name]: value };
    case 'choice':
      return { [name]: labelOf(row.kind.choices as ReadonlyArray<Option<string>>, value as string) };
    case 'date':
      return { [name]: dateToField(value as string | null) };
    case 'codes':
      return { [name]: codesToField(value as string[]) };
    case 'person':
      return personToFields(name, value as PersonRef | null);
    case 'list':
      return { [name]: row.codec ? row.codec.toColumn(value as never) : JSON.stringify(value) };
  }
}

/** The fields to write for `record`: every column, so a PATCH leaves nothing stale. */
export function toListFields<Rec>(schema: RecordSchema<Rec>, record: Rec): ListItemFields {
  return Object.assign({}, ...schema.rows.map((row) => valueToFields(row, record[row.key])));
}

function fieldsToValue<Rec>(row: FieldRow<Rec>, fields: ListItemFields, blank: unknown): unknown {
  const stored = fields[row.column.name];
  switch (row.kind.type) {
    case 'text':
    case 'note':
      return textOf(stored);
    case 'choice':
      return choiceOf(row.kind.choices, stored, blank as string);
    case 'date':
      return fieldToDate(stored);
    case 'months':
      return wholeNumberOf(stored, row.kind.min, row.kind.max, blank as number);
    case 'number':
      return wholeNumberOf(stored, row.kind.min, row.kind.max ?? Number.MAX_SAFE_INTEGER, blank as number);
    case 'codes':
      return fieldToCodes(row.kind.choices, stored);
    case 'person':
      return fieldsToPerson(fields, row.column.name);
    case 'list':
      return row.codec ? row.codec.fromColumn(stored) : blank;
  }
}

/** Reads a list item's fields; a missing or unreadable value is `blank`'s. */
export function fromListFields<Rec>(schema: RecordSchema<Rec>, fields: ListItemFields, blank: Rec): Rec {
  const record = { ...blank };
  for (const row of schema.rows) (record as Record<string, unknown>)[row.key] = fieldsToValue(row, fields, blank[row.key]);
  return record;
}
