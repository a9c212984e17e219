/**
 * Review status of an entry on a given Europe/London calendar day. The vocabulary (up to date /
 * due soon / overdue / not set) follows the review-status words GRC tools such as Drata use.
 * The dates themselves come from ./due, the one rule for what is due.
 */
import type { LocalDate, Option, RegisterEntry } from './entry';
import { daysBetween } from './localDate';
import { DEFAULT_DUE_SOON_DAYS, dueItemsOf, dueStateFor, effectiveNextReviewDue } from './due';

export { DEFAULT_DUE_SOON_DAYS, effectiveNextReviewDue } from './due';

export type ReviewStatus = 'up-to-date' | 'due-soon' | 'overdue' | 'not-set';

export const REVIEW_STATUSES: ReadonlyArray<Option<ReviewStatus>> = [
  { code: 'up-to-date', label: 'Up to date' },
  { code: 'due-soon', label: 'Due soon' },
  { code: 'overdue', label: 'Overdue' },
  { code: 'not-set', label: 'Not set' },
];

/**
 * The annual review alone.
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
  return dueStateFor(daysBetween(today, due), dueSoonDays);
}

/**
 * What the Register, Overview and My services show as an entry's status: the most urgent of ALL its
 * due dates (annual review, DPIA review, access review, continuity test), so a DPIA review 34 weeks
 * overdue can never sit behind "Due soon" for the annual review. 'not-set' only when the annual review
 * has no date and nothing else is overdue or due soon.
 */
export function dueStatus(entry: RegisterEntry, today: LocalDate, dueSoonDays: number = DEFAULT_DUE_SOON_DAYS): ReviewStatus {
  if (entry.lifecycle === 'retired') return 'up-to-date';
  const states = dueItemsOf(entry, today, dueSoonDays).map((item) => item.state);
  if (states.includes('overdue')) return 'overdue';
  if (states.includes('due-soon')) return 'due-soon';
  return effectiveNextReviewDue(entry) === null ? 'not-set' : 'up-to-date';
}
