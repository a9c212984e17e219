/**
 * Toasts that confirm a change to the register and offer to undo it. Only the last change can be
 * undone: a new change dismisses the previous toast. An undo toast stays until it is used or
 * dismissed (no timer: WCAG 2.2.1), and pauses nothing else on the page.
 *
 * `EntryToaster` must be rendered once on any page whose features call `useEntryToasts`.
 */
import { useCallback, useState } from 'react';
import {
  Button,
  Spinner,
  Toast,
  ToastBody,
  ToastFooter,
  ToastTitle,
  Toaster,
  useToastController,
  type ToastIntent,
} from '@fluentui/react-components';
import type { RegisterStore } from '@graph';
import { useRegisterData } from '../../../state/registerData';
import { newEntryKey } from '../newEntryKey';
import { undoChange, type UndoResult, type UndoableChange } from './undoChange';

export const ENTRY_TOASTER_ID = 'register-entry-changes';

export function EntryToaster() {
  // Ctrl+M moves focus to the newest toast (Fluent's documented shortcut), so Undo is reachable
  // from anywhere; Escape leaves the toasts and returns focus.
  return (
    <Toaster
      toasterId={ENTRY_TOASTER_ID}
      position="bottom-end"
      pauseOnHover
      pauseOnWindowBlur
      shortcuts={{ focus: (event) => event.ctrlKey && !event.shiftKey && event.key.toLowerCase() === 'm' }}
    />
  );
}

interface UndoToastProps {
  readonly message: string;
  readonly detail?: string;
  readonly change: UndoableChange;
  readonly store: RegisterStore;
  readonly onDone: (result: UndoResult) => void;
  readonly onDismiss: () => void;
}

function UndoToast({ message, detail, change, store, onDone, onDismiss }: UndoToastProps) {
  const [busy, setBusy] = useState(false);
  // One key per toast: a second press, or a retried request, re-finds the entry instead of adding it twice.
  const [entryKey] = useState(newEntryKey);
  async function undo() {
    if (busy) return;
    setBusy(true);
    onDone(await undoChange(store, change, entryKey));
  }
  return (
    <Toast>
      <ToastTitle>{message}</ToastTitle>
      {detail ? <ToastBody>{detail}</ToastBody> : null}
      <ToastFooter>
        <Button size="small" appearance="primary" onClick={() => void undo()} disabled={busy}>
          {busy ? <Spinner size="extra-tiny" label="Undoing…" /> : 'Undo'}
        </Button>
        <Button size="small" onClick={onDismiss} disabled={busy}>
          Dismiss
        </Button>
      </ToastFooter>
    </Toast>
  );
}

let toastCount = 0;

/** Confirmations with Undo, and plain notices, for changes made anywhere in the register feature. */
export function useEntryToasts() {
  const { dispatchToast, dismissToast, dismissAllToasts } = useToastController(ENTRY_TOASTER_ID);
  const { store, upsert, remove } = useRegisterData();

  const notify = useCallback(
    (message: string, intent: ToastIntent = 'info') => {
      dispatchToast(
        <Toast>
          <ToastTitle>{message}</ToastTitle>
        </Toast>,
        { intent, timeout: intent === 'error' ? -1 : 8000 },
      );
    },
    [dispatchToast],
  );

  const applyUndo = useCallback(
    (result: UndoResult) => {
      if (result.kind === 'restored') upsert(result.stored);
      else if (result.kind === 'removed') remove(result.id);
      else if (result.current) upsert(result.current);
      notify(result.message, result.kind === 'failed' ? 'error' : 'success');
    },
    [upsert, remove, notify],
  );

  /** Shows `message` with Undo for `change`, replacing any earlier undo toast (only the last change is undoable). */
  const offerUndo = useCallback(
    (message: string, change: UndoableChange, detail?: string) => {
      dismissAllToasts();
      toastCount += 1;
      const toastId = `entry-undo-${toastCount}`;
      dispatchToast(
        <UndoToast
          message={message}
          detail={detail}
          change={change}
          store={store}
          onDismiss={() => dismissToast(toastId)}
          onDone={(result) => {
            dismissToast(toastId);
            applyUndo(result);
          }}
        />,
        { toastId, intent: 'success', timeout: -1 },
      );
    },
    [dispatchToast, dismissToast, dismissAllToasts, store, applyUndo],
  );

  return { offerUndo, notify };
}
