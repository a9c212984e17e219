/**
 * One entry (or a blank one for "Add service") as a form of every field, grouped as the guidance
 * groups them: the content of the entry dialog's surface. For a saved entry it also offers Mark
 * reviewed, History, Retire and Delete. Saving, conflicts and failures are handled by
 * `useEntryEditor`; every change is confirmed by a toast with Undo (`useEntryToasts`).
 */
import { Fragment, lazy, Suspense, useState, type FormEvent } from 'react';
import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { IN_USE_LIFECYCLES, hasErrors, personKey, titleKey, type LocalDate, type StoredEntry, ownersChanged } from '@domain';
import type { TeamMember, RegisterStore } from '@graph';
import { useRegisterData } from '../../state/registerData';
import { rememberOwnerChosenOutsideTeam } from '../../state/ownerPresence';
import { ConflictPanel } from './ConflictPanel';
import { EntryFieldControl } from './EntryFieldControl';
import { OWN_FIELD_GROUPS } from './entryFields';
import { useIncidentSlots } from '../../components/incidentSlots';
import { useEntrySections } from '../../components/entrySections';
import { useGoLiveGate } from './useGoLiveGate';
import { RetireEntryDialog } from './RetireEntryDialog';
import { FailureMessage } from '../../components/StatusViews';
import { describeSaveFailure } from './saveFailure';
import { deletedNotice, savedNotice } from './undo/changeMessages';
import { useEntryToasts } from './undo/EntryToaster';
import { useEntryEditor, type SaveAction, type SavedChange } from './useEntryEditor';
import { useAudit } from '../../state/auditData';

// History (versions and their differences) and Delete load when first asked for, so the register's first download stays small.
const HistoryDialog = lazy(() => import('./history/HistoryDialog').then((module) => ({ default: module.HistoryDialog })));
const DeleteEntryDialog = lazy(() => import('./DeleteEntryDialog').then((module) => ({ default: module.DeleteEntryDialog })));

