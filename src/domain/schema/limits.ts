/**
 * The limits every field kind is checked against, by the form, the import and the Graph layer's writes.
 */
import type { LocalDate } from '../entry';
import { addMonths, formatLocalDate, isLocalDate } from '../localDate';
import { SINGLE_LINE_MAX } from '../lists/listColumn';

/**
 * SharePoint's limit on a "single line of text" column. Lengths are UTF-16 code units
 * (`string.length`), which is how SharePoint counts them.
 */
export { SINGLE_LINE_MAX };

/**
 * SharePoint would take far more in a multi-line column, but every list page carries whole items
 * and the tab shows these fields on cards: 10,000 characters (a few printed pages) is more than any
 * purpose, access or downtime description needs, and keeps a list item a reasonable size.
 */
export const MULTI_LINE_MAX = 10_000;

/**
 * Dates within reason. Nothing a GP practice records about a digital service happened before 2000
 * (the oldest systems in use date from the late 1990s), and no due date is planned more than five
 * years ahead (the longest review interval is 36 months): a date outside these limits is a typing
 * mistake such as 31/12/9999 or 1850, which would otherwise read as "Up to date" or "9157 weeks
 * overdue". The form, the import and the Graph layer's writes all apply `dateRangeProblem`.
 */
export const EARLIEST_DATE: LocalDate = '2000-01-01';
export const MAX_YEARS_AHEAD = 5;

/** The last date a due date may be: MAX_YEARS_AHEAD years after `today`. */
export function latestDueDate(today: LocalDate): LocalDate {
  return addMonths(today, MAX_YEARS_AHEAD * 12);
}

/**
 * @param noun how the date reads in a sentence ("Next review due date").
 * @param pastOnly true for a date that records something already done (it may not be after today).
 * @returns why `date` is out of range, giving the range; undefined when it is a date within reason.
 */
export function dateRangeProblem(noun: string, date: LocalDate, today: LocalDate, pastOnly: boolean): string | undefined {
  if (!isLocalDate(date) || !isLocalDate(today)) return undefined;
  const latest = pastOnly ? today : latestDueDate(today);
  if (date >= EARLIEST_DATE && date <= latest) return undefined;
  const range = pastOnly
    ? `between ${formatLocalDate(EARLIEST_DATE)} and today (${formatLocalDate(today)})`
    : `between ${formatLocalDate(EARLIEST_DATE)} and ${formatLocalDate(latest)} (${MAX_YEARS_AHEAD} years from today)`;
  const why = date < EARLIEST_DATE ? 'is before 2000, which is almost certainly a typing mistake' : pastOnly ? 'cannot be in the future' : `is more than ${MAX_YEARS_AHEAD} years ahead`;
  return `${noun} ${why}: enter a date ${range}`;
}

/** The most characters a field of `type` holds. */
export function maxLengthOf(type: 'text' | 'note'): number {
  return type === 'text' ? SINGLE_LINE_MAX : MULTI_LINE_MAX;
}
