/**
 * The register of one practice: a summary, the table, and the entry form for adding, editing and
 * deleting services.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { StoredEntry } from '@domain';
import { useRegisterData } from '../../state/registerData';
import { registerSummary } from '../../state/registerRows';
import { ErrorState, LoadingState } from '../../components/StatusViews';
import { openView } from '../../components/download';
import { EntryDialog } from './EntryDialog';
import { EntryToaster } from './undo/EntryToaster';
import { RegisterFilterBar } from './RegisterFilterBar';
import { RegisterTable } from './RegisterTable';
import { ENTRY_PARAM, useRegisterFilters } from '../../state/registerFilters';
import { useAudit } from '../../state/auditData';
import { needsReview } from '@domain';
import { FlaggedChanges } from './review/FlaggedChanges';
import { entryIdFromSubEntity } from '../../state/deepLinkEntry';
import { LinkPcnServiceButton } from './shared/LinkPcnService';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  titles: { flexGrow: 1, display: 'flex', flexDirection: 'column' },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** The dialog stays mounted once used; `open` closes it (see EntryDialog). */
type Editing = { readonly key: number; readonly initial: StoredEntry | null; readonly open: boolean } | null;

export function RegisterPage() {
  const styles = useStyles();
  const { workspace, store, today, state, reload, upsert, remove } = useRegisterData();
  const { members } = workspace;
  const [editing, setEditing] = useState<Editing>(null);
  const { rows, sort, sortBy, clearFilters } = useRegisterFilters();
  const audit = useAudit();
  const pending = audit.records.filter(needsReview);

  const open = useCallback(
    (initial: StoredEntry | null) => setEditing((current) => ({ key: (current?.key ?? 0) + 1, initial, open: true })),
    [],
  );
  // A link from another view (the overview's gaps) may name an entry to open: open it once, then
  // drop it from the URL so a reload or Back does not open it again.
  const wantedEntryId = state.kind === 'ready' ? entryIdFromSubEntity(new URLSearchParams(window.location.search).get(ENTRY_PARAM)) : null;
  useEffect(() => {
    if (!wantedEntryId || state.kind !== 'ready') return;
    const url = new URL(window.location.href);
    url.searchParams.delete(ENTRY_PARAM);
    window.history.replaceState(null, '', url);
    const row = state.rows.find((candidate) => candidate.stored.id === wantedEntryId);
    if (row) open(row.stored);
  }, [wantedEntryId, state, open]);
  const close = useCallback(() => setEditing((current) => current && { ...current, open: false }), []);
  const saved = useCallback((entry: StoredEntry) => (upsert(entry), close()), [upsert, close]);
  const deleted = useCallback((id: string) => (remove(id), close()), [remove, close]);

  const addButton = (
    <Button appearance="primary" onClick={() => open(null)}>
      Add service
    </Button>
  );

  return (
    <main className={styles.page}>
      <div className={styles.bar}>
        <div className={styles.titles}>
          <Text as="h2" size={500} weight="semibold">
            Services
          </Text>
          {state.kind === 'ready' && state.rows.length > 0 ? <Text size={200}>{registerSummary(state.rows)}</Text> : null}
        </div>
        {state.kind === 'ready' ? <LinkPcnServiceButton /> : null}
        {state.kind === 'ready' ? addButton : null}
      </div>
      {state.kind === 'ready' ? (
        <FlaggedChanges
          records={pending}
          store={store}
          onUndone={(outcome) => {
            outcome.saved.forEach(upsert);
            outcome.removed.forEach(remove);
          }}
        />
      ) : null}
      {state.kind === 'loading' ? <LoadingState label="Loading the register…" /> : null}
      {state.kind === 'failed' ? <ErrorState title="Could not load the register" error={state.error} onRetry={reload} /> : null}
      {state.kind === 'ready' && state.rows.length === 0 ? (
        <div className={styles.empty}>
          <Text weight="semibold">The register is empty</Text>
          <Text>
            Add each digital service the practice relies on, starting with the clinical system, telephony and online
            consultation. Name a local owner for each, so reviews and reminders go to someone.
          </Text>
          <div className={styles.bar}>
            <Button onClick={() => openView('catalogue')}>Choose from the starter catalogue</Button>
            <Button onClick={() => openView('import')}>Import a spreadsheet</Button>
            {addButton}
          </div>
        </div>
      ) : null}
      {state.kind === 'ready' && state.rows.length > 0 ? <RegisterFilterBar /> : null}
      {state.kind === 'ready' && state.rows.length > 0 && rows.length === 0 ? (
        <div className={styles.empty}>
          <Text weight="semibold">No services match these filters</Text>
          <Text>Change the search or the filters above, or clear them to see every service.</Text>
          <Button onClick={clearFilters}>Show all services</Button>
        </div>
      ) : null}
      {state.kind === 'ready' && rows.length > 0 ? (
        <RegisterTable rows={rows} sort={sort} onSort={sortBy} onOpen={(row) => open(row.stored)} />
      ) : null}
      {editing ? (
        <EntryDialog
          open={editing.open}
          formKey={editing.key}
          store={store}
          today={today}
          members={members}
          initial={editing.initial}
          onClose={close}
          onSaved={saved}
          onSeen={upsert}
          onDeleted={deleted}
          onGone={remove}
          onOpenExisting={open}
        />
      ) : null}
      <EntryToaster />
    </main>
  );
}
