/**
 * "Mark reviewed" in one click from anywhere in the register feature (a table row, My services):
 * records today's review by the signed-in person, saves with If-Match and confirms with the new
 * next review date and Undo.
 *
 * A review is a transition, not an edit of fields: when the entry changed since it was read, the
 * review is applied to the newer version and saved over that (once), so nobody's change is lost and
 * the user is not asked to resolve a conflict that is not one.
 *
 * Usage (the views own the table): `const { markReviewed, isPending } = useMarkReviewed();`
 * then `onMarkReviewed={(row) => void markReviewed(row.stored)}`. Needs `EntryToaster` on the page.
 */
import { useCallback, useState } from 'react';
import { markReviewed as reviewed, type StoredEntry } from '@domain';
import { ConflictError } from '@graph';
import { useRegisterData } from '../../state/registerData';
import { describeSaveFailure } from './saveFailure';
import { savedNotice } from './undo/changeMessages';
import { useEntryToasts } from './undo/EntryToaster';

export function useMarkReviewed() {
  const { store, workspace, today, upsert, remove } = useRegisterData();
  const { offerUndo, notify } = useEntryToasts();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const reviewer = workspace.me.displayName;

  const setBusy = useCallback((id: string, busy: boolean) => {
    setPending((current) => {
      const next = new Set(current);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  /** Never throws: failures are told in a toast; the entry is then unchanged. */
  const markReviewed = useCallback(
    async (stored: StoredEntry): Promise<StoredEntry | null> => {
      const name = stored.entry.title || 'the service';
      setBusy(stored.id, true);
      let previous = stored;
      try {
        let saved: StoredEntry;
        try {
          saved = await store.update(stored.id, stored.eTag, reviewed(stored.entry, reviewer, today));
        } catch (error) {
          if (!(error instanceof ConflictError) || error.current === null) throw error;
          previous = error.current;
          saved = await store.update(previous.id, previous.eTag, reviewed(previous.entry, reviewer, today));
        }
        upsert(saved);
        const notice = savedNotice(saved, { previous, action: 'review' });
        offerUndo(notice.message, notice.change, notice.detail);
        return saved;
      } catch (error) {
        if (error instanceof ConflictError && error.current === null) {
          remove(stored.id);
          notify(`${name} was deleted by someone else, so it was not marked reviewed.`, 'error');
        } else if (error instanceof ConflictError) {
          if (error.current) upsert(error.current);
          notify(`${name} is being changed by someone else right now. Try again in a moment.`, 'error');
        } else {
          const { title, message } = describeSaveFailure(error, `${name} was not marked reviewed.`);
          notify(`${title} ${message}`, 'error');
        }
        return null;
      } finally {
        setBusy(stored.id, false);
      }
    },
    [store, reviewer, today, upsert, remove, offerUndo, notify, setBusy],
  );

  const isPending = useCallback((id: string) => pending.has(id), [pending]);
  return { markReviewed, isPending };
}
