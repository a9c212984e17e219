/**
 * The tab's one Graph client, built once per sign-in through `createGraphClient` (src/graph) and
 * shared by every feature through React context. Features never build their own client.
 */
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { createGraphClient, FEATURE_SCOPES, type GraphClient } from '@graph';
import type { TokenSource } from '@graph';
import { createRetryWaitHub, type RetryWaitHub, type RetryWaitListener } from './retryWaits';

const GraphClientContext = createContext<GraphClient | null>(null);
const RetryWaitContext = createContext<RetryWaitHub | null>(null);

export function ApiProvider(props: { baseUrl: string; tokenSource: TokenSource; children: ReactNode }) {
  const { baseUrl, tokenSource } = props;
  const waits = useMemo(createRetryWaitHub, []);
  // The register's scopes by name (not Graph's `.default`): a token asks for exactly what the register needs;
  // other features add theirs per request (withScopes), as incremental consent.
  const client = useMemo(
    () => createGraphClient({ baseUrl, tokenSource, scopes: FEATURE_SCOPES.register, onRetryWait: waits.emit }),
    [baseUrl, tokenSource, waits],
  );
  return (
    <GraphClientContext.Provider value={client}>
      <RetryWaitContext.Provider value={waits}>{props.children}</RetryWaitContext.Provider>
    </GraphClientContext.Provider>
  );
}

/** Calls `listener` whenever the Graph client waits before retrying a throttled call (no-op outside ApiProvider). */
export function useRetryWaits(listener: RetryWaitListener): void {
  const waits = useContext(RetryWaitContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => waits?.subscribe((wait) => latest.current(wait)), [waits]);
}

/** @throws Error when used outside `ApiProvider` (a wiring mistake, not a user error). */
export function useGraphClient(): GraphClient {
  const client = useContext(GraphClientContext);
  if (!client) throw new Error('useGraphClient must be used inside ApiProvider.');
  return client;
}
