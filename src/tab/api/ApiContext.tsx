/**
 * The tab's one Graph client, built once per sign-in through `createGraphClient` (src/graph) and
 * shared by every feature through React context. Features never build their own client.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createGraphClient, type GraphClient } from '../../graph';
import type { TokenSource } from '../../graph/types';

const GraphClientContext = createContext<GraphClient | null>(null);

export function ApiProvider(props: { baseUrl: string; tokenSource: TokenSource; children: ReactNode }) {
  const { baseUrl, tokenSource } = props;
  const client = useMemo(() => createGraphClient({ baseUrl, tokenSource }), [baseUrl, tokenSource]);
  return <GraphClientContext.Provider value={client}>{props.children}</GraphClientContext.Provider>;
}

/** @throws Error when used outside `ApiProvider` (a wiring mistake, not a user error). */
export function useGraphClient(): GraphClient {
  const client = useContext(GraphClientContext);
  if (!client) throw new Error('useGraphClient must be used inside ApiProvider.');
  return client;
}
