/**
 * One rule for "what is due". Every due date an entry carries (annual review, DPIA review, access
 * review, continuity test) is worked out here, and its status on a given London day too. The
 * Register's status column and risk flags, the Overview, My services, the reminders preview and the
 * reminder service all read these functions, so no two views can disagree about what is overdue.
 */
import type { DataType, Lifecycle, LocalDate, RegisterEntry } from './entry';
import { addMonths, daysBetween, isLocalDate } from './localDate';

export type DueKind = 'review' | 'dpia' | 'access-review' | 'continuity-test';
export const DUE_KINDS: readonly DueKind[] = ['review', 'dpia', 'access-review', 'continuity-test'];

/** "Annual review", "DPIA review"...: how each due date is named to a person. */
export const DUE_KIND_LABELS: Readonly<Record<DueKind, string>> = {
  review: 'Annual review',
  dpia: 'DPIA review',
  'access-review': 'Access review',
  'continuity-test': 'Continuity test',
};

/** How often staff access to a service that holds personal data should be checked: yearly, like the register review. */
export const ACCESS_REVIEW_INTERVAL_MONTHS = 12;
/** How often a DPIA is revisited, and a continuity plan tested: yearly, like the register review. */
export const DPIA_REVIEW_INTERVAL_MONTHS = 12;
export const CONTINUITY_TEST_INTERVAL_MONTHS = 12;
/** How many days ahead something counts as "due soon" unless the caller says otherwise. */
export const DEFAULT_DUE_SOON_DAYS = 30;

/** Data types that make a service process personal data. */
export const PERSONAL_DATA_TYPES: readonly DataType[] = ['patient-identifiable', 'special-category', 'staff'];

/** Staff hold accounts on the service: it is being tried, used, or still used while it is wound down. */
export const IN_USE_LIFECYCLES: readonly Lifecycle[] = ['trial', 'live', 'retiring'];

export function processesPersonalData(entry: Pick<RegisterEntry, 'dataTypes'>): boolean {
  return entry.dataTypes.some((code) => PERSONAL_DATA_TYPES.includes(code));
}

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
 * Months between access reviews for this entry: its own `accessReviewIntervalMonths` (0 = no review
 * cycle), or ACCESS_REVIEW_INTERVAL_MONTHS when an older stored entry has no usable value.
 */
export function accessReviewIntervalOf(entry: Pick<RegisterEntry, 'accessReviewIntervalMonths'>): number {
  const months = (entry as { accessReviewIntervalMonths?: unknown }).accessReviewIntervalMonths;
  return typeof months === 'number' && Number.isInteger(months) && months >= 0 ? months : ACCESS_REVIEW_INTERVAL_MONTHS;
}

function yearlyAfter(date: LocalDate | null, months: number): LocalDate | null {
  return date !== null && isLocalDate(date) ? addMonths(date, months) : null;
}

/**
 * The due date of each kind for one entry, or null when that kind does not apply or has no date.
 * - review: `effectiveNextReviewDue`.
 * - dpia: the entry processes personal data, its DPIA is 'complete' or 'in-progress', and it has a
 *   DPIA date: due DPIA_REVIEW_INTERVAL_MONTHS after that date (for one in progress, after work started,
 *   so a DPIA stalled for a year is chased). 'not-assessed' is the risk flag 'personal-data-no-dpia'.
 * - access-review: an in-use entry that processes personal data, has a last access review and a review
 *   cycle: due `accessReviewIntervalOf(entry)` months after the last (0 months: no cycle, never due).
 * - continuity-test: an in-use entry with a last test date.
 * Dates that are not real calendar dates count as absent, so one mistyped item cannot stop a run.
 */
export function dueDatesOf(entry: RegisterEntry): Record<DueKind, LocalDate | null> {
  const personal = processesPersonalData(entry);
  const inUse = IN_USE_LIFECYCLES.includes(entry.lifecycle);
  const dpiaApplies = personal && (entry.dpiaStatus === 'complete' || entry.dpiaStatus === 'in-progress');
  return {
    review: effectiveNextReviewDue(entry),
    dpia: dpiaApplies ? yearlyAfter(entry.dpiaDate, DPIA_REVIEW_INTERVAL_MONTHS) : null,
    'access-review': personal && inUse && accessReviewIntervalOf(entry) > 0 ? yearlyAfter(entry.lastAccessReview, accessReviewIntervalOf(entry)) : null,
    'continuity-test': inUse ? yearlyAfter(entry.continuityLastTested, CONTINUITY_TEST_INTERVAL_MONTHS) : null,
  };
}

export type DueState = 'overdue' | 'due-soon' | 'up-to-date';

export interface DueItem {
  readonly kind: DueKind;
  readonly dueDate: LocalDate;
  /** Calendar days from today to the due date: 0 on the day, negative once overdue. */
  readonly daysUntilDue: number;
  readonly state: DueState;
}

/** The state of one due date `daysUntilDue` days away: the due day itself counts as due soon. */
export function dueStateFor(daysUntilDue: number, dueSoonDays: number = DEFAULT_DUE_SOON_DAYS): DueState {
  if (daysUntilDue < 0) return 'overdue';
  return daysUntilDue <= dueSoonDays ? 'due-soon' : 'up-to-date';
}

/**
 * Every due date of an entry with its state on `today`, in DUE_KINDS order. A retired entry has
 * none: nothing is due on a service the practice no longer uses.
 * @param today the Europe/London date now (`londonDateOf(clock())`).
 */
export function dueItemsOf(entry: RegisterEntry, today: LocalDate, dueSoonDays: number = DEFAULT_DUE_SOON_DAYS): DueItem[] {
  if (entry.lifecycle === 'retired') return [];
  const dates = dueDatesOf(entry);
  const items: DueItem[] = [];
  for (const kind of DUE_KINDS) {
    const dueDate = dates[kind];
    if (dueDate === null) continue;
    const daysUntilDue = daysBetween(today, dueDate);
    items.push({ kind, dueDate, daysUntilDue, state: dueStateFor(daysUntilDue, dueSoonDays) });
  }
  return items;
}

/** @returns true when the due date of `kind` has passed on `today`. */
export function isOverdue(entry: RegisterEntry, kind: DueKind, today: LocalDate): boolean {
  return dueItemsOf(entry, today).some((item) => item.kind === kind && item.state === 'overdue');
}
