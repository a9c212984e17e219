/**
 * The register's entries, loaded once when the register opens, with the review status and risk
 * flags each row shows. Saves and deletes update the loaded rows in place, so every view reflects a
 * write without another round trip. One provider serves every view (register, my services,
 * overview...), so switching views never reloads.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { LocalDate, StoredEntry } from '@domain';
import { openRegisterStore, type TeamMember } from '@graph';
import type { RegisterStore } from '@graph';
import { useGraphClient } from './ApiContext';
import { useOwnerLeftReasons } from './ownerPresence';
import { PracticeRecordsProvider, usePracticeRecordsState } from './practiceRecords';
import { registerRowsOf, type RecordContextOf, type RegisterRow } from './registerRows';
import { useSyncedEntries } from './registerSync';
import { useSharedEntries } from './sharedServices';
import type { Workspace } from './workspace';

export type { RegisterRow } from './registerRows';

export type RegisterState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly rows: readonly RegisterRow[] };

export function useRegisterEntries(workspace: Workspace, members: readonly TeamMember[], today: LocalDate, recordContextOf?: RecordContextOf | null) {
  const client = useGraphClient();
  // Preloaded or cached entries at once, then the delta query (registerSync.ts).
  const { entries, setEntries, error, reload } = useSyncedEntries(client, workspace);

  const settings = useMemo(() => (workspace.settingsId ? { siteId: workspace.location.siteId, listId: workspace.settingsId } : undefined), [workspace.location.siteId, workspace.settingsId]);
  const ownerLeftReasons = useOwnerLeftReasons(client, error ? [] : entries, members, workspace.team.id, settings);
  // Linked PCN-shared rows read their PCN's entry (issue 18); read again on every reload.
  const [generation, setGeneration] = useState(0);
  const shared = useSharedEntries(client, entries, generation);
  const reloadAll = useCallback(() => (setGeneration((value) => value + 1), reload()), [reload]);

  const state: RegisterState = useMemo(() => {
    if (error) return { kind: 'failed', error };
    if (!entries) return { kind: 'loading' };
    return { kind: 'ready', rows: registerRowsOf(entries, today, ownerLeftReasons, recordContextOf, shared) };
  }, [entries, error, ownerLeftReasons, today, recordContextOf, shared]);

  /** Puts a saved entry into the table (adds it, or replaces the row with the same id). */
  const upsert = useCallback((saved: StoredEntry) => {
    setEntries((current) => (current ? [...current.filter((item) => item.id !== saved.id), saved] : [saved]));
  }, [setEntries]);
  const remove = useCallback((id: string) => {
    setEntries((current) => current?.filter((item) => item.id !== id) ?? null);
  }, [setEntries]);

  return { state, reload: reloadAll, upsert, remove };
}

export interface RegisterData {
  readonly workspace: Workspace;
  readonly store: RegisterStore;
  /** Today's Europe/London date, fixed when the register opened. */
  readonly today: LocalDate;
  readonly state: RegisterState;
  readonly reload: () => void;
  readonly upsert: (saved: StoredEntry) => void;
  readonly remove: (id: string) => void;
}

const RegisterDataContext = createContext<RegisterData | null>(null);

export function RegisterDataProvider(props: { workspace: Workspace; today: LocalDate; children: ReactNode }) {
  const client = useGraphClient();
  const { workspace, today } = props;
  const store = useMemo(() => openRegisterStore(client, workspace.location), [client, workspace.location]);
  // Change records and checklists arrive after the first paint and add their flags to the rows.
  const records = usePracticeRecordsState(workspace, today);
  const { state, reload, upsert, remove } = useRegisterEntries(workspace, workspace.members, today, records.riskContextOf);
  const value = useMemo(
    () => ({ workspace, store, today, state, reload, upsert, remove }),
    [workspace, store, today, state, reload, upsert, remove],
  );
  return (
    <RegisterDataContext.Provider value={value}>
      <PracticeRecordsProvider value={records}>{props.children}</PracticeRecordsProvider>
    </RegisterDataContext.Provider>
  );
}

/** @throws when used outside RegisterDataProvider (a wiring mistake, not a user error). */
export function useRegisterData(): RegisterData {
  const data = useContext(RegisterDataContext);
  if (!data) throw new Error('useRegisterData must be used inside RegisterDataProvider');
  return data;
}
