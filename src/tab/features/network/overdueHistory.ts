/**
 * What "Overdue reviews over time" needs to read. An entry last changed on or before the first month
 * end of the chart had the same fields at every month end since, so its current version is its whole
 * history for the chart: no request. Only the entries changed within the chart's months need their
 * SharePoint versions read, one request each, and at most `cap` of them (the rest are judged on their
 * current fields and the chart says how many). Deleted entries are not known to the roll-up.
 */
import { londonDateOf, type LocalDate, type StoredEntry } from '@domain';
import type { EntryHistory, MemberPractice, PracticeLoad } from '@domain/network';
import type { NetworkDeltaCache } from '@graph/network';

export interface VersionRead {
  readonly practice: MemberPractice;
  readonly registerListId: string;
  readonly stored: StoredEntry;
}

export interface HistoryPlan {
  /** Histories known without a request. */
  readonly known: EntryHistory[];
  /** Entries changed within the months, whose versions are read. */
  readonly toRead: VersionRead[];
  /** Entries changed within the months that are judged on their current fields only (over the cap, or the list id is not known). */
  readonly approximate: EntryHistory[];
}

export const MAX_VERSION_READS = 200;

function londonDayOf(instant: string): LocalDate | null {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? null : londonDateOf(new Date(ms));
}

/** The current fields as the only version, from when the entry was last saved. */
export function currentOnly(practiceKey: string, stored: StoredEntry): EntryHistory {
  return { practiceKey, entryId: stored.id, versions: [{ modifiedAt: stored.modifiedAt, entry: stored.entry }] };
}

export function planHistory(
  loads: readonly PracticeLoad[],
  months: readonly LocalDate[],
  cache: NetworkDeltaCache | undefined,
  cap = MAX_VERSION_READS,
): HistoryPlan {
  const first = months[0];
  const known: EntryHistory[] = [];
  const toRead: VersionRead[] = [];
  const approximate: EntryHistory[] = [];
  for (const load of loads) {
    if (load.state !== 'loaded') continue;
    const registerListId = cache?.get(load.practice.key)?.registerListId;
    for (const stored of load.entries) {
      const day = londonDayOf(stored.modifiedAt);
      const unchanged = first !== undefined && day !== null && day <= first;
      if (unchanged) known.push(currentOnly(load.practice.key, stored));
      else if (registerListId && toRead.length < cap) toRead.push({ practice: load.practice, registerListId, stored });
      else approximate.push(currentOnly(load.practice.key, stored));
    }
  }
  return { known, toRead, approximate };
}
