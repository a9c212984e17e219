/**
 * Are the practice's SharePoint lists up to date? Checked once per browser session and site after
 * the register has rendered (never on its critical path: one GET of the site's lists and one GET of
 * each list's columns, in parallel), shared with every view through context.
 *
 * - The register or its settings list lacks columns (made by an older release): writes naming the
 *   new columns would fail. A team owner's tab brings them up to date at once (once per session; a
 *   403 is explained, with Retry); anyone else is told who can fix it.
 * - Only a feature's list is missing (incidents, changes...): nothing happens until someone uses
 *   that feature, which says so (PracticeListMissing) and offers an owner the button.
 * A failed check changes nothing: features behave as before.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { REGISTER_LIST, REGISTER_SETTINGS_LIST, type ListGap, PRACTICE_LISTS } from '@domain/lists';
import { bringUpToDate, checkPracticeLists, type GraphClient, type UpToDateProgress } from '@graph';
import { useGraphClient } from './ApiContext';
import { isTeamOwner } from './ownerPresence';
import type { Workspace } from './workspace';

export type PracticeListsState =
  | { readonly kind: 'checking' }
  /** The check failed (offline, throttled): nothing is known, features behave as before. */
  | { readonly kind: 'unknown'; readonly error: unknown }
  | { readonly kind: 'up-to-date'; readonly ids: ReadonlyMap<string, string> }
  | { readonly kind: 'needs-update'; readonly ids: ReadonlyMap<string, string>; readonly gaps: readonly ListGap[]; readonly error?: unknown }
  | { readonly kind: 'updating'; readonly ids: ReadonlyMap<string, string>; readonly gaps: readonly ListGap[]; readonly progress: UpToDateProgress | null };

export interface PracticeLists {
  readonly state: PracticeListsState;
  /** Only team owners can add lists and columns (with an owner/fullcontrol grant). */
  readonly canUpdate: boolean;
  /** Brings every gap up to date (owners); progress in `state`. */
  readonly update: () => void;
  /** True once this session brought the lists up to date: a register opened read-only should reload. */
  readonly updated: boolean;
  readonly teamName: string;
}

const NOT_PROVIDED: PracticeLists = { state: { kind: 'checking' }, canUpdate: false, update: () => undefined, updated: false, teamName: 'your team' };
const Context = createContext<PracticeLists>(NOT_PROVIDED);

/** Every list's name and columns: a new release with a new column checks again. */
const FINGERPRINT = PRACTICE_LISTS.map((def) => `${def.name}:${def.columns.map((column) => column.name).join(',')}`).join('|');
const CHECKED_PREFIX = 'dsr.practiceLists.';
const TRIED_PREFIX = 'dsr.practiceListsTried.';

function readChecked(siteId: string): Map<string, string> | null {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(CHECKED_PREFIX + siteId) ?? 'null') as { fingerprint?: string; ids?: [string, string][] } | null;
    return stored?.fingerprint === FINGERPRINT && Array.isArray(stored.ids) ? new Map(stored.ids) : null;
  } catch {
    return null;
  }
}

function rememberChecked(siteId: string, ids: ReadonlyMap<string, string>): void {
  try {
    window.sessionStorage.setItem(CHECKED_PREFIX + siteId, JSON.stringify({ fingerprint: FINGERPRINT, ids: [...ids] }));
  } catch {
    // Storage blocked: the next open checks again.
  }
}

/** Sign-out forgets which sites this browser session checked (signOutTraces.ts). */
export function clearPracticeListsMemory(): void {
  try {
    for (const key of Object.keys(window.sessionStorage)) {
      if (key.startsWith(CHECKED_PREFIX) || key.startsWith(TRIED_PREFIX)) window.sessionStorage.removeItem(key);
    }
  } catch {
    // Storage blocked: nothing was remembered.
  }
}

/** The register's own lists lack something: writes may fail until they are brought up to date. */
export function registerNeedsUpdate(gaps: readonly ListGap[]): boolean {
  return gaps.some((gap) => gap.def.name === REGISTER_LIST.name || gap.def.name === REGISTER_SETTINGS_LIST.name);
}

