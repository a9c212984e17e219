/**
 * The dialog that holds the entry form. It stays mounted and is closed through `open`, never by
 * unmounting it while open: Fluent's modal leaves `aria-hidden` on the page when an open Dialog is
 * unmounted (microsoft/fluentui#35139), which would hide the whole register from screen readers.
 */
import { Dialog, DialogSurface, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import type { EntryFormProps } from './EntryForm';
import { useFocusReturn } from './useFocusReturn';

/**
 * The form (its editors, history, conflict and delete dialogs) is its own chunk, so the register
 * paints before it downloads; `preloadEntryForm` fetches it once the register has painted, so
 * opening an entry rarely waits. One promise, shared by the preload and the lazy component.
 */
let formModule: Promise<typeof import('./EntryForm')> | null = null;
export function preloadEntryForm(): Promise<typeof import('./EntryForm')> {
  formModule ??= import('./EntryForm');
  return formModule;
}
const EntryForm = lazy(() => preloadEntryForm().then((module) => ({ default: module.EntryForm })));

/** Once the form arrives, focus goes to its first control if the dialog could only focus itself. */
function FocusFirstControl(props: { readonly children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const surface = box.current?.closest('[role="dialog"]');
    const active = document.activeElement;
    if (!surface || (active && active !== surface && active !== document.body && surface.contains(active))) return;
    surface.querySelector<HTMLElement>('input, select, textarea, button, [tabindex]:not([tabindex="-1"])')?.focus();
  }, []);
  return <div ref={box}>{props.children}</div>;
}

const useStyles = makeStyles({
  surface: { maxWidth: '720px', width: 'calc(100vw - 16px)', '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM } },
});

export interface EntryDialogProps extends Omit<EntryFormProps, 'initial'> {
  readonly open: boolean;
  /** Changes for each opening, so every opening starts a fresh form (and a fresh entry key). */
  readonly formKey: number;
  readonly initial: EntryFormProps['initial'];
}

export function EntryDialog({ open, formKey, ...formProps }: EntryDialogProps) {
  const styles = useStyles();
  useFocusReturn(open);
  return (
    // A stray click on the backdrop must not throw away what the user typed; Escape and Cancel still close.
    <Dialog
      open={open}
      modalType="modal"
      onOpenChange={(_event, data) => (data.open || data.type === 'backdropClick' ? undefined : formProps.onClose())}
    >
      <DialogSurface className={styles.surface}>
        <Suspense fallback={<Spinner size="small" label="Opening the entry…" />}>
          <FocusFirstControl key={formKey}>
            <EntryForm key={formKey} {...formProps} />
          </FocusFirstControl>
        </Suspense>
      </DialogSurface>
    </Dialog>
  );
}
