/**
 * How a field's value reads as text: to a person (forms, conflict and history views) and in an
 * exported file (CSV and XLSX, whose headings are the labels the import recognises, so an export
 * imports back). People read dates as "14 May 2026"; files carry dd/mm/yyyy, as practices type them.
 */
import { labelOf, type LocalDate, type PersonRef } from '../entry';
import { formatLocalDate, isLocalDate } from '../localDate';
import type { FieldKind, FieldRow, RecordSchema } from './fieldSchema';
import { rowOf } from './fieldSchema';

/** dd/mm/yyyy, how practices type dates (and how the import reads them back). */
export function ukDate(date: LocalDate | null): string {
  if (date === null) return '';
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

function months(kind: FieldKind, value: number): string {
  if (kind.type === 'months' && value === 0 && kind.zeroMeans !== undefined) return kind.zeroMeans;
  return `${value} months`;
}

/** The value's text in an exported file ('' when blank). */
export function exportText<Rec>(row: FieldRow<Rec>, record: Rec): string {
  if (row.text) return row.text(record);
  const value: unknown = record[row.key];
  switch (row.kind.type) {
    case 'choice':
      return labelOf(row.kind.choices, value as string);
    case 'codes': {
      const { choices } = row.kind;
      return (value as string[]).map((code) => labelOf(choices, code)).join('; ');
    }
    case 'date':
      return ukDate(value as LocalDate | null);
    case 'months':
      return months(row.kind, value as number);
    case 'number':
      return Number.isFinite(value) ? String(value) : '';
    case 'person':
      return (value as PersonRef | null)?.displayName ?? '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** How the field's value reads to a person ("Not set", or the row's own word, for blanks). */
export function readableText<Rec>(row: FieldRow<Rec>, record: Rec): string {
  const value: unknown = record[row.key];
  let text: string;
  if (row.text) text = row.text(record);
  else if (row.kind.type === 'codes') {
    const { choices } = row.kind;
    text = (value as string[]).map((code) => labelOf(choices, code)).join(', ');
  } else if (row.kind.type === 'person') {
    const person = value as PersonRef | null;
    text = person ? person.displayName || person.upn : '';
  } else if (row.kind.type === 'date') {
    text = typeof value === 'string' && isLocalDate(value) ? formatLocalDate(value) : '';
  } else if (row.kind.type === 'months') {
    text = Number.isNaN(value) ? '' : months(row.kind, value as number);
  } else text = exportText(row, record);
  return text === '' ? (row.blank ?? 'Not set') : text;
}

export interface ExportColumn<Rec> {
  /** The heading: the field's label, which the import recognises. */
  readonly heading: string;
  /** The field a heading maps back to on import (a person's email column: `{key}Email`). */
  readonly field: string;
  readonly text: (record: Rec) => string;
}

/**
 * An exported file's columns, in row order. A person is two columns, the name and the NHS.net
 * address ("Owner's email"), because practices' own sheets keep them apart and the import matches
 * people by email first.
 */
export function exportColumnsOf<Rec>(schema: RecordSchema<Rec>): Array<ExportColumn<Rec>> {
  return schema.rows.flatMap((row): Array<ExportColumn<Rec>> => {
    const own = { heading: row.label, field: row.key, text: (record: Rec) => exportText(row, record) };
    if (row.kind.type !== 'person') return [own];
    const email = (record: Rec) => (record[row.key] as PersonRef | null)?.upn ?? '';
    return [own, { heading: `${row.label}'s email`, field: `${row.key}Email`, text: email }];
  });
}

/** The export's heading row and one row of text per record. */
export function exportTable<Rec>(schema: RecordSchema<Rec>, records: readonly Rec[]): string[][] {
  const columns = exportColumnsOf(schema);
  return [columns.map((column) => column.heading), ...records.map((record) => columns.map((column) => column.text(record)))];
}

/** `readableText` by key. */
export function readableValue<Rec>(schema: RecordSchema<Rec>, record: Rec, key: keyof Rec): string {
  return readableText(rowOf(schema, key), record);
}
