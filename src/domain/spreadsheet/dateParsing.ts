/**
 * Reading the dates people type into UK spreadsheets. Day comes first (03/04/2025 is 3 April), as
 * in England; impossible dates (31/02/2025) are refused with a reason, never rolled over into March.
 *
 * Accepted: `dd/mm/yyyy`, `d/m/yy` (also with `-` or `.`), `yyyy-mm-dd` (optionally with a time,
 * as libraries write date cells), "1 March 2025", "1st Mar 2025", "1-Mar-25" (Excel's own format),
 * "March 1, 2025", and Excel serial day numbers (45352 is 1 March 2024) from unformatted cells.
 */
import type { LocalDate } from '../entry';
import { addDays, formatLocalDate, isLocalDate } from '../localDate';

export type DateParse = { readonly ok: true; readonly date: LocalDate | null } | { readonly ok: false; readonly message: string };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Cell words that mean "no date": read as empty rather than as a problem. */
const NO_DATE = new Set(['', '-', '--', 'n/a', 'na', 'none', 'never', 'not known', 'unknown', 'tbc', 'tbd', 'nil', 'not yet', 'no']);

/**
 * Excel's day 0 is 30 December 1899 for serials from 61 on (Excel counts a 29 February 1900 that
 * never was). Serials are only read in 1 January 1970 (25569) to 31 December 2099 (73050), so a
 * lone year such as "2025" is not mistaken for a day in 1905.
 */
const EXCEL_EPOCH: LocalDate = '1899-12-30';
const SERIAL_MIN = 25569;
const SERIAL_MAX = 73050;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function monthNumber(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex((month) => month.startsWith(lower) || (lower === 'sept' && month === 'september'));
  return index < 0 ? null : index + 1;
}

/** Two-digit years are this century unless that would be more than 50 years ahead of today. */
function fullYear(year: string, today: LocalDate): number {
  const n = Number(year);
  if (year.length !== 2) return n;
  const thisYear = Number(today.slice(0, 4));
  return 2000 + n > thisYear + 50 ? 1900 + n : 2000 + n;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(original: string, year: number, month: number, day: number): DateParse {
  if (year < 1900 || year > 2099) return { ok: false, message: `"${original}" has the year ${year}, which cannot be right.` };
  if (month < 1 || month > 12) {
    return { ok: false, message: `"${original}" is not a date: there is no month ${month}. Dates are read day first (dd/mm/yyyy).` };
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    const monthName = (MONTHS[month - 1] ?? '').replace(/^./, (c) => c.toUpperCase());
    return { ok: false, message: `"${original}" is not a real date: ${monthName} ${year} has ${last} days.` };
  }
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return isLocalDate(date) ? { ok: true, date } : { ok: false, message: `"${original}" is not a real date.` };
}

/**
 * @param today the London date now, used only to place two-digit years in the right century.
 * @returns `{ ok: true, date }` (date null for an empty cell or "n/a"), or `{ ok: false, message }`
 *   saying in plain English why the text is not a date.
 */
export function parseUkDate(text: string, today: LocalDate): DateParse {
  const original = text.trim().replace(/\s+/g, ' ');
  if (NO_DATE.has(original.toLowerCase())) return { ok: true, date: null };
  // Weekday names add nothing ("Tuesday 1 March 2025").
  const cleaned = original.replace(/^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,? /i, '');

  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(cleaned);
  if (m) return build(original, Number(m[1]), Number(m[2]), Number(m[3]));

  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(cleaned);
  if (m) return build(original, fullYear(m[3] as string, today), Number(m[2]), Number(m[1]));

  m = /^(\d{1,2})(?:st|nd|rd|th)?(?: of)?[ -]([a-z]+\.?),?[ -](\d{4}|\d{2})$/i.exec(cleaned);
  if (m) {
    const month = monthNumber(m[2] as string);
    if (month !== null) return build(original, fullYear(m[3] as string, today), month, Number(m[1]));
  }

  m = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(cleaned);
  if (m) {
    const month = monthNumber(m[1] as string);
    if (month !== null) return build(original, Number(m[3]), month, Number(m[2]));
  }

  m = /^([a-z]+\.?)[ -](\d{4})$/i.exec(cleaned);
  if (m && monthNumber(m[1] as string) !== null) {
    return { ok: false, message: `"${original}" has no day. Give the full date, for example 1 ${m[1]} ${m[2]}.` };
  }

  if (/^\d+(\.\d+)?$/.test(cleaned)) {
    const serial = Math.floor(Number(cleaned));
    if (serial >= SERIAL_MIN && serial <= SERIAL_MAX) return { ok: true, date: addDays(EXCEL_EPOCH, serial) };
    if (/^\d{4}$/.test(cleaned)) return { ok: false, message: `"${original}" is only a year. Give the full date, for example 1 March ${cleaned}.` };
  }
  return { ok: false, message: `"${original}" is not a date we can read. Use day/month/year, for example 01/03/2025.` };
}

/** "1 March 2025" for messages; the raw text when it is not a calendar date. */
export function describeDate(date: LocalDate): string {
  return isLocalDate(date) ? formatLocalDate(date) : date;
}
