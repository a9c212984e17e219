/**
 * One entry (or a blank one for "Add service") as a form of every field, grouped as the guidance
 * groups them: the content of the entry dialog's surface. Saving, conflicts and failures are
 * handled by `useEntryEditor`.
 */
import { useState, type FormEvent } from 'react';
import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { hasErrors, type LocalDate, type StoredEntry } from '../../../domain';
import type { TeamMember } from '../../../graph';
import type { RegisterStore } from '../../../graph/types';
import { ErrorState } from '../../components/StatusViews';
import { ConflictPanel } from './ConflictPanel';
import { DeleteEntryDialog } from './DeleteEntryDialog';
import { EntryFieldControl } from './EntryFieldControl';
import { FIELD_GROUPS } from './entryFields';
import { useEntryEditor } from './useEntryEditor';

const useStyles = makeStyles({
  // A column instead of DialogBody's grid, so the status messages sit between the scrolling form
  // and the buttons, where the user's eyes are after pressing Save.
  body: { display: 'flex', flexDirection: 'column' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, flexGrow: 1, minHeight: '120px' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, border: 'none', margin: 0, padding: 0 },
  groupTitle: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
  },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end' },
  deleteButton: { marginRight: 'auto' },
});

export interface EntryFormProps {
  readonly store: RegisterStore;
  readonly today: LocalDate;
  readonly members: readonly TeamMember[];
  /** The entry to edit, or null to add a service. */
  readonly initial: StoredEntry | null;
  /** Cancel: the dialog closes without saving. */
  readonly onClose: () => void;
  readonly onSaved: (saved: StoredEntry) => void;
  readonly onSeen: (current: StoredEntry) => void;
  readonly onDeleted: (id: string) => void;
  /** The entry turned out to have been deleted by someone else; the form stays open. */
  readonly onGone: (id: string) => void;
}

export function EntryForm(props: EntryFormProps) {
  const styles = useStyles();
  const { store, members, onClose, onDeleted } = props;
  const editor = useEntryEditor({
    store,
    today: props.today,
    initial: props.initial,
    onSaved: props.onSaved,
    onSeen: props.onSeen,
    onGone: props.onGone,
  });
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const problems = Object.values(editor.errors).filter(Boolean).length;
  const heading = editor.base ? `Edit ${editor.base.entry.title || 'service'}` : 'Add a service';

  function submit(event: FormEvent) {
    event.preventDefault();
    editor.save();
  }

  return (
    <>
      <form onSubmit={submit} noValidate aria-label={heading}>
        <DialogBody className={styles.body}>
          <DialogTitle>{heading}</DialogTitle>
          <DialogContent className={styles.form}>
            {FIELD_GROUPS.map((group) => (
              <fieldset key={group.title} className={styles.group}>
                <legend className={styles.groupTitle}>{group.title}</legend>
                {group.fields.map((field) => (
                  <EntryFieldControl
                    key={field}
                    field={field}
                    entry={editor.draft}
                    error={editor.errors[field]}
                    members={members}
                    onChange={editor.change}
                  />
                ))}
              </fieldset>
            ))}
          </DialogContent>
          <div className={styles.status} aria-live="polite">
            {hasErrors(editor.errors) ? (
              <MessageBar intent="error">
                <MessageBarBody>
                  {problems === 1 ? 'There is 1 problem' : `There are ${problems} problems`} to fix before this can be
                  saved. Nothing has been saved yet.
                </MessageBarBody>
              </MessageBar>
            ) : null}
            {editor.failure ? (
              <ErrorState title="Your changes were not saved" error={editor.failure} onRetry={editor.retry} />
            ) : null}
            {editor.conflict ? (
              <ConflictPanel
                conflict={editor.conflict}
                yours={editor.draft}
                busy={editor.saving}
                onKeepMine={editor.keepMine}
                onUseTheirs={editor.acceptTheirs}
              />
            ) : null}
          </div>
          <DialogActions className={styles.actions}>
            {editor.base ? (
              <Button className={styles.deleteButton} onClick={() => setConfirmingDelete(true)} disabled={editor.saving}>
                Delete
              </Button>
            ) : null}
            <Button appearance="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button appearance="primary" type="submit" disabled={editor.saving || editor.conflict !== null}>
              {editor.saving ? 'Saving…' : 'Save'}
            </Button>
          </DialogActions>
        </DialogBody>
      </form>
      {editor.base ? (
        <DeleteEntryDialog
          open={confirmingDelete}
          stored={editor.base}
          store={store}
          onCancel={() => setConfirmingDelete(false)}
          onDeleted={(id) => {
            setConfirmingDelete(false);
            onDeleted(id);
          }}
        />
      ) : null}
    </>
  );
}
