/**
 * The shape of a record schema: one row per field, saying everything the product needs to know
 * about that field. Validation, import, export, the entry form and the SharePoint columns are all
 * derived from these rows (see derive*.ts), so a plain field is added by adding one row (and its
 * property on the record's type). docs/architecture.md shows where each derivation is used.
 *
 * The register's rows are in registerSchema.ts; a test builds a fixture schema with this same shape.
 * The feature lists' plain fields are rows too, beside their list definitions (change/changeColumns.ts,
 * incidents/incidentColumns.ts, access/checklistColumns.ts, access/accessReviewColumns.ts).
 */
import type { Option } from '../entry';

/**
 * How a field's value is held, read and shown. Plain kinds (text, note, choice, date, months,
 * number) need nothing but their row; person, codes and list fields have their own editors and readers.
 */
export type FieldKind =
  /** One line of text (a SharePoint single-line column). `input` picks the form control and the format rule. */
  | { readonly type: 'text'; readonly input?: 'tel' | 'email' | 'url' }
  /** Several lines of plain text. */
  | { readonly type: 'note' }
  /** One code of `choices`, stored as its label; `message` is the form's error when none is chosen. */
  | { readonly type: 'choice'; readonly choices: ReadonlyArray<Option<string>>; readonly message: string }
  /**
   * A Europe/London calendar date. `noun` is how it reads in a sentence ("DPIA date"); `pastOnly`
   * when it records something already done (it may not be after today).
   */
  | { readonly type: 'date'; readonly noun: string; readonly pastOnly: boolean }
  /** A whole number of months from `min` to `max`; `zeroMeans` is what 0 says ("No review cycle"). */
  | { readonly type: 'months'; readonly min: number; readonly max: number; readonly zeroMeans?: string }
  /**
   * A whole number that is not a period (a count), from `min` up to `max` (no upper bound when
   * absent), in a number column (a count of staff trained, of users on a review).
   */
  | { readonly type: 'number'; readonly min: number; readonly max?: number }
  /** A directory person, stored as three text columns `{column}EntraId`, `{column}DisplayName`, `{column}Upn`. */
  | { readonly type: 'person' }
  /** Several codes of `choices`, stored as codes separated by semicolons. */
  | { readonly type: 'codes'; readonly choices: ReadonlyArray<Option<string>> }
  /** A structured list (JSON in a note column), with its own editor and codec. */
  | { readonly type: 'list' };

export type FieldType = FieldKind['type'];

/**
 * The words spreadsheets use for a field's column (compared after `normaliseWords`). `exact`: whole
 * headers that mean the field. `likely`: word sets; a header containing every word of a set
 * probably means the field (`|` separates alternatives; more words make a stronger match).
 */
export interface HeaderWords {
  readonly exact: readonly string[];
  readonly likely: readonly string[];
}

/** For the rows of a record no spreadsheet import reads (the feature lists): no header means the field. */
export const NO_HEADERS: HeaderWords = { exact: [], likely: [] };

/** Where a field lives in its SharePoint list. */
export interface ColumnPlace {
  /** The internal name; for a person, the prefix of its three columns. */
  readonly name: string;
  /** The list's column heading, when it differs from the field's label ("Review interval (months)"). */
  readonly displayName?: string;
  readonly indexed?: boolean;
  /** A record's key column: SharePoint refuses a second item with the same value, so a retried create cannot duplicate. */
  readonly enforceUniqueValues?: boolean;
}

/**
 * A list field's translation to and from its SharePoint value (JSON text in a note column). Typed
 * loosely (`never` in, `unknown` out) so rows of different list types sit in one array; each codec
 * is checked against its field where it is written (entryLists/entryJson.ts).
 */
export interface ListCodec {
  readonly toColumn: (value: never) => string;
  readonly fromColumn: (stored: unknown) => unknown;
}

export interface FieldRow<Rec, Key extends keyof Rec & string = keyof Rec & string> {
  readonly key: Key;
  /** What the field is called in messages, exports and the list (the import recognises it too). */
  readonly label: string;
  /** The form's label, when it says more than `label` ("Local owner"). */
  readonly formLabel?: string;
  /** The form group it sits in. */
  readonly group: string;
  /** One sentence under the form control: what belongs in the field, in the guidance's words. */
  readonly hint: string;
  readonly kind: FieldKind;
  /** The form's message when the field is left blank; absent for optional fields. */
  readonly required?: string;
  readonly headers: HeaderWords;
  readonly column: ColumnPlace;
  /**
   * The value as plain text when the kind cannot say it (lists), '' when there is nothing: how it
   * reads to a person and in an export.
   */
  readonly text?: (record: Rec) => string;
  /** How an empty value reads to a person ("Not set" unless said here). */
  readonly blank?: string;
  /** For `list` fields: how the value is stored. */
  readonly codec?: ListCodec;
}

/**
 * A record's schema: its rows in export order (the order of an exported file's columns), and its
 * form groups in the order the form shows them. Within a group, fields follow the rows' order.
 */
export interface RecordSchema<Rec> {
  readonly rows: ReadonlyArray<FieldRow<Rec>>;
  readonly groups: readonly string[];
}

/** The row for `key`; throws for a key the schema does not have (a programming mistake). */
export function rowOf<Rec>(schema: RecordSchema<Rec>, key: keyof Rec): FieldRow<Rec> {
  const row = schema.rows.find((candidate) => candidate.key === key);
  if (row === undefined) throw new Error(`No schema row for ${String(key)}`);
  return row;
}

/** Every field's label, keyed by field. */
export function labelsOf<Rec>(schema: RecordSchema<Rec>): Record<keyof Rec & string, string> {
  return Object.fromEntries(schema.rows.map((row) => [row.key, row.label])) as Record<keyof Rec & string, string>;
}

/** What the form calls a field: its `formLabel` where the guidance's wording says more, else its label. */
export function formLabelOf<Rec>(row: FieldRow<Rec>): string {
  return row.formLabel ?? row.label;
}

/** The form's groups: each group's fields in row order. */
export function formGroupsOf<Rec>(schema: RecordSchema<Rec>): ReadonlyArray<{ readonly title: string; readonly fields: ReadonlyArray<keyof Rec & string> }> {
  return schema.groups.map((title) => ({ title, fields: schema.rows.filter((row) => row.group === title).map((row) => row.key) }));
}

/** The kinds most of a feature list's rows use, shared so each list's rows read as their differences. */
export const TEXT_KIND = { type: 'text' } as const;
export const NOTE_KIND = { type: 'note' } as const;

/**
 * The row of the client-made key every feature list's record carries, in a unique, indexed column:
 * a retried or double-clicked create finds the item the first attempt made (graph/lists/itemStore.ts).
 */
export function recordKeyRow<Rec extends { readonly key: string }>(label: string, columnName: string, hint: string): FieldRow<Rec> {
  return {
    key: 'key' as keyof Rec & string, label, group: 'Record', hint, kind: TEXT_KIND, headers: NO_HEADERS,
    column: { name: columnName, indexed: true, enforceUniqueValues: true },
  };
}

/** The row of the register entry a record belongs to, indexed so a service's records are one query. */
export function entryIdRow<Rec extends { readonly entryId: string }>(hint: string): FieldRow<Rec> {
  return {
    key: 'entryId' as keyof Rec & string, label: 'Register entry id', group: 'Record', hint, kind: TEXT_KIND, headers: NO_HEADERS,
    column: { name: 'EntryId', indexed: true },
  };
}
