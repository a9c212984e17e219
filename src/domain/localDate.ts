/**
 * Europe/London calendar dates as `YYYY-MM-DD` strings, and the arithmetic the register needs.
 *
 * A review is due on a calendar day in England, so "today" is the London date of the clock's
 * instant (which differs from the UTC date for an hour each night during BST). Arithmetic is on
 * calendar days, never on milliseconds, so the BST/GMT changes cannot shift a date.
 */
import type { LocalDate } from './entry';

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Europe/London calendar date at `instant`. */
export function londonDateOf(instant: Date): LocalDate {
  return LONDON_DATE.format(instant);
}

/** @returns true when `text` is a real calendar date written `YYYY-MM-DD` (no 30 February). */
export function isLocalDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999, which made 0001-01-01 "not a date".
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toUtcMidnight(date: LocalDate): Date {
  if (!isLocalDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

function fromUtcMidnight(date: Date): LocalDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const result = toUtcMidnight(date);
  result.setUTCDate(result.getUTCDate() + days);
  return fromUtcMidnight(result);
}

/**
 * Adds calendar months, clamping to the month's last day: 31 January + 1 month is 28 (or 29) February,
 * and 29 February + 12 months is 28 February.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const start = toUtcMidnight(date);
  const targetMonthIndex = start.getUTCFullYear() * 12 + start.getUTCMonth() + months;
  const year = Math.floor(targetMonthIndex / 12);
  const month = targetMonthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtcMidnight(new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay))));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtcMidnight(to).getTime() - toUtcMidnight(from).getTime()) / 86_400_000);
}

/** "1 March 2026": how dates read to a person in England. */
export function formatLocalDate(date: LocalDate): string {
  return toUtcMidnight(date).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
