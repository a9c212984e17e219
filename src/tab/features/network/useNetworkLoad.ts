/**
 * Loads a network's roster and every member practice's register (loadNetwork: at most two batched
 * round trips, one practice failing never failing the others), with progress. A practice shown as
 * unavailable can be retried on its own; the roster can grow or shrink without reloading the rest.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PracticeLoad } from '@domain/network';
import {
  listRoster,
  loadNetwork,
  loadPractice,
  type NetworkHome,
  type NetworkLoadOptions,
  type StoredMemberPractice,
} from '@graph/network';
import type { GraphClient } from '@graph';
import { sessionCacheFor } from './networkCache';

export type NetworkLoadState =
  | { readonly kind: 'loading'; readonly done: number; readonly total: number | null }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly roster: readonly StoredMemberPractice[]; readonly loads: readonly PracticeLoad[] };

export interface NetworkLoad {
  readonly state: NetworkLoadState;
  /** Practice keys being retried now (their Retry button is busy). */
  readonly retrying: ReadonlySet<string>;
  readonly reload: () => void;
  /** Reads one practice again and puts the result in its row. */
  readonly retry: (practiceKey: string) => void;
  /** After a roster add: loads the new practice and appends it. */
  readonly added: (stored: StoredMemberPractice) => void;
  /** After a roster remove: drops the practice. */
  readonly removed: (itemId: string) => void;
  readonly options: NetworkLoadOptions;
}

function replaceLoad(loads: readonly PracticeLoad[], next: PracticeLoad): PracticeLoad[] {
  const found = loads.some((load) => load.practice.key === next.practice.key);
  return found ? loads.map((load) => (load.practice.key === next.practice.key ? next : load)) : [...loads, next];
}

export function useNetworkLoad(client: GraphClient, home: NetworkHome): NetworkLoad {
  const [state, setState] = useState<NetworkLoadState>({ kind: 'loading', done: 0, total: null });
  const [retrying, setRetrying] = useState<ReadonlySet<string>>(new Set());
  const [attempt, setAttempt] = useState(0);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const options = useMemo<NetworkLoadOptions>(
    () => ({ kind: home.self.kind, networkSiteId: home.siteId, cache: sessionCacheFor(home.siteId) }),
    [home.self.kind, home.siteId],
  );

  useEffect(() => {
    let current = true;
    setState({ kind: 'loading', done: 0, total: null });
    void (async () => {
      try {
        const roster = await listRoster(client, home);
        if (!current) return;
        setState({ kind: 'loading', done: 0, total: roster.length });
        const onProgress = (done: number, total: number) => current && setState({ kind: 'loading', done, total });
        const loads = await loadNetwork(client, roster.map((stored) => stored.practice), { ...options, onProgress });
        if (current) setState({ kind: 'ready', roster, loads });
      } catch (error: unknown) {
        if (current) setState({ kind: 'failed', error });
      }
    })();
    return () => {
      current = false;
    };
  }, [client, home, options, attempt]);

  const reloadOne = useCallback(
    (stored: StoredMemberPractice['practice']) => {
      setRetrying((keys) => new Set([...keys, stored.key]));
      // loadPractice reports a failure as an "unavailable" load, never by throwing; a throw (a bug or
      // a lost connection before the request) is shown the same way so the row never looks empty.
      loadPractice(client, stored, options)
        .catch((error: unknown): PracticeLoad => ({ state: 'unavailable', practice: stored, reason: 'failed', detail: error instanceof Error ? error.message : String(error) }))
        .then((next) => {
          if (!live.current) return;
          setState((now) => (now.kind === 'ready' ? { ...now, loads: replaceLoad(now.loads, next) } : now));
          setRetrying((keys) => new Set([...keys].filter((key) => key !== stored.key)));
        }, () => undefined);
    },
    [client, options],
  );

  const retry = useCallback(
    (practiceKey: string) => {
      if (state.kind !== 'ready') return;
      const load = state.loads.find((item) => item.practice.key === practiceKey);
      if (load) reloadOne(load.practice);
    },
    [state, reloadOne],
  );

  const added = useCallback(
    (stored: StoredMemberPractice) => {
      setState((now) => (now.kind === 'ready' ? { ...now, roster: [...now.roster.filter((item) => item.itemId !== stored.itemId), stored] } : now));
      reloadOne(stored.practice);
    },
    [reloadOne],
  );

  const removed = useCallback((itemId: string) => {
    setState((now) => {
      if (now.kind !== 'ready') return now;
      const gone = now.roster.find((item) => item.itemId === itemId);
      return {
        ...now,
        roster: now.roster.filter((item) => item.itemId !== itemId),
        loads: gone ? now.loads.filter((load) => load.practice.key !== gone.practice.key) : now.loads,
      };
    });
  }, []);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, retrying, reload, retry, added, removed, options };
}
