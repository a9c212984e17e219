/**
 * Access reviews (issue 17): a cycle per service. The next one is due `accessReviewIntervalMonths`
 * after the last, worked out by the one due rule (../due.ts), so the register, the reminders and
 * this view agree. A review record says who reviewed, how many accounts were checked and how many
 * were removed; recording one moves the entry's "last access review" forward.
 */
import type { LocalDate, RegisterEntry } from '../entry';
import { accessReviewIntervalOf, dueItemsOf, dueDatesOf, type DueState } from '../due';
import { isLocalDate } from '../localDate';

export interface AccessReviewRecord {
  /** 'rev-' + a GUID made once per "record a review" form: a retried create finds the first. */
  readonly key: string;
  /** The register entry's list item id. */
  readonly entryId: string;
  /** The service's name when reviewed: still readable if the entry is deleted. */
  readonly serviceTitle: string;
  readonly reviewedOn: LocalDate;
  /** Display name of who reviewed. */
  readonly reviewedBy: string;
  readonly accountsChecked: number;
  readonly accountsRemoved: number;
  readonly notes: string;
}

export interface StoredAccessReview {
  readonly id: string;
  readonly eTag: string;
  readonly review: AccessReviewRecord;
}

export interface AccessReviewCycle {
  readonly last: LocalDate | null;
  /** 0: no review cycle for this service. */
  readonly intervalMonths: number;
  /** Null when no cycle applies or the service has never been reviewed. */
  readonly nextDue: LocalDate | null;
  readonly state: DueState | 'never' | 'none';
}

/** The service's access review cycle on `today`, from the one due rule. */
export function accessReviewCycle(entry: RegisterEntry, today: LocalDate): AccessReviewCycle {
  const intervalMonths = accessReviewIntervalOf(entry);
  const nextDue = dueDatesOf(entry)['access-review'];
  const item = dueItemsOf(entry, today).find((candidate) => candidate.kind === 'access-review');
  const state = item ? item.state : intervalMonths === 0 ? 'none' : entry.lastAccessReview === null ? 'never' : 'none';
  return { last: entry.lastAccessReview, intervalMonths, nextDue, state };
}

export type AccessReviewField = 'reviewedOn' | 'reviewedBy' | 'accountsChecked' | 'accountsRemoved';

/** Problems with a review before it is recorded, by field, in the words the form shows. */
export function accessReviewErrors(review: AccessReviewRecord, today: LocalDate): Partial<Record<AccessReviewField, string>> {
  const errors: Partial<Record<AccessReviewField, string>> = {};
  if (!isLocalDate(review.reviewedOn)) errors.reviewedOn = 'Enter the date of the review.';
  else if (review.reviewedOn > today) errors.reviewedOn = 'The review date cannot be in the future.';
  else if (review.reviewedOn < '2000-01-01') errors.reviewedOn = 'The review date must be in 2000 or later.';
  if (review.reviewedBy.trim() === '') errors.reviewedBy = 'Say who reviewed.';
  if (!Number.isInteger(review.accountsChecked) || review.accountsChecked < 0) errors.accountsChecked = 'Accounts checked must be a whole number, 0 or more.';
  if (!Number.isInteger(review.accountsRemoved) || review.accountsRemoved < 0) errors.accountsRemoved = 'Accounts removed must be a whole number, 0 or more.';
  else if (errors.accountsChecked === undefined && review.accountsRemoved > review.accountsChecked) {
    errors.accountsRemoved = 'Accounts removed cannot be more than accounts checked.';
  }
  return errors;
}

/** The entry after a review: its last access review is the later of the two dates (an older record changes nothing). */
export function applyAccessReview(entry: RegisterEntry, review: Pick<AccessReviewRecord, 'reviewedOn'>): RegisterEntry {
  if (entry.lastAccessReview !== null && entry.lastAccessReview >= review.reviewedOn) return entry;
  return { ...entry, lastAccessReview: review.reviewedOn };
}

/** Newest first, then by service name. */
export function compareReviews(a: AccessReviewRecord, b: AccessReviewRecord): number {
  return b.reviewedOn.localeCompare(a.reviewedOn) || a.serviceTitle.localeCompare(b.serviceTitle, 'en-GB', { sensitivity: 'base' });
}
