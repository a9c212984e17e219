/**
 * Review status of an entry on a given Europe/London calendar day. The vocabulary (up to date /
 * due soon / overdue / not set) follows the review-status words GRC tools such as Drata use.
 */
import type { LocalDate, Option, RegisterEntry } from './entry';
import { addMonths, daysBetween, isLocalDate } from './localDate';

export type ReviewStatus = 'up-to-date' | 'due-soon' | 'overdue' | 'not-set';

export const REVIEW_STATUSES: ReadonlyArray<Option<ReviewStatus>> = [
  { code: 'up-to-date', label: 'Up to date' },
  { code: 'due-soon', label: 'Due soon' },
  { code: 'overdue', label: 'Overdue' },
  { code: 'not-set', label: 'Not set' },
];

/** How many days ahead a review counts as "due soon" unless the caller says otherwise. */
export const DEFAULT_DUE_SOON_DAYS = 30;

function isIntervalMonths(value: number): boolean {
  return Number.isInteger(value) && value >= 1;
}

/**
 * The day the next review is due: the recorded `nextReviewDue` when there is one, otherwise the last
 * review plus the review interval, otherwise null (never reviewed and no date set). Dates that are not
 * real calendar dates count as absent, so stored data a person mistyped cannot throw here.
 */
export function effectiveNextReviewDue(entry: RegisterEntry): LocalDate | null {
  if (entry.nextReviewDue !== null && isLocalDate(entry.nextReviewDue)) return entry.nextReviewDue;
  if (entry.lastReviewedOn !== null && isLocalDate(entry.lastReviewedOn) && isIntervalMonths(entry.reviewIntervalMonths)) {
    return addMonths(entry.lastReviewedOn, entry.reviewIntervalMonths);
  }
  return null;
}

/**
 * @param today the Europe/London date now (`londonDateOf(clock())`).
 * @param dueSoonDays a review due within this many days of today (inclusive; today itself included)
 *   is 'due-soon'; one due before today is 'overdue'.
 * @returns 'up-to-date' for a retired entry whatever its dates: nothing is due on a service the
 *   practice no longer uses, and 'not-set' would read as a gap to fill.
 */
export function reviewStatus(entry: RegisterEntry, today: LocalDate, dueSoonDays: number = DEFAULT_DUE_SOON_DAYS): ReviewStatus {
  if (entry.lifecycle === 'retired') return 'up-to-date';
  const due = effectiveNextReviewDue(entry);
  if (due === null) return 'not-set';
  const daysLeft = daysBetween(today, due);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= dueSoonDays ? 'due-soon' : 'up-to-date';
}
