/**
 * The register's audit log as the views use it: the records (loaded once the register is on screen,
 * never on the start-up path), which entries carry a change waiting for a manager, recording a
 * change, and a manager's "undo" / "keep". See src/domain/audit.ts for the convention it supports.
 *
 * The log lives in the register's settings list. Until a team owner has created that list (setup
 * does), nothing can be recorded: `available` is false and the views say so instead of pretending.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { flaggedEntries, type AuditRecord, type AuditResolution } from '@domain';
import { findRegisterSettings, openAuditLog, type AuditLog } from '@graph';
import { useGraphClient } from './ApiContext';
import { isTeamOwner } from './ownerPresence';
import type { Workspace } from './workspace';

export type NewAuditRecord = Omit<AuditRecord, 'id' | 'by' | 'byManager' | 'at' | 'resolved'>;

export interface AuditData {
  readonly records: readonly AuditRecord[];
  /** Entry id -> changes by non-managers not yet undone or kept, newest first. */
  readonly flagged: ReadonlyMap<string, AuditRecord[]>;
  /** The signed-in person is a manager (an owner of the practice team). */
  readonly isManager: boolean;
  /** False while the settings list is unknown or missing: changes cannot be recorded. */
  readonly available: boolean;
  /** The last recording that failed (the change itself was made), for an honest notice. */
  readonly problem: unknown;
  /** Records a change just made by the signed-in person. Never throws (see `problem`). */
  readonly record: (change: NewAuditRecord) => Promise<void>;
  /** A manager marks a flagged change undone or kept. @returns false when someone else resolved it first. */
  readonly resolve: (record: AuditRecord, how: AuditResolution['how']) => Promise<boolean>;
}

const AuditContext = createContext<AuditData | null>(null);

export function AuditProvider(props: { workspace: Workspace; children: ReactNode }) {
  const client = useGraphClient();
  const { workspace } = props;
  const { me, members, location } = workspace;
  const [log, setLog] = useState<AuditLog | null>(null);
  const [records, setRecords] = useState<readonly AuditRecord[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const isManager = isTeamOwner(me.id, members);

  useEffect(() => {
    let live = true;
    const known = workspace.settingsId ? Promise.resolve(workspace.settingsId) : findRegisterSettings(client, location.siteId);
    known
      .then(async (settingsId) => {
        if (!settingsId || !live) return;
        const opened = openAuditLog(client, { siteId: location.siteId, listId: settingsId });
        setLog(opened);
        const loaded = await opened.list();
        if (live) setRecords(loaded);
      })
      .catch((error: unknown) => live && setProblem(error));
    return () => {
      live = false;
    };
  }, [client, location.siteId, workspace.settingsId]);

  const record = useCallback(
    async (change: NewAuditRecord) => {
      const full: AuditRecord = { ...change, id: crypto.randomUUID(), by: { id: me.id, name: me.displayName }, byManager: isManager, at: new Date().toISOString() };
      if (!log) return setProblem(new Error('The register settings list, which keeps the audit log, has not been set up.'));
      try {
        await log.add(full);
        setRecords((current) => [full, ...current]);
        setProblem(null);
      } catch (error) {
        setProblem(error);
      }
    },
    [log, me.id, me.displayName, isManager],
  );

  const resolve = useCallback(
    async (target: AuditRecord, how: AuditResolution['how']) => {
      if (!log) return false;
      const stored = await log.resolve(target.id, { by: { id: me.id, name: me.displayName }, at: new Date().toISOString(), how });
      const latest = await log.list();
      setRecords(latest);
      return stored !== null;
    },
    [log, me.id, me.displayName],
  );

  const value = useMemo(
    () => ({ records, flagged: flaggedEntries(records), isManager, available: log !== null, problem, record, resolve }),
    [records, isManager, log, problem, record, resolve],
  );
  return <AuditContext.Provider value={value}>{props.children}</AuditContext.Provider>;
}

const NONE: AuditData = {
  records: [],
  flagged: new Map(),
  isManager: false,
  available: false,
  problem: null,
  record: async () => undefined,
  resolve: async () => false,
};

/** The audit log, or an empty one outside AuditProvider (unit-rendered views). */
export function useAudit(): AuditData {
  return useContext(AuditContext) ?? NONE;
}
