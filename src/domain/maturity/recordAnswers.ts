/**
 * Questions 7 and 9 answered from the practice's records rather than guessed from the entries:
 * access reviews recorded (People and access) and change records with their testing (Changes).
 * The caller passes the records in when they are loaded; without them the questions answer from the
 * entries alone, as before. Pure.
 */
import type { AccessReviewRecord } from '../access/accessReview';
import { isUntested, type ChangeRecord } from '../change/changeRecord';
import type { LocalDate } from '../entry';
import { addMonths } from '../localDate';

/** Records loaded from the practice's lists; a missing part is "not known", never "none". */
export interface MaturityEvidence {
  readonly changes?: readonly ChangeRecord[];
  readonly accessReviews?: readonly AccessReviewRecord[];
}

interface Row {
  readonly id: string;
  readonly entry: { readonly lifecycle: string };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Question 7's extra sentence: the access reviews recorded in the last 12 months; null without records. */
export function accessReviewsSentence(reviews: readonly AccessReviewRecord[] | undefined, today: LocalDate): string | null {
  if (!reviews) return null;
  const yearAgo = addMonths(today, -12);
  const recent = reviews.filter((review) => review.reviewedOn > yearAgo && review.reviewedOn <= today);
  if (recent.length === 0) return 'No access review has been recorded in People and access in the last 12 months.';
  const services = new Set(recent.map((review) => review.entryId)).size;
  const checked = recent.reduce((sum, review) => sum + review.accountsChecked, 0);
  const removed = recent.reduce((sum, review) => sum + review.accountsRemoved, 0);
  return `${plural(recent.length, 'access review')} of ${plural(services, 'service')} recorded in the last 12 months: ${plural(checked, 'account')} checked, ${removed} removed.`;
}

export interface ChangeTestingAnswer {
  readonly summary: string;
  /** Services in use with a change that says nothing about testing. */
  readonly untestedEntryIds: readonly string[];
  readonly untestedCount: number;
  /** Live services with no go-live record. */
  readonly noGoLiveEntryIds: readonly string[];
  /** True when no change has been recorded for any service in use. */
  readonly nothingRecorded: boolean;
}

/**
 * Question 9 ("How are changes tested before going live?") per service, from the change records of
 * services not retired: how many records say how they were tested, which do not, and which live
 * services have no go-live record.
 */
export function changeTestingAnswer(active: readonly Row[], changes: readonly ChangeRecord[]): ChangeTestingAnswer {
  const ids = new Set(active.map((row) => row.id));
  const records = changes.filter((change) => ids.has(change.entryId));
  const untested = records.filter(isUntested);
  const services = new Set(records.map((change) => change.entryId)).size;
  const goLive = new Set(records.filter((change) => change.kind === 'go-live').map((change) => change.entryId));
  const live = active.filter((row) => row.entry.lifecycle === 'live');
  const noGoLive = live.filter((row) => !goLive.has(row.id)).map((row) => row.id);
  const untestedEntryIds = [...new Set(untested.map((change) => change.entryId))];
  const goLiveSentence = live.length === 0 ? '' : ` ${live.length - noGoLive.length} of ${plural(live.length, 'live service')} ${live.length - noGoLive.length === 1 ? 'has' : 'have'} a go-live record.`;
  const summary = records.length === 0
    ? `No change has been recorded yet.${goLiveSentence}`
    : `${plural(records.length, 'change')} recorded for ${plural(services, 'service')}; ${records.length - untested.length} of ${records.length} say how ${records.length === 1 ? 'it was' : 'they were'} tested before going live.${goLiveSentence}`;
  return { summary, untestedEntryIds, untestedCount: untested.length, noGoLiveEntryIds: noGoLive, nothingRecorded: records.length === 0 };
}
