/**
 * How each kind of value is written to a SharePoint list item and read back.
 *
 * Date-only columns: SharePoint keeps a date-only value as local midnight of the site's time zone
 * and Graph returns that instant in UTC (a UK site in summer answers `2026-05-13T23:00:00Z` for
 * 14 May). We write noon UTC, which is the same calendar day in London in every season, and read
 * any instant back as its Europe/London calendar date.
 */
import { codeOf, type LocalDate, type Option, type PersonRef } from '../entry';
import { isLocalDate, londonDateOf } from '../localDate';

/** A list item's `fields` object, as Graph returns and takes it. */
export type ListItemFields = Record<string, unknown>;

export function dateToField(date: LocalDate | null): string | null {
  return date === null ? null : `${date}T12:00:00Z`;
}

export function fieldToDate(value: unknown): LocalDate | null {
  if (typeof value !== 'string' || value === '') return null;
  if (isLocalDate(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : londonDateOf(instant);
}

export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A stored label (or code) read as its code; anything else is `fallback`. */
export function choiceOf<Code extends string>(list: ReadonlyArray<Option<Code>>, value: unknown, fallback: Code): Code {
  return (typeof value === 'string' && codeOf(list, value)) || fallback;
}

/**
 * A whole number within [min, max], from a number column (a number) or an older text value; a
 * missing, empty or out-of-range value is `fallback` (0 is a real value when `min` is 0).
 */
export function wholeNumberOf(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** Codes separated by semicolons. */
export function codesToField(codes: readonly string[]): string {
  return codes.join(';');
}

/** The codes of a semicolon-separated value; unknown parts are dropped. */
export function fieldToCodes<Code extends string>(list: ReadonlyArray<Option<Code>>, value: unknown): Code[] {
  return textOf(value)
    .split(';')
    .map((part) => codeOf(list, part))
    .filter((code): code is Code => code !== undefined);
}

export function personToFields(prefix: string, value: PersonRef | null): ListItemFields {
  return {
    [`${prefix}EntraId`]: value?.entraId ?? '',
    [`${prefix}DisplayName`]: value?.displayName ?? '',
    [`${prefix}Upn`]: value?.upn ?? '',
  };
}

export function fieldsToPerson(fields: ListItemFields, prefix: string): PersonRef | null {
  const entraId = textOf(fields[`${prefix}EntraId`]);
  if (!entraId) return null;
  return { entraId, displayName: textOf(fields[`${prefix}DisplayName`]), upn: textOf(fields[`${prefix}Upn`]) };
}
