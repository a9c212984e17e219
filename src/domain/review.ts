/**
 * Transitions on an entry: the things a person does to it other than editing fields.
 * Each returns a new entry and leaves its argument untouched.
 */
import { DEFAULT_REVIEW_INTERVAL_MONTHS, type LocalDate, type RegisterEntry } from './entry';
import { addMonths } from './localDate';
import { REVIEW_INTERVAL_MAX_MONTHS, REVIEW_INTERVAL_MIN_MONTHS } from './validation';

function usableInterval(months: number): number {
  const valid = Number.isInteger(months) && months >= REVIEW_INTERVAL_MIN_MONTHS && months <= REVIEW_INTERVAL_MAX_MONTHS;
  return valid ? months : DEFAULT_REVIEW_INTERVAL_MONTHS;
}

/**
 * Records a review done today: last reviewed on today by `reviewedBy`, next review due one review
 * interval from today (the month's last day when that month is shorter). An interval that is not a
 * whole number from 1 to 36 months falls back to DEFAULT_REVIEW_INTERVAL_MONTHS rather than
 * producing a nonsense date.
 * @param today the Europe/London date now (`londonDateOf(clock())`).
 * @throws RangeError when `today` is not a `YYYY-MM-DD` calendar date.
 */
export function markReviewed(entry: RegisterEntry, reviewedBy: string, today: LocalDate): RegisterEntry {
  return {
    ...entry,
    lastReviewedOn: today,
    lastReviewedBy: reviewedBy.trim(),
    nextReviewDue: addMonths(today, usableInterval(entry.reviewIntervalMonths)),
  };
}

/**
 * Marks the service as no longer used. Everything else is kept: the entry stays in the register as
 * the record of what the service was and who owned it (residual data may still need managing).
 */
export function retireEntry(entry: RegisterEntry): RegisterEntry {
  return { ...entry, lifecycle: 'retired' };
}

/**
 * What free-text search matches against: service name, supplier and purpose, lower-cased, with runs
 * of spaces as one so "EMIS  Web" and "EMIS Web" find each other (the search box is normalised alike).
 */
export function entrySearchText(entry: RegisterEntry): string {
  return [entry.title, entry.supplier, entry.purpose].map((part) => part.replace(/[^\S\n]+/g, ' ')).join('\n').toLowerCase();
}
