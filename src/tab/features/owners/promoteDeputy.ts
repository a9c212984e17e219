/**
 * The one-click fix for a service whose owner has left: the deputy becomes the owner and the
 * deputy field is cleared, written with `If-Match` so a change someone else made meanwhile is
 * never overwritten.
 */
import { promoteDeputy as promoted, type StoredEntry } from '@domain';
import type { RegisterStore } from '@graph';

/**
 * @throws RangeError when the entry has no deputy; ConflictError when it changed since it was read
 *   (nothing written); GraphError / NetworkError when the write fails.
 */
export async function promoteDeputyAndSave(store: RegisterStore, stored: StoredEntry): Promise<StoredEntry> {
  if (!stored.entry.deputy) throw new RangeError('This service has no deputy to promote.');
  return store.update(stored.id, stored.eTag, promoted(stored.entry));
}
