/**
 * Loads the practice's records that other views need beside the register (change records, access
 * reviews, checklists), each from its own list when the site has it. Its own chunk, imported by
 * practiceRecords.tsx after the register's first paint, so the first download does not grow.
 * Each list is read on its own: one missing or failing list leaves the others' records usable.
 */
import type { AccessReviewRecord, Checklist } from '@domain/access';
import { entriesWithOverdueChecklists } from '@domain/access';
import type { LocalDate } from '@domain';
import type { StoredChange } from '@domain/change';
import type { GraphClient } from '@graph';
import { openAccessReviewStore, openChecklistStore } from '@graph/access';
import { openChangeStore, type ChangeStore } from '@graph/change';

export interface RecordListIds {
  readonly siteId: string;
  readonly changes: string | null;
  readonly checklists: string | null;
  readonly reviews: string | null;
}

export interface LoadedRecords {
  readonly changeStore: ChangeStore | null;
  /** Null: the list is missing, or could not be read (`failures` says which). */
  readonly changes: readonly StoredChange[] | null;
  readonly accessReviews: readonly AccessReviewRecord[] | null;
  readonly checklists: readonly Checklist[] | null;
  /** Entries with a checklist line open past its date, or null without checklists. */
  readonly overdueChecklistEntries: ReadonlySet<string> | null;
  readonly failures: readonly unknown[];
}

async function settle<T>(read: (() => Promise<T>) | null, failures: unknown[]): Promise<T | null> {
  if (!read) return null;
  try {
    return await read();
  } catch (error) {
    failures.push(error);
    return null;
  }
}

export async function loadPracticeRecords(client: GraphClient, ids: RecordListIds, today: LocalDate): Promise<LoadedRecords> {
  const at = (listId: string) => ({ siteId: ids.siteId, listId });
  const changeStore = ids.changes ? openChangeStore(client, at(ids.changes)) : null;
  const failures: unknown[] = [];
  const [changes, reviews, checklists] = await Promise.all([
    settle(changeStore ? async () => (await changeStore.list()).changes : null, failures),
    settle(ids.reviews ? async () => (await openAccessReviewStore(client, at(ids.reviews as string)).list()).map((stored) => stored.review) : null, failures),
    settle(ids.checklists ? async () => (await openChecklistStore(client, at(ids.checklists as string)).list()).checklists.map((stored) => stored.checklist) : null, failures),
  ]);
  return {
    changeStore,
    changes,
    accessReviews: reviews,
    checklists,
    overdueChecklistEntries: checklists ? entriesWithOverdueChecklists(checklists, today) : null,
    failures,
  };
}
