/**
 * The dialog that holds the entry form. It stays mounted and is closed through `open`, never by
 * unmounting it while open: Fluent's modal leaves `aria-hidden` on the page when an open Dialog is
 * unmounted (microsoft/fluentui#35139), which would hide the whole register from screen readers.
 */
import { Dialog, DialogSurface, makeStyles, tokens } from '@fluentui/react-components';
import { isLinked } from '@domain/sharedServices';
import { EntryForm, type EntryFormProps } from './EntryForm';
import { LinkedEntryForm } from './shared/LinkedEntryForm';
import { useFocusReturn } from '../../components/useFocusReturn';

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
        {/* A PCN-shared entry: the PCN's values read-only, only the local fields editable (issue 18). */}
        {formProps.initial && isLinked(formProps.initial.entry)
          ? <LinkedEntryForm key={formKey} {...formProps} initial={formProps.initial} />
          : <EntryForm key={formKey} {...formProps} />}
      </DialogSurface>
    </Dialog>
  );
}
