/**
 * Confirms a delete, naming the service. Deletes with the eTag the entry was read with, so a
 * service someone else has just changed is not deleted unseen. A failure says so in plain words and
 * offers Retry (the same If-Match delete, so a retry cannot remove someone else's newer version).
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
  Spinner,
  Text,
} from '@fluentui/react-components';
import type { StoredEntry } from '@domain';
import { ConflictError } from '@graph';
import type { RegisterStore } from '@graph';
import { FailureMessage } from '../../components/StatusViews';
import { describeSaveFailure } from './saveFailure';
import { useFocusReturn } from '../../components/useFocusReturn';

export interface DeleteEntryDialogProps {
  /** Kept mounted and closed through `open` (see EntryDialog for why). */
  readonly open: boolean;
  readonly stored: StoredEntry;
  readonly store: RegisterStore;
  /** `byMe` is false when someone else had already deleted it (there is then nothing to undo). */
  readonly onDeleted: (id: string, byMe: boolean) => void;
  readonly onCancel: () => void;
}

export function DeleteEntryDialog({ open, stored, store, onDeleted, onCancel }: DeleteEntryDialogProps) {
  // Back to the button that opened it (History, Retire, Delete) when it closes, by Escape or a button.
  useFocusReturn(open);
  const [deleting, setDeleting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [changedMeanwhile, setChangedMeanwhile] = useState(false);
  const name = stored.entry.title || 'this service';

  async function confirm() {
    if (deleting) return;
    setDeleting(true);
    setFailure(null);
    try {
      await store.delete(stored.id, stored.eTag);
      onDeleted(stored.id, true);
    } catch (error) {
      if (error instanceof ConflictError && error.current === null) return onDeleted(stored.id, false);
      if (error instanceof ConflictError) setChangedMeanwhile(true);
      else setFailure(error);
    } finally {
      setDeleting(false);
    }
  }

  const failureText = failure ? describeSaveFailure(failure, `${name} has not been deleted.`) : null;
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_event, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete {name}?</DialogTitle>
          <DialogContent>
            <Text block>
              {name} will be removed from the register for everyone in the practice. You can undo this straight
              afterwards. To keep it as a record of a service no longer used, retire it instead.
            </Text>
            {changedMeanwhile ? (
              <Text block role="alert">
                Someone else changed {name} after you opened it, so it was not deleted. Close this, look at their changes,
                and delete again if you still want to.
              </Text>
            ) : null}
            {failureText ? (
              <FailureMessage
                title={failureText.title}
                message={failureText.message}
                onRetry={() => void confirm()}
                retryDisabled={deleting}
              />
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={() => void confirm()} disabled={deleting || changedMeanwhile}>
              {deleting ? <Spinner size="extra-tiny" label="Deleting…" /> : `Delete ${name}`}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
