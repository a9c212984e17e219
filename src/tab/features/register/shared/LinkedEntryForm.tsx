/**
 * A PCN-shared entry (issue 18) in the entry dialog: the PCN's values read-only (its owner, support,
 * DPIA, downtime process and review: the PCN keeps and reviews them in its own register), and the
 * practice's own local fields, which are all this form saves. There is no Mark reviewed: the PCN
 * reviews the service. Delete removes the link from this register only; the PCN's entry stays.
 */
import { useState, type FormEvent } from 'react';
import {
  Button, DialogActions, DialogBody, DialogContent, DialogTitle, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { REVIEW_STATUSES, dueStatus, hasErrors, labelOf, validateEntry, type LocalDate, type StoredEntry } from '@domain';
import { SHARED_UNAVAILABLE_TEXT } from '@domain/sharedServices';
import { ConflictError, type RegisterStore, type TeamMember } from '@graph';
import { FailureMessage } from '../../../components/StatusViews';
import { useRegisterData, type RegisterRow } from '../../../state/registerData';
import { DeleteEntryDialog } from '../DeleteEntryDialog';
import { EntryFieldControl } from '../EntryFieldControl';
import { displayValue, FORM_LABELS, type EntryField } from '../entryFields';
import { describeSaveFailure } from '../saveFailure';
import { LOCAL_FIELD_KEYS, saveLocalFields, type LocalFields } from './saveLocalFields';

/** What the PCN keeps for the service, shown read-only. */
export const PCN_FIELDS: readonly EntryField[] = [
  'owner', 'deputy', 'supplier', 'supportPhone', 'supportEmail', 'supportHours', 'supportReference', 'dpiaStatus', 'dpiaDate',
  'downtimeNotice', 'downtimeWorkaround', 'downtimePatients', 'downtimeBackfill', 'lifecycle', 'criticality', 'lastReviewedOn', 'lastReviewedBy', 'nextReviewDue',
];

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  fields: { display: 'grid', gridTemplateColumns: 'minmax(8rem, max-content) 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, border: 'none', margin: 0, padding: 0 },
  legend: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  actions: { display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end' },
});

export interface LinkedEntryFormProps {
  readonly store: RegisterStore;
  readonly today: LocalDate;
  readonly members: readonly TeamMember[];
  /** The linked entry as the row shows it: the PCN's values, the practice's item and local fields. */
  readonly initial: StoredEntry;
  readonly onClose: () => void;
  readonly onSaved: (saved: StoredEntry) => void;
  readonly onDeleted: (id: string) => void;
}

/** The form, with the link's state read from the register's rows (whether the PCN's entry could be read). */
export function LinkedEntryForm(props: LinkedEntryFormProps) {
  const { state } = useRegisterData();
  const link = state.kind === 'ready' ? state.rows.find((row) => row.stored.id === props.initial.id)?.shared : undefined;
  return <LinkedEntryFormView {...props} shared={link} />;
}

export function LinkedEntryFormView({ store, today, members, initial, onClose, onSaved, onDeleted, shared: link }: LinkedEntryFormProps & { readonly shared: RegisterRow['shared'] }) {
  const styles = useStyles();
  const [local, setLocal] = useState<LocalFields>(() => ({ localContact: initial.entry.localContact, localAccessProcess: initial.entry.localAccessProcess, localNotes: initial.entry.localNotes }));
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [deleting, setDeleting] = useState(false);
  const draft = { ...initial.entry, ...local };
  const errors = Object.fromEntries(Object.entries(validateEntry(draft, today)).filter(([field]) => (LOCAL_FIELD_KEYS as readonly string[]).includes(field)));
  const name = initial.entry.title || 'service';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving || hasErrors(errors)) return;
    setSaving(true);
    setFailure(null);
    try {
      onSaved(await saveLocalFields(store, initial.id, initial.eTag, local));
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const failureText = failure instanceof ConflictError
    ? { title: 'Not saved: someone else changed this entry after you opened it.', message: 'Your local notes are still here. Copy them, close this and open the entry again.' }
    : failure ? describeSaveFailure(failure) : null;
  return (
    <>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={`Edit ${name}`}>
        <DialogBody className={styles.body}>
          <DialogTitle>{name}: PCN-shared service</DialogTitle>
          <DialogContent className={styles.form}>
            {link === 'unavailable' ? (
              <MessageBar intent="warning"><MessageBarBody>{SHARED_UNAVAILABLE_TEXT}: these are the values copied when it was linked.</MessageBarBody></MessageBar>
            ) : null}
            <Text>
              The PCN keeps this service once, in its own register, and reviews it. Its owner, support, DPIA and downtime
              process are the PCN&apos;s and read-only here. Reviewed by the PCN.
            </Text>
            <section aria-label="Kept by the PCN">
              <Text as="h3" weight="semibold">Kept by the PCN</Text>
              <dl className={styles.fields}>
                {PCN_FIELDS.map((field) => (
                  <div key={field} style={{ display: 'contents' }}>
                    <dt className={styles.term}>{FORM_LABELS[field]}</dt>
                    <dd className={styles.value}>{displayValue(initial.entry, field)}</dd>
                  </div>
                ))}
                <dt className={styles.term}>Review</dt>
                <dd className={styles.value}>{labelOf(REVIEW_STATUSES, dueStatus(initial.entry, today))}</dd>
              </dl>
            </section>
            <fieldset className={styles.group}>
              <legend className={styles.legend}>This practice</legend>
              {LOCAL_FIELD_KEYS.map((field) => (
                <EntryFieldControl key={field} field={field} entry={draft} error={errors[field]} members={members}
                  onChange={(patch) => setLocal((current) => ({ ...current, ...(patch as Partial<LocalFields>) }))} />
              ))}
            </fieldset>
          </DialogContent>
          <div aria-live="polite">
            {failureText ? <FailureMessage title={failureText.title} message={failureText.message} /> : null}
          </div>
          <DialogActions className={styles.actions}>
            <Button onClick={() => setDeleting(true)} disabled={saving}>Remove from this register</Button>
            <Button appearance="secondary" onClick={onClose}>Cancel</Button>
            <Button appearance="primary" type="submit" disabled={saving}>
              {saving ? <Spinner size="extra-tiny" label="Saving…" /> : 'Save'}
            </Button>
          </DialogActions>
        </DialogBody>
      </form>
      <DeleteEntryDialog open={deleting} stored={initial} store={store} onCancel={() => setDeleting(false)}
        onDeleted={(id) => (setDeleting(false), onDeleted(id))} />
    </>
  );
}
