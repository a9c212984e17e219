/**
 * "Overdue reviews over time", from entry versions: at each month end, how many entries across the
 * network were overdue, judged on the version of each entry in force that day (the latest saved on
 * or before it, by Europe/London date) with the same rule the register uses today (`dueStatus`).
 * An entry created after a month end does not count for it; a retired version never counts.
 */
import type { LocalDate, RegisterEntry } from '../../entry';
import { addDays, addMonths, isLocalDate, londonDateOf } from '../../localDate';
import { dueStatus } from '../../reviewStatus';

/** One saved version of an entry. The Graph layer's EntryVersion has this shape (and more). */
export interface EntryVersionLike {
  /** ISO instant the version was saved. */
  readonly modifiedAt: string;
  readonly entry: RegisterEntry;
}

/** An entry's saved versions, in any order. */
export interface EntryHistory {
  readonly practiceKey: string;
  readonly entryId: string;
  readonly versions: readonly EntryVersionLike[];
}

export interface OverduePoint {
  readonly month: LocalDate;
  readonly overdue: number;
}

/**
 * The last `count` month ends before `today`, oldest first: on 15 June 2026, 3 gives 31 March,
 * 30 April and 31 May. Today is never one, even on the month's last day: that day is not over.
 */
export function monthEndsBefore(today: LocalDate, count: number): LocalDate[] {
  if (!isLocalDate(today)) throw new RangeError(`Not a calendar date: ${today}`);
  const firstOfMonth = `${today.slice(0, 8)}01`;
  return Array.from({ length: Math.max(0, count) }, (_, index) => addDays(addMonths(firstOfMonth, -(count - 1 - index)), -1));
}

/** The version in force at the end of `date` (London), or null when the entry did not exist yet. */
export function versionInForce(versions: readonly EntryVersionLike[], date: LocalDate): EntryVersionLike | null {
  let best: EntryVersionLike | null = null;
  let bestMs = Number.NEGATIVE_INFINITY;
  for (const version of versions) {
    const ms = Date.parse(version.modifiedAt);
    if (Number.isNaN(ms) || londonDateOf(new Date(ms)) > date) continue;
    if (ms >= bestMs) {
      best = version;
      bestMs = ms;
    }
  }
  return best;
}

export function overdueOverTime(histories: readonly EntryHistory[], months: readonly LocalDate[]): OverduePoint[] {
  return months.map((month) => ({
    month,
    overdue: histories.filter((history) => {
      const version = versionInForce(history.versions, month);
      return version !== null && dueStatus(version.entry, month) === 'overdue';
    }).length,
  }));
}