const useStyles = makeStyles({
  // A column instead of DialogBody's grid, so the status messages sit between the scrolling form
  // and the buttons, where the user's eyes are after pressing Save.
  body: { display: 'flex', flexDirection: 'column' },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
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
  /** Opens another entry in place of this form (the duplicate warning's "Open …" button). */
  readonly onOpenExisting?: (existing: StoredEntry) => void;
}

type Confirming = 'delete' | 'retire' | 'history' | 'review' | null;

function busyLabel(saving: SaveAction | null, action: SaveAction, idle: string, busy: string) {
  return saving === action ? <Spinner size="extra-tiny" label={busy} /> : idle;
}

export function EntryForm(props: EntryFormProps) {
  const styles = useStyles();
  const { store, members, onClose } = props;
  const { workspace, state } = useRegisterData();
  const { offerUndo } = useEntryToasts();
  const audit = useAudit();
  const sections = useEntrySections();
  const editor = useEntryEditor({
    store,
    today: props.today,
    reviewerName: workspace.me.displayName,
    initial: props.initial,
    onSaved: (saved: StoredEntry, change: SavedChange) => {
      const notice = savedNotice(saved, change);
      offerUndo(notice.message, notice.change, notice.detail);
      // Owner and deputy changes (a new service's first owner too) go into the audit log with who made them.
      const before = change.previous?.entry ?? null;
      if (before ? ownersChanged(before, saved.entry) : saved.entry.owner !== null || saved.entry.deputy !== null) {
        void audit.record({
          kind: 'owner-change',
          entryId: saved.id,
          title: saved.entry.title,
          before: { owner: before?.owner ?? null, deputy: before?.deputy ?? null },
          after: { owner: saved.entry.owner, deputy: saved.entry.deputy },
        });
      }
      // An owner chosen from outside the team reads "not in the practice team", not "owner left".
      const owner = saved.entry.owner;
      if (owner && !members.some((member) => personKey(member.userId) === personKey(owner.entraId))) {
        rememberOwnerChosenOutsideTeam(workspace.team.id, owner.entraId);
      }
      // A move to Live is recorded as a go-live change, with the gate's outcome (features/change).
      const from = change.previous?.entry.lifecycle;
      if (from && from !== 'live' && saved.entry.lifecycle === 'live') void sections.recordGoLive?.(saved, from).catch(() => undefined);
      props.onSaved(saved);
    },
    onSeen: props.onSeen,
    onGone: props.onGone,
  });
  const [confirming, setConfirming] = useState<Confirming>(null);
  // The dialogs opened at least once: mounted from then on (unmounting an open Fluent dialog leaves aria-hidden behind, EntryDialog.tsx).
  const [asked, setAsked] = useState<ReadonlySet<Confirming>>(new Set());
  const ask = (what: Confirming) => (setAsked((before) => new Set(before).add(what)), setConfirming(what));
  const { EntryIncidentSection } = useIncidentSlots();
  const { ChangesSection, ReviewQuestions, NotesSection } = sections;
  const goLiveBlock = useGoLiveGate(sections, editor.base?.entry.lifecycle ?? null, editor.draft);
  const problems = Object.values(editor.errors).filter(Boolean).length;
  const { base, saving } = editor;
  const name = base?.entry.title || 'service';
  const heading = base ? `Edit ${name}` : 'Add a service';
  const failure = editor.failure ? describeSaveFailure(editor.failure) : null;
  const blocked = saving !== null || editor.conflict !== null;
  // The same name already in the register (ignoring case and spaces, as the import and the catalogue
  // do): warned, not refused, since two sites may really run two instances.
  const typedKey = titleKey(editor.draft.title);
  const duplicate = typedKey === '' || state.kind !== 'ready'
    ? undefined
    : state.rows.find((row) => row.stored.id !== base?.id && titleKey(row.stored.entry.title) === typedKey)?.stored;

  function submit(event: FormEvent) {
    event.preventDefault();
    void goLiveBlock.allows().then((allowed) => allowed && editor.save());
  }
  function review() {
    // The review's questions are about a service in use; reviewing any other is one click, as before.
    const asks = ReviewQuestions !== null && IN_USE_LIFECYCLES.includes(editor.draft.lifecycle);
    void goLiveBlock.allows().then((allowed) => allowed && (asks ? setConfirming('review') : editor.review()));
  }

  return (
    <>
      <form onSubmit={submit} noValidate aria-label={heading}>
        <DialogBody className={styles.body}>
          <DialogTitle>{heading}</DialogTitle>
          {base ? (
            <div className={styles.tools} role="group" aria-label="Actions for this service">
              <Button onClick={review} disabled={blocked}>
                {busyLabel(saving, 'review', 'Mark reviewed', 'Marking reviewed…')}
              </Button>
              <Button onClick={() => ask('history')}>History</Button>
              {base.entry.lifecycle !== 'retired' ? (
                <Button onClick={() => setConfirming('retire')} disabled={blocked}>
                  {busyLabel(saving, 'retire', 'Retire service', 'Retiring…')}
                </Button>
              ) : null}
              <Button onClick={() => ask('delete')} disabled={saving !== null}>
                Delete
              </Button>
            </div>
          ) : null}
          <DialogContent className={styles.form}>
            {OWN_FIELD_GROUPS.map((group) => (
              <fieldset key={group.title} className={styles.group}>
                <legend className={styles.groupTitle}>{group.title}</legend>
                {group.fields.map((field) => (
                  <Fragment key={field}>
                    <EntryFieldControl
                      field={field}
                      entry={editor.draft}
                      error={editor.errors[field]}
                      members={members}
                      onChange={editor.change}
                      entryId={base?.id ?? null}
                    />
                    {field === 'title' && duplicate ? (
                      <MessageBar intent="warning" role="status">
                        <MessageBarBody>
                          “{duplicate.entry.title}” is already in the register. Open that entry instead of adding it twice?
                        </MessageBarBody>
                        {props.onOpenExisting ? (
                          <MessageBarActions>
                            <Button onClick={() => props.onOpenExisting?.(duplicate)}>Open {duplicate.entry.title}</Button>
                          </MessageBarActions>
                        ) : null}
                      </MessageBar>
                    ) : null}
                  </Fragment>
                ))}
              </fieldset>
            ))}
            {base && EntryIncidentSection ? <EntryIncidentSection entryId={base.id} /> : null}
            {base && ChangesSection ? <ChangesSection stored={base} /> : null}
            {base && NotesSection ? <NotesSection stored={base} /> : null}
          </DialogContent>
          <div className={styles.status} aria-live="polite">
            {goLiveBlock.text ? (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{goLiveBlock.text}</MessageBarBody>
              </MessageBar>
            ) : null}
            {hasErrors(editor.errors) ? (
              <MessageBar intent="error">
                <MessageBarBody>
                  {problems === 1 ? 'There is 1 problem' : `There are ${problems} problems`} to fix before this can be
                  saved. Nothing has been saved yet.
                </MessageBarBody>
              </MessageBar>
            ) : null}
            {editor.waitText ? (
              <MessageBar intent="info">
                <MessageBarBody>{editor.waitText}</MessageBarBody>
              </MessageBar>
            ) : null}
            {failure ? (
              <FailureMessage title={failure.title} message={failure.message} onRetry={editor.retry} retryDisabled={saving !== null} />
            ) : null}
            {editor.conflict ? (
              <ConflictPanel
                conflict={editor.conflict}
                yours={editor.draft}
                busy={saving !== null}
                onKeepMine={editor.keepMine}
                onUseTheirs={editor.acceptTheirs}
                onSaveChoices={editor.saveChoices}
              />
            ) : null}
          </div>
          <DialogActions className={styles.actions}>
            <Button appearance="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button appearance="primary" type="submit" disabled={blocked}>
              {busyLabel(saving, 'save', 'Save', 'Saving…')}
            </Button>
          </DialogActions>
        </DialogBody>
      </form>
      {base ? (
        <>
          {asked.has('delete') ? (
            <Suspense fallback={null}>
              <DeleteEntryDialog
                open={confirming === 'delete'}
                stored={base}
                store={store}
                onCancel={() => setConfirming(null)}
                onDeleted={(id, byMe) => {
                  setConfirming(null);
                  if (byMe) {
                    const notice = deletedNotice(base);
                    offerUndo(notice.message, notice.change);
                    void audit.record({ kind: 'delete', entryId: base.id, title: base.entry.title, deleted: base.entry });
                  }
                  props.onDeleted(id);
                }}
              />
            </Suspense>
          ) : null}
          <RetireEntryDialog
            open={confirming === 'retire'}
            name={name}
            onCancel={() => setConfirming(null)}
            onConfirm={() => {
              setConfirming(null);
              editor.retire();
            }}
          />
          {asked.has('history') ? (
            <Suspense fallback={null}>
              <HistoryDialog open={confirming === 'history'} stored={base} store={store} onClose={() => setConfirming(null)} />
            </Suspense>
          ) : null}
          {ReviewQuestions ? (
            <ReviewQuestions open={confirming === 'review'} stored={base} draft={editor.draft} onCancel={() => setConfirming(null)}
              onConfirm={(patch) => {
                setConfirming(null);
                editor.review(patch);
              }} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