function triedThisSession(siteId: string): boolean {
  try {
    if (window.sessionStorage.getItem(TRIED_PREFIX + siteId) === FINGERPRINT) return true;
    window.sessionStorage.setItem(TRIED_PREFIX + siteId, FINGERPRINT);
    return false;
  } catch {
    return false;
  }
}

export function usePracticeListsState(client: GraphClient, workspace: Workspace): PracticeLists {
  const siteId = workspace.location.siteId;
  const canUpdate = isTeamOwner(workspace.me.id, workspace.members);
  const [state, setState] = useState<PracticeListsState>(() => {
    const checked = readChecked(siteId);
    return checked ? { kind: 'up-to-date', ids: checked } : { kind: 'checking' };
  });
  const [updated, setUpdated] = useState(false);
  const running = useRef(false);

  const runUpdate = useCallback(
    async (ids: ReadonlyMap<string, string>, gaps: readonly ListGap[]) => {
      if (running.current) return;
      running.current = true;
      setState({ kind: 'updating', ids, gaps, progress: null });
      try {
        await bringUpToDate(client, siteId, gaps, (progress) => setState({ kind: 'updating', ids, gaps, progress }));
        const after = await checkPracticeLists(client, siteId, PRACTICE_LISTS);
        setUpdated(true);
        if (after.gaps.length === 0) rememberChecked(siteId, after.ids);
        setState(after.gaps.length === 0 ? { kind: 'up-to-date', ids: after.ids } : { kind: 'needs-update', ids: after.ids, gaps: after.gaps });
      } catch (error) {
        setState({ kind: 'needs-update', ids, gaps, error });
      } finally {
        running.current = false;
      }
    },
    [client, siteId],
  );

  useEffect(() => {
    if (state.kind !== 'checking') return;
    let live = true;
    checkPracticeLists(client, siteId, PRACTICE_LISTS).then(
      (check) => {
        if (!live) return;
        if (check.gaps.length === 0) {
          rememberChecked(siteId, check.ids);
          return setState({ kind: 'up-to-date', ids: check.ids });
        }
        setState({ kind: 'needs-update', ids: check.ids, gaps: check.gaps });
        // Writes would fail: an owner's tab adds what is missing straight away (once per session).
        if (canUpdate && registerNeedsUpdate(check.gaps) && !triedThisSession(siteId)) void runUpdate(check.ids, check.gaps);
      },
      (error: unknown) => live && setState({ kind: 'unknown', error }),
    );
    return () => {
      live = false;
    };
  }, [client, siteId, state.kind, canUpdate, runUpdate]);

  const update = useCallback(() => {
    if (state.kind === 'needs-update') void runUpdate(state.ids, state.gaps);
  }, [state, runUpdate]);

  return useMemo(() => ({ state, canUpdate, update, updated, teamName: workspace.team.displayName }), [state, canUpdate, update, updated, workspace.team.displayName]);
}

export function PracticeListsProvider(props: { workspace: Workspace; children: ReactNode }) {
  const client = useGraphClient();
  const value = usePracticeListsState(client, props.workspace);
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

export function usePracticeLists(): PracticeLists {
  return useContext(Context);
}

/**
 * A feature's own list: its id once known; 'missing' when the site has no such list (the feature
 * shows PracticeListMissing); 'unknown' while checking or when the check failed.
 */
export function usePracticeList(name: string): { readonly status: 'ready'; readonly id: string } | { readonly status: 'missing' | 'unknown' } {
  const { state } = usePracticeLists();
  if (state.kind === 'checking' || state.kind === 'unknown') return { status: 'unknown' };
  const id = state.ids.get(name);
  // A list lacking columns counts as missing too: writes naming them would fail.
  const outdated = (state.kind === 'needs-update' || state.kind === 'updating') && state.gaps.some((gap) => gap.def.name === name);
  return id && !outdated ? { status: 'ready', id } : { status: 'missing' };
}
