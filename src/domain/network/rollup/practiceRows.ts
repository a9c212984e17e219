/**
 * One practice's entries as the rows its own tab shows (src/tab/state/registerRows.ts): the status
 * is the most urgent of all the entry's due dates (`dueStatus`) and the flags are `riskFlags`, both
 * for `today`. The roll-up calls the same domain rules, so a PCN lead and the practice see the same
 * gaps on the same day.
 *
 * What a network reader cannot see: the practice's team membership (so the "owner has left" flag is
 * never raised here) and the practice's change records and checklists (so the flags that need them
 * are not raised either). The review pack says so in words.
 */
import type { LocalDate, StoredEntry } from '../../entry';
import type { MaturityRow } from '../../maturity/questions';
import { dueStatus } from '../../reviewStatus';
import { riskFlags } from '../../riskFlags';
import type { PracticeLoad } from '../practiceLoad';

/** A practice whose register was read. */
export type LoadedPractice = Extract<PracticeLoad, { readonly state: 'loaded' }>;

export function isLoaded(load: PracticeLoad): load is LoadedPractice {
  return load.state === 'loaded';
}

export function maturityRowsOf(entries: readonly StoredEntry[], today: LocalDate): MaturityRow[] {
  return entries.map((stored) => ({
    id: stored.id,
    entry: stored.entry,
    status: dueStatus(stored.entry, today),
    flags: riskFlags(stored.entry, today, { ownerLeft: false }),
  }));
}

/** Not retired: the entries that have reviews to do and count towards "overdue". */
export function activeRows(rows: readonly MaturityRow[]): MaturityRow[] {
  return rows.filter((row) => row.entry.lifecycle !== 'retired');
}

/** The latest change to any entry (ISO instant), or null for an empty register. */
export function lastChangedAt(entries: readonly StoredEntry[]): string | null {
  let latest: string | null = null;
  let latestMs = Number.NEGATIVE_INFINITY;
  for (const stored of entries) {
    const ms = Date.parse(stored.modifiedAt);
    if (!Number.isNaN(ms) && ms > latestMs) {
      latest = stored.modifiedAt;
      latestMs = ms;
    }
  }
  return latest;
}

/** Practice names as people read them: case-insensitive, en-GB. */
export function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en-GB', { sensitivity: 'base' }) || a.localeCompare(b, 'en-GB');
}
