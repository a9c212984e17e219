/**
 * Reading the cells of a schema's plain fields (text, note, date, choice, months, number) by their kind
 * alone, so a field added to a schema is imported with no reader of its own. The kind gives the
 * length a text holds, whether a date may be in the future, a choice's options and a number's
 * range; text a cell holds that its field cannot is kept in Notes with a warning, never dropped.
 */
import type { LocalDate } from '../entry';
import { maxLengthOf, type FieldRow } from '../schema';
import { readChoice, readLongText } from './cellReaders';
import { cleanText, readIntervalMonths } from './cellValues';
import type { WordTable } from './choiceWords';
import { parseUkDate } from './dateParsing';
import type { RowBuilder } from './rowBuilder';

export interface PlainCellsInput<Rec, F extends string> {
  /** A cell's text by field ('' when the field was not mapped). */
  readonly cell: (field: F) => string;
  /** Names one cell in messages: "row 7, column D (“Supplier”)". */
  readonly where: (field: F) => string;
  readonly builder: RowBuilder<F>;
  /** The London date now: a date that records something done may not be after it. */
  readonly today: LocalDate;
  /** A new record's values: what a blank or unreadable cell leaves in its field. */
  readonly defaults: Rec;
  /** Words a choice field's cells use beyond its options' labels and codes ("CCG" for ICB-provided). */
  readonly choiceWords?: Readonly<Partial<Record<F, WordTable<string>>>>;
}

/** A date cell: day/month/year read, a date in the future refused for something already done. */
export function readDateCell<F extends string>(field: F, pastOnly: boolean, raw: string, today: LocalDate, b: RowBuilder<F>): LocalDate | null {
  if (raw === '') return null;
  const label = b.label(field);
  const parsed = parseUkDate(raw, today);
  if (!parsed.ok) {
    b.keep(field, raw);
    b.warn(field, `${label}: ${parsed.message} The text is kept in Notes.`);
    return null;
  }
  if (parsed.date !== null && pastOnly && parsed.date > today) {
    b.keep(field, raw);
    b.warn(field, `${label}: "${raw}" is in the future, which cannot be right for something already done. The text is kept in Notes.`);
    return null;
  }
  b.mark(field, 'field');
  return parsed.date;
}

/** A number of months ("12", "annually", "2 years") within the field's range; null when blank or unreadable. */
export function readMonthsCell<F extends string>(field: F, range: { readonly min: number; readonly max: number }, raw: string, b: RowBuilder<F>): number | null {
  if (raw === '') return null;
  const label = b.label(field);
  const interval = readIntervalMonths(raw, { label, ...range });
  const value = interval.value;
  if (interval.problem !== undefined || value === null) {
    b.keep(field, raw);
    b.warn(field, `${interval.problem ?? `${label} "${raw}" could not be read.`} The text is kept in Notes.`);
    return null;
  }
  if (value < range.min || value > range.max) {
    b.keep(field, raw);
    b.warn(field, `${label} "${raw}" is outside ${range.min} to ${range.max} months, so the default is used and the text is kept in Notes.`);
    return null;
  }
  b.mark(field, 'field');
  return value;
}

/** A whole number within the field's range ("12", "1,200"); null when blank or not such a number. */
export function readNumberCell<F extends string>(field: F, range: { readonly min: number; readonly max?: number }, raw: string, b: RowBuilder<F>): number | null {
  if (raw === '') return null;
  const label = b.label(field);
  const digits = raw.replace(/[,\s]/g, '');
  const value = /^-?\d+$/.test(digits) ? Number(digits) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < range.min || (range.max !== undefined && value > range.max)) {
    const wanted = range.max === undefined ? `${range.min} or more` : `from ${range.min} to ${range.max}`;
    b.keep(field, raw);
    b.warn(field, `${label} "${raw}" is not a whole number ${wanted}, so the default is used and the text is kept in Notes.`);
    return null;
  }
  b.mark(field, 'field');
  return value;
}

/**
 * Each plain row's value from its cell, in the rows' order (which is the order of the warnings).
 * @throws for a person, codes or list row: those need a reader of their own.
 */
export function readPlainCells<Rec, F extends string>(rows: ReadonlyArray<FieldRow<Rec>>, input: PlainCellsInput<Rec, F>): Partial<Rec> {
  const { cell, where, builder: b, today, defaults } = input;
  const values: Partial<Record<keyof Rec, unknown>> = {};
  for (const row of rows) {
    // A row's key is one of the fields the row's cells are keyed by.
    const field = row.key as string as F;
    const { key, kind } = row;
    switch (kind.type) {
      case 'text':
      case 'note':
        values[key] = readLongText(field, cleanText(cell(field), kind.type === 'note'), maxLengthOf(kind.type), where, b);
        break;
      case 'date':
        values[key] = readDateCell(field, kind.pastOnly, cleanText(cell(field), false), today, b);
        break;
      case 'choice': {
        const words = input.choiceWords?.[field] ?? { options: kind.choices, whole: [], contains: [] };
        values[key] = readChoice(words, field, cleanText(cell(field), false), defaults[key] as string, b);
        break;
      }
      case 'months':
        values[key] = readMonthsCell(field, kind, cleanText(cell(field), false), b) ?? defaults[key];
        break;
      case 'number':
        values[key] = readNumberCell(field, kind, cleanText(cell(field), false), b) ?? defaults[key];
        break;
      default:
        throw new Error(`${field}: a ${kind.type} field needs a reader of its own`);
    }
  }
  return values as Partial<Rec>;
}
