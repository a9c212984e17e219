/**
 * The detected host, for the few views that need Teams' own ids (deep links into this app's tab),
 * without threading it through every component. Outside Teams it is `{ kind: 'browser' }`.
 */
import { createContext, useContext, useMemo } from 'react';
import type { Host } from './detectHost';

const HostContext = createContext<Host>({ kind: 'browser' });

export const HostProvider = HostContext.Provider;

export function useHost(): Host {
  return useContext(HostContext);
}

/** The app id and tab entity id that deep links should name, when the tab runs in Teams. */
export function useDeepLinkIds(): { teamsAppId?: string; entityId?: string } {
  const host = useHost();
  return useMemo(() => {
    if (host.kind !== 'teams') return {};
    return { ...(host.appId ? { teamsAppId: host.appId } : {}), ...(host.entityId ? { entityId: host.entityId } : {}) };
  }, [host]);
}
