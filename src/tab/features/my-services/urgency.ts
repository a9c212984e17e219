/**
 * Which services are the signed-in person's (owner or deputy), most urgent first. Pure, so the
 * order is testable: overdue reviews, then reviews due soon, then those with risk flags (more flags
 * first), then never reviewed, then the rest; within a group the earliest due date, then the name.
 */
import { effectiveNextReviewDue, type ReviewStatus, type RiskFlag, type StoredEntry } from '@domain';

export interface MyRow {
  readonly stored: StoredEntry;
  readonly status: ReviewStatus;
  readonly flags: readonly RiskFlag[];
}

export type MyRole = 'owner' | 'deputy';

function group(row: MyRow): number {
  if (row.status === 'overdue') return 0;
  if (row.status === 'due-soon') return 1;
  if (row.flags.length > 0) return 2;
  if (row.status === 'not-set') return 3;
  return 4;
}

/** @returns the person's role for the entry, or null when it is not theirs. Owner wins when both. */
export function roleOf(row: MyRow, personId: string): MyRole | null {
  const { owner, deputy } = row.stored.entry;
  if (owner?.entraId === personId) return 'owner';
  if (deputy?.entraId === personId) return 'deputy';
  return null;
}

export function myServices<Row extends MyRow>(rows: readonly Row[], personId: string): Row[] {
  const mine = rows.filter((row) => row.stored.entry.lifecycle !== 'retired' && roleOf(row, personId) !== null);
  return mine.sort((a, b) => {
    const byGroup = group(a) - group(b);
    if (byGroup !== 0) return byGroup;
    if (group(a) === 2 && b.flags.length !== a.flags.length) return b.flags.length - a.flags.length;
    const dueA = effectiveNextReviewDue(a.stored.entry) ?? '9999-12-31';
    const dueB = effectiveNextReviewDue(b.stored.entry) ?? '9999-12-31';
    return dueA.localeCompare(dueB) || a.stored.entry.title.localeCompare(b.stored.entry.title, 'en-GB');
  });
}

/**
 * The same rows with those that have an open incident first: the service's own incident, then those
 * affected through a dependency; the urgency order is kept within each group (a stable sort).
 */
export function incidentsFirst<Row extends MyRow>(rows: readonly Row[], open: ReadonlyMap<string, unknown>, affected: ReadonlyMap<string, unknown>): Row[] {
  const rank = (row: Row) => (open.has(row.stored.id) ? 0 : affected.has(row.stored.id) ? 1 : 2);
  return [...rows].sort((a, b) => rank(a) - rank(b));
}
