/**
 * The practice's records beside the register (change records, access reviews, checklists), loaded
 * once after the register has painted (their loader is its own chunk) and shared with every view:
 * the register's rows take their risk context from them ('live-without-go-live-record',
 * 'change-untested', 'access-checklist-overdue'), the Overview answers questions 7 and 9 from them,
 * and the entry dialog's Changes section reads and writes change records through them.
 * Until they arrive, or when a list is missing, nothing is claimed: no flag is raised on what is not known.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ACCESS_REVIEWS_LIST_NAME, CHECKLISTS_LIST_NAME } from '@domain/access';
import { CHANGES_LIST_NAME, recordRiskContexts, type RecordRiskContext } from '@domain/change';
import type { ChangeRecord, StoredChange } from '@domain/change';
import type { LocalDate } from '@domain';
import type { ChangeStore } from '@graph/change';
import { useGraphClient } from './ApiContext';
import { usePracticeList } from './practiceLists';
import type { LoadedRecords } from './practiceRecordsLoad';
import type { Workspace } from './workspace';

export interface PracticeRecords {
  /** 'waiting' until the lists are known and read; 'missing' when the site has no changes list yet. */
  readonly changesList: 'waiting' | 'ready' | 'missing' | 'failed';
  readonly records: LoadedRecords | null;
  /** Each entry's record-based risk context, once any records are loaded. */
  readonly riskContextOf: ((entryId: string) => RecordRiskContext) | null;
  /** Creates a change record (idempotent by key) and puts it among the loaded ones. @throws when the list is missing. */
  readonly recordChange: (record: ChangeRecord) => Promise<StoredChange>;
  /** Changes a stored record with If-Match (re-applied after a conflict) and puts the result among the loaded ones. */
  readonly updateChange: (stored: StoredChange, apply: (record: ChangeRecord) => ChangeRecord) => Promise<StoredChange>;
  readonly reload: () => void;
}

const NONE: PracticeRecords = {
  changesList: 'waiting',
  records: null,
  riskContextOf: null,
  recordChange: () => Promise.reject(new Error('Change records are not available here.')),
  updateChange: () => Promise.reject(new Error('Change records are not available here.')),
  reload: () => undefined,
};

const Context = createContext<PracticeRecords>(NONE);

export function PracticeRecordsProvider(props: { value: PracticeRecords; children: ReactNode }) {
  return <Context.Provider value={props.value}>{props.children}</Context.Provider>;
}

export function usePracticeRecords(): PracticeRecords {
  return useContext(Context);
}

function idOf(list: ReturnType<typeof usePracticeList>): string | null | undefined {
  return list.status === 'ready' ? list.id : list.status === 'missing' ? null : undefined;
}

/** Loads the records once the practice's lists are known (RegisterDataProvider calls it). */
export function usePracticeRecordsState(workspace: Workspace, today: LocalDate): PracticeRecords {
  const client = useGraphClient();
  const siteId = workspace.location.siteId;
  const changesId = idOf(usePracticeList(CHANGES_LIST_NAME));
  const checklistsId = idOf(usePracticeList(CHECKLISTS_LIST_NAME));
  const reviewsId = idOf(usePracticeList(ACCESS_REVIEWS_LIST_NAME));
  const known = changesId !== undefined && checklistsId !== undefined && reviewsId !== undefined;
  const [records, setRecords] = useState<LoadedRecords | null>(null);
  const [attempt, setAttempt] = useState(0);
  const store = useRef<ChangeStore | null>(null);

  useEffect(() => {
    if (!known) return;
    let live = true;
    const ids = { siteId, changes: changesId ?? null, checklists: checklistsId ?? null, reviews: reviewsId ?? null };
    void import('./practiceRecordsLoad')
      .then((module) => module.loadPracticeRecords(client, ids, today))
      .then((loaded) => {
        if (!live) return;
        store.current = loaded.changeStore;
        setRecords(loaded);
      }, () => undefined);
    return () => {
      live = false;
    };
  }, [known, client, siteId, changesId, checklistsId, reviewsId, today, attempt]);

  const put = useCallback((saved: StoredChange) => {
    setRecords((current) => (current ? { ...current, changes: [...(current.changes ?? []).filter((item) => item.id !== saved.id), saved] } : current));
  }, []);

  // A write before the records have loaded opens the store itself (the list's id is already known).
  const changeStore = useCallback(async (): Promise<ChangeStore> => {
    if (store.current) return store.current;
    if (!changesId) throw new Error('The changes list is not set up in this team yet.');
    const { openChangeStore } = await import('@graph/change');
    store.current = openChangeStore(client, { siteId, listId: changesId });
    return store.current;
  }, [client, siteId, changesId]);

  const recordChange = useCallback(async (record: ChangeRecord) => {
    const saved = await (await changeStore()).create(record);
    put(saved);
    return saved;
  }, [changeStore, put]);

  const updateChange = useCallback(async (stored: StoredChange, apply: (record: ChangeRecord) => ChangeRecord) => {
    const saved = await (await changeStore()).update(stored.id, apply, stored);
    put(saved);
    return saved;
  }, [changeStore, put]);

  const riskContextOf = useMemo(() => {
    if (!records) return null;
    const changes = records.changes?.map((stored) => stored.change);
    return recordRiskContexts({ changes, overdueChecklistEntries: records.overdueChecklistEntries ?? undefined });
  }, [records]);

  const changesList = changesId === null ? 'missing' : !records ? 'waiting' : records.changes ? 'ready' : 'failed';
  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return useMemo(
    () => ({ changesList, records, riskContextOf, recordChange, updateChange, reload }),
    [changesList, records, riskContextOf, recordChange, updateChange, reload],
  );
}
