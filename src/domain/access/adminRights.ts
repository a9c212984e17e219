/**
 * Privileged access (DSPT 4.3.1): who holds admin rights on each service, including supplier and
 * ICB engineers typed in by name and organisation, whether their agreement is on file, and when
 * the rights were last reviewed. The practice-wide "who holds admin rights" view is built here.
 *
 * This file imports only the entry and dates (not ../due or ../riskFlags), because riskFlags.ts
 * imports it for the "admin rights not reviewed" flag.
 */
import type { AdminRightHolder, Lifecycle, LocalDate, PersonRef, RegisterEntry } from '../entry';
import { addMonths, isLocalDate } from '../localDate';

/** Admin rights are reviewed at least yearly. */
export const ADMIN_RIGHTS_REVIEW_MONTHS = 12;

/** The holder's name as people read it: the directory name, or the typed external name. */
export function holderName(holder: AdminRightHolder): string {
  return holder.person ? holder.person.displayName || holder.person.upn : holder.externalName.trim() || 'Unnamed';
}

/** When the holder's rights are next due for review, or null when they have never been reviewed. */
export function adminReviewDue(holder: AdminRightHolder): LocalDate | null {
  return holder.reviewedOn !== null && isLocalDate(holder.reviewedOn) ? addMonths(holder.reviewedOn, ADMIN_RIGHTS_REVIEW_MONTHS) : null;
}

/** No review date, or the last review is more than 12 months before `today` (the anniversary itself is not late). */
export function holderNeedsReview(holder: AdminRightHolder, today: LocalDate): boolean {
  const due = adminReviewDue(holder);
  return due === null || due < today;
}

/** The "admin rights not reviewed" risk: a service not retired with any holder needing review. */
export function adminRightsNotReviewed(entry: RegisterEntry, today: LocalDate): boolean {
  if (entry.lifecycle === 'retired') return false;
  const holders = (entry as { adminRights?: readonly AdminRightHolder[] }).adminRights ?? [];
  return holders.some((holder) => holderNeedsReview(holder, today));
}

export interface AdminRightsRow {
  readonly entryId: string;
  readonly serviceTitle: string;
  readonly lifecycle: Lifecycle;
  /** Position in the entry's adminRights list. */
  readonly index: number;
  readonly holder: AdminRightHolder;
  readonly name: string;
  /** The directory account's UPN, or '' for an external name. */
  readonly account: string;
  readonly organisation: string;
  readonly needsReview: boolean;
  readonly reviewDue: LocalDate | null;
}

/**
 * Every admin right held on every service not retired: those needing review first, then by
 * service and holder name.
 */
export function adminRightsView(register: ReadonlyArray<{ id: string; entry: RegisterEntry }>, today: LocalDate): AdminRightsRow[] {
  const rows: AdminRightsRow[] = [];
  for (const { id, entry } of register) {
    if (entry.lifecycle === 'retired') continue;
    (entry.adminRights ?? []).forEach((holder, index) => {
      rows.push({
        entryId: id, serviceTitle: entry.title, lifecycle: entry.lifecycle, index, holder, name: holderName(holder),
        account: holder.person?.upn ?? '', organisation: holder.organisation, needsReview: holderNeedsReview(holder, today), reviewDue: adminReviewDue(holder),
      });
    });
  }
  const text = (a: string, b: string) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' });
  return rows.sort((a, b) => Number(b.needsReview) - Number(a.needsReview) || text(a.serviceTitle, b.serviceTitle) || text(a.name, b.name));
}

/** The rows of one directory person (a person's page, a leaver's checklist). */
export function adminRightsHeldBy(rows: readonly AdminRightsRow[], person: PersonRef): AdminRightsRow[] {
  const wanted = person.entraId.trim().toLowerCase();
  return rows.filter((row) => row.holder.person?.entraId.trim().toLowerCase() === wanted);
}

export type AdminHolderField = 'person' | 'organisation' | 'reviewedOn';

/** Problems with one holder, by field, in the words the editor shows. */
export function adminHolderErrors(holder: AdminRightHolder, today: LocalDate): Partial<Record<AdminHolderField, string>> {
  const errors: Partial<Record<AdminHolderField, string>> = {};
  if (holder.person === null && holder.externalName.trim() === '') errors.person = 'Pick a person from the directory or type their name.';
  if (holder.person === null && holder.organisation.trim() === '') errors.organisation = 'Say which organisation an external engineer works for.';
  if (holder.reviewedOn !== null) {
    if (!isLocalDate(holder.reviewedOn)) errors.reviewedOn = 'Enter a real date.';
    else if (holder.reviewedOn > today) errors.reviewedOn = 'The review date cannot be in the future.';
    else if (holder.reviewedOn < '2000-01-01') errors.reviewedOn = 'The review date must be in 2000 or later.';
  }
  return errors;
}

export function emptyAdminHolder(): AdminRightHolder {
  return { person: null, externalName: '', organisation: '', agreementOnFile: false, reviewedOn: null };
}
