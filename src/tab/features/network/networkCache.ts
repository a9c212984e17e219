/**
 * The roll-up's delta cache for this session: each practice's list ids, its register's deltaLink and
 * the entries that link brings up to date, so opening the view again costs a delta with a token per
 * practice, not a full enumeration. Kept in memory only: practice data from other sites is never
 * written to sessionStorage or localStorage on this device (issue 18: no copy of practice data).
 */
import type { CachedPractice, NetworkDeltaCache } from '@graph/network';

const byNetwork = new Map<string, Map<string, CachedPractice>>();

/** The one cache for the network whose site is `networkSiteId`, alive until the tab is closed or reloaded. */
export function sessionCacheFor(networkSiteId: string): NetworkDeltaCache {
  let practices = byNetwork.get(networkSiteId);
  if (!practices) {
    practices = new Map();
    byNetwork.set(networkSiteId, practices);
  }
  const store = practices;
  return {
    get: (practiceSiteId) => store.get(practiceSiteId),
    set: (practiceSiteId, value) => void store.set(practiceSiteId, value),
  };
}
