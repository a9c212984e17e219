/**
 * The register's entries as the tab holds them: from the start-up batch or the warm cache at once,
 * then kept current with the list's delta query, and saved back to the warm cache (per user) after
 * every change. A 410 from the delta query (link too old) means one full reload.
 */
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { StoredEntry } from '@domain';
import { applyRegisterDelta, isResyncRequired, loadRegisterSnapshot, readRegisterDelta, type GraphClient } from '@graph';
import { writeWarm } from './warmCache';
import type { Workspace } from './workspace';

export interface SyncedEntries {
  readonly entries: StoredEntry[] | null;
  readonly setEntries: Dispatch<SetStateAction<StoredEntry[] | null>>;
  readonly error: unknown;
  /** Loads every entry again (with a new delta link). */
  readonly reload: () => void;
}

export function useSyncedEntries(client: GraphClient, workspace: Workspace): SyncedEntries {
  const { initial, cacheKey, location } = workspace;
  const [entries, setEntries] = useState<StoredEntry[] | null>(() => (initial ? [...initial.entries] : null));
  const [error, setError] = useState<unknown>(null);
  const deltaLink = useRef<string | null>(initial?.deltaLink ?? null);

  const reload = useCallback(() => {
    setError(null);
    setEntries(null);
    loadRegisterSnapshot(client, location).then((snapshot) => {
      deltaLink.current = snapshot.deltaLink;
      setEntries([...snapshot.entries]);
    }, setError);
  }, [client, location]);

  // Once per workspace: load (cold, nothing preloaded), or bring cached entries up to date.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!initial) return reload();
    if (!initial.fromCache) return;
    readRegisterDelta(client, initial.deltaLink).then(
      (delta) => {
        deltaLink.current = delta.deltaLink;
        if (delta.changed.length > 0 || delta.deletedIds.length > 0) setEntries((current) => applyRegisterDelta(current ?? [], delta));
      },
      (failure: unknown) => {
        // Too old to bring up to date: load everything. Other failures keep the cached rows on screen.
        if (isResyncRequired(failure)) reload();
      },
    );
  }, [client, initial, reload]);

  // Keep the warm copy current, so the next reopen shows what this one showed.
  useEffect(() => {
    if (!cacheKey || !entries || !deltaLink.current) return;
    const { me, team, location: where, members, settingsId } = workspace;
    writeWarm(cacheKey, { workspace: { me, team, location: where, members, ...(settingsId ? { settingsId } : {}) }, entries, deltaLink: deltaLink.current });
  }, [cacheKey, entries, workspace]);

  return { entries, setEntries, error, reload };
}
