/**
 * Undoing the last change to the register, as Teams' guidelines ask for destructive or bulk actions.
 *
 * - An edit (save, mark reviewed, retire) is undone by writing the previous version's fields back
 *   with the saved version's eTag: if someone has changed the entry since, nothing is overwritten.
 * - An add is undone by deleting what was added (again with its eTag).
 * - A delete is undone by creating the entry again with the same fields. SharePoint cannot restore
 *   the item itself through Graph, so it gets a new id; its `entryKey` is fixed per undo, so pressing
 *   Undo twice (or a retried request) cannot create it twice.
 */
import type { StoredEntry } from '@domain';
import { ConflictError } from '@graph';
import type { RegisterStore } from '@graph';
import { describeError } from '../../../state/describeError';

export type UndoableChange =
  | { readonly kind: 'created'; readonly saved: StoredEntry }
  | { readonly kind: 'updated'; readonly saved: StoredEntry; readonly previous: StoredEntry }
  | { readonly kind: 'deleted'; readonly deleted: StoredEntry };

export type UndoResult =
  | { readonly kind: 'restored'; readonly stored: StoredEntry; readonly message: string }
  | { readonly kind: 'removed'; readonly id: string; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string; readonly current?: StoredEntry | null };

function nameOf(stored: StoredEntry): string {
  return stored.entry.title || 'the service';
}

/** Never throws: a failure comes back as `{ kind: 'failed' }` in words for the user. */
export async function undoChange(store: RegisterStore, change: UndoableChange, entryKey: string): Promise<UndoResult> {
  try {
    if (change.kind === 'updated') {
      const stored = await store.update(change.saved.id, change.saved.eTag, change.previous.entry);
      return { kind: 'restored', stored, message: `Undone: ${nameOf(stored)} is back as it was before your change.` };
    }
    if (change.kind === 'created') {
      await store.delete(change.saved.id, change.saved.eTag);
      return { kind: 'removed', id: change.saved.id, message: `Undone: ${nameOf(change.saved)} has been removed again.` };
    }
    const stored = await store.create(change.deleted.entry, entryKey);
    return { kind: 'restored', stored, message: `Undone: ${nameOf(stored)} is back in the register.` };
  } catch (error) {
    const stored = change.kind === 'deleted' ? change.deleted : change.saved;
    if (error instanceof ConflictError) {
      if (error.current === null && change.kind === 'created') {
        return { kind: 'removed', id: stored.id, message: `${nameOf(stored)} had already been removed.` };
      }
      const message = error.current
        ? `Could not undo: someone changed ${nameOf(stored)} after you. Nothing was overwritten; open it to see their version.`
        : `Could not undo: someone deleted ${nameOf(stored)} after you.`;
      return { kind: 'failed', message, current: error.current };
    }
    return { kind: 'failed', message: `Could not undo. ${describeError(error).message}` };
  }
}
