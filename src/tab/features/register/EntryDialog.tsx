/**
 * The dialog that holds the entry form. It stays mounted and is closed through `open`, never by
 * unmounting it while open: Fluent's modal leaves `aria-hidden` on the page when an open Dialog is
 * unmounted (microsoft/fluentui#35139), which would hide the whole register from screen readers.
 */
import { lazy, Suspense, useRef } from 'react';
import { Dialog, DialogSurface, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { isLinked } from '@domain/sharedServices';
import { EntryForm, type EntryFormProps } from './EntryForm';
import { useFocusReturn } from '../../components/useFocusReturn';
import { useSurfaceVisible } from './surfaceVisible';

// A PCN-shared entry's form loads only when one is opened, so the register's first download does not grow.
const LinkedEntryForm = lazy(() => import('./shared/LinkedEntryForm').then((module) => ({ default: module.LinkedEntryForm })));

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
  const surface = useRef<HTMLDivElement>(null);
  useSurfaceVisible(surface, open);
  return (
    // A stray click on the backdrop must not throw away what the user typed; Escape and Cancel still close.
    <Dialog
      open={open}
      modalType="modal"
      onOpenChange={(_event, data) => (data.open || data.type === 'backdropClick' ? undefined : formProps.onClose())}
    >
      <DialogSurface className={styles.surface} ref={surface}>
        {/* A PCN-shared entry: the PCN's values read-only, only the local fields editable (issue 18). */}
        {formProps.initial && isLinked(formProps.initial.entry)
          ? (
            <Suspense fallback={<Spinner label="Opening the PCN-shared service…" />}>
              <LinkedEntryForm key={formKey} {...formProps} initial={formProps.initial} />
            </Suspense>
          )
          : <EntryForm key={formKey} {...formProps} />}
      </DialogSurface>
    </Dialog>
  );
}
