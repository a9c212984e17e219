/**
 * Checks shared by the feature lists' tests (changes, incidents, checklists, access reviews): a
 * list's columns are its schema rows' columns, in row order, each headed by the row's label (or its
 * column's display name), with only the named hand-written columns besides; and a one-line summary
 * of every column, so each test pins what SharePoint is asked to create.
 */
import type { ListColumn } from '../../../src/domain/lists/listColumn';
import type { ListDefinition } from '../../../src/domain/lists/listDefinition';
import { columnsOf, fieldNamesOf, type RecordSchema } from '../../../src/domain/schema';

/** "Name | Display name | kind [choices] [indexed] [unique]" */
export function columnSummary(column: ListColumn): string {
  const extras = [
    column.choices ? `[${column.choices.map((choice) => choice.label).join('/')}]` : '',
    column.indexed ? 'indexed' : '',
    column.enforceUniqueValues ? 'unique' : '',
    column.required ? 'required' : '',
  ].filter(Boolean);
  return [column.name, column.displayName, [column.kind, ...extras].join(' ')].join(' | ');
}

export function expectColumnsFromRows<Rec>(list: ListDefinition, schema: RecordSchema<Rec>, handWritten: readonly string[]): void {
  const byName = new Map(list.columns.map((column) => [column.name, column]));
  for (const row of schema.rows) {
    // A person is three columns; its name column is headed by the label. Title is built in.
    const name = row.kind.type === 'person' ? `${row.column.name}DisplayName` : row.column.name;
    if (name === 'Title') continue;
    expect({ row: row.key, column: byName.get(name)?.displayName }).toEqual({ row: row.key, column: row.column.displayName ?? row.label });
  }
  const fromRows = columnsOf(schema);
  expect(list.columns.filter((column) => !handWritten.includes(column.name))).toEqual(fromRows);
  expect(list.columns.map((column) => column.name).filter((name) => !fromRows.some((column) => column.name === name))).toEqual(handWritten);
  // Every row's columns are selected when the store reads.
  expect(fieldNamesOf(schema).every((name) => name === 'Title' || byName.has(name))).toBe(true);
}
