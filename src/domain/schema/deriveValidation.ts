/**
 * The rules a schema's rows imply, one plain-English message per field (the first rule it breaks):
 * required fields, lengths, formats (phone, email, https link), choices, dates within reason and
 * month ranges. Rules that span fields or need a person (owner and deputy, lists) stay with the
 * record's own validation (validation.ts), which starts from these.
 */
import type { LocalDate } from '../entry';
import { isPhoneNumber, isPlausibleEmail, safeHttpsUrl } from '../contactFormats';
import { isLocalDate } from '../localDate';
import type { FieldKind, FieldRow, RecordSchema } from './fieldSchema';
import { dateRangeProblem, maxLengthOf } from './limits';

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/** The message for a text longer than its field holds, or undefined. */
export function tooLong(label: string, text: string, max: number): string | undefined {
  return text.length > max ? `${label} must be ${count(max)} characters or fewer (it is ${count(text.length)})` : undefined;
}

function formatProblem(kind: FieldKind, label: string, text: string): string | undefined {
  if (kind.type !== 'text' || text.trim() === '') return undefined;
  switch (kind.input) {
    case 'tel':
      return isPhoneNumber(text) ? undefined : `${label} must be a phone number, using only numbers, spaces and + ( ) -`;
    case 'email':
      return isPlausibleEmail(text) ? undefined : 'Enter a valid email address';
    case 'url':
      // Only https: links from user data: the form and the entry view make it a link.
      return safeHttpsUrl(text) === null ? `${label} must be a web address starting with https://` : undefined;
    default:
      return undefined;
  }
}

/** What is wrong with one field's value, or undefined. */
export function fieldProblem<Rec>(row: FieldRow<Rec>, value: unknown, today: LocalDate): string | undefined {
  const { kind } = row;
  switch (kind.type) {
    case 'text':
    case 'note': {
      const text = typeof value === 'string' ? value : '';
      if (row.required !== undefined && text.trim() === '') return row.required;
      return tooLong(row.label, text, maxLengthOf(kind.type)) ?? formatProblem(kind, row.label, text);
    }
    case 'choice':
      return kind.choices.some((option) => option.code === value) ? undefined : kind.message;
    case 'codes':
      return (value as unknown[]).every((code) => kind.choices.some((option) => option.code === code))
        ? undefined : `Choose the ${row.label.toLowerCase()} from the list`;
    case 'date': {
      if (value === null) return row.required;
      const date = value as string;
      if (!isLocalDate(date)) return `${kind.noun} must be a real calendar date`;
      if (kind.pastOnly && date > today) return `${kind.noun} cannot be in the future`;
      return dateRangeProblem(kind.noun, date, today, kind.pastOnly);
    }
    case 'months': {
      const n = value as number;
      if (Number.isInteger(n) && n >= kind.min && n <= kind.max) return undefined;
      const zero = kind.min === 0 && kind.zeroMeans !== undefined ? ` (${kind.zeroMeans.toLowerCase()})` : '';
      return `${row.label} must be a whole number of months from ${kind.min}${zero} to ${kind.max}`;
    }
    case 'number': {
      const n = value as number;
      if (Number.isInteger(n) && n >= kind.min && (kind.max === undefined || n <= kind.max)) return undefined;
      return kind.max === undefined ? `${row.label} must be a whole number, ${kind.min} or more` : `${row.label} must be a whole number from ${kind.min} to ${kind.max}`;
    }
    default:
      return undefined;
  }
}

/** Every field's first problem, keyed by field; `{}` when every row's rules hold. */
export function schemaProblems<Rec>(schema: RecordSchema<Rec>, record: Rec, today: LocalDate): Partial<Record<keyof Rec, string>> {
  const problems: Partial<Record<keyof Rec, string>> = {};
  for (const row of schema.rows) {
    const problem = fieldProblem(row, record[row.key], today);
    if (problem !== undefined) problems[row.key] = problem;
  }
  return problems;
}

/** Only the "dates within reason" rule, for layers that write without the form. */
export function dateRangeProblems<Rec>(schema: RecordSchema<Rec>, record: Rec, today: LocalDate): Partial<Record<keyof Rec, string>> {
  const problems: Partial<Record<keyof Rec, string>> = {};
  for (const row of schema.rows) {
    const value = record[row.key];
    if (row.kind.type !== 'date' || typeof value !== 'string') continue;
    const problem = dateRangeProblem(row.kind.noun, value, today, row.kind.pastOnly);
    if (problem !== undefined) problems[row.key] = problem;
  }
  return problems;
}
