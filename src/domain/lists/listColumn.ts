/**
 * One SharePoint list column, and its Graph `columnDefinition` for `POST /sites/{site}/lists` and
 * `POST /sites/{site}/lists/{list}/columns`. Every practice list (the register, settings, incidents,
 * changes, checklists, access reviews) describes its columns with this one type.
 */
import type { Option } from '../entry';

export type ColumnKind = 'text' | 'note' | 'choice' | 'date' | 'number';

export interface ListColumn {
  /** The internal name: how Graph reads and writes the value (`fields/{name}`). */
  readonly name: string;
  readonly displayName: string;
  readonly kind: ColumnKind;
  /** Columns we `$filter` or `$orderby` on: SharePoint refuses such queries on non-indexed columns of large lists. */
  readonly indexed?: boolean;
  readonly required?: boolean;
  readonly enforceUniqueValues?: boolean;
  readonly choices?: ReadonlyArray<Option<string>>;
}

/** SharePoint's limit on a single line of text. */
export const SINGLE_LINE_MAX = 255;

/** SharePoint's limit on a plain multi-line ("note") column: 63,999 characters. */
export const NOTE_COLUMN_MAX = 63_999;

/** The Graph `columnDefinition` JSON for `column`. */
export function toColumnDefinition(column: ListColumn): Record<string, unknown> {
  const common = {
    name: column.name,
    displayName: column.displayName,
    required: column.required ?? false,
    indexed: column.indexed ?? false,
    enforceUniqueValues: column.enforceUniqueValues ?? false,
  };
  switch (column.kind) {
    case 'text':
      return { ...common, text: { allowMultipleLines: false, maxLength: SINGLE_LINE_MAX } };
    case 'note':
      return { ...common, text: { allowMultipleLines: true, textType: 'plain' } };
    case 'choice':
      return {
        ...common,
        choice: { allowTextEntry: false, displayAs: 'dropDownMenu', choices: (column.choices ?? []).map((c) => c.label) },
      };
    case 'date':
      return { ...common, dateTime: { displayAs: 'default', format: 'dateOnly' } };
    case 'number':
      return { ...common, number: { decimalPlaces: 'none' } };
  }
}
