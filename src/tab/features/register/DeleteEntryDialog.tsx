/**
 * Confirms a delete, naming the service. Deletes with the eTag the entry was read with, so a
 * service someone else has just changed is not deleted unseen.
 */
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import type { StoredEntry } from '../../../domain';
import { ConflictError } from '../../../graph';
import type { RegisterStore } from '../../../graph/types';
import { ErrorState } from '../../components/StatusViews';

export interface DeleteEntryDialogProps {
  /** Kept mounted and closed through `open` (see EntryDialog for why). */
  readonly open: boolean;
  readonly stored: StoredEntry;
  readonly store: RegisterStore;
  readonly onDeleted: (id: string) => void;
  readonly onCancel: () => void;
}

export function DeleteEntryDialog({ open, stored, store, onDeleted, onCancel }: DeleteEntryDialogProps) {
  const [deleting, setDeleting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [changedMeanwhile, setChangedMeanwhile] = useState(false);
  const name = stored.entry.title || 'this service';

  async function confirm() {
    setDeleting(true);
    setFailure(null);
    try {
      await store.delete(stored.id, stored.eTag);
      onDeleted(stored.id);
    } catch (error) {
      if (error instanceof ConflictError && error.current === null) return onDeleted(stored.id);
      if (error instanceof ConflictError) setChangedMeanwhile(true);
      else setFailure(error);
      setDeleting(false);
    }
  }

  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_event, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete {name}?</DialogTitle>
          <DialogContent>
            <Text block>
              {name} will be removed from the register for everyone in the practice.
            </Text>
            {changedMeanwhile ? (
              <Text block role="alert">
                Someone else changed {name} after you opened it, so it was not deleted. Close this, look at their changes,
                and delete again if you still want to.
              </Text>
            ) : null}
            {failure ? <ErrorState title="The service was not deleted" error={failure} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={() => void confirm()} disabled={deleting || changedMeanwhile}>
              {deleting ? 'Deleting…' : `Delete ${name}`}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
