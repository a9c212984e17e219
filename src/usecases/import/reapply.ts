/**
 * One change to a register entry, re-applied once on a conflict: `change` is run on the entry as
 * read; if someone saved it since (ConflictError with the current item), `change` runs again on
 * theirs, so their edit and the import's both stand. Nothing is written when the change alters
 * nothing, which is what makes an interrupted import safe to run again.
 */
import type { RegisterEntry, StoredEntry } from '@domain';
import { sameEntry } from '@domain/spreadsheet';
import { ConflictError, type RegisterStore } from '@graph';

export async function updateReapplyingOnce(store: RegisterStore, saved: StoredEntry, change: (entry: RegisterEntry) => RegisterEntry): Promise<StoredEntry> {
  const next = change(saved.entry);
  if (sameEntry(next, saved.entry)) return saved;
  try {
    return await store.update(saved.id, saved.eTag, next);
  } catch (error) {
    if (!(error instanceof ConflictError) || error.current === null) throw error;
    const now = error.current;
    const again = change(now.entry);
    return sameEntry(again, now.entry) ? now : store.update(now.id, now.eTag, again);
  }
}
