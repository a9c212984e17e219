/**
 * SharePoint's resource-unit (RU) cost of a Microsoft Graph request, written from Microsoft's page
 * "Avoid getting throttled or blocked in SharePoint Online" (learn.microsoft.com/sharepoint/dev/
 * general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online, section
 * "Application throttling": predefined costs of Microsoft Graph requests):
 *
 *   1 RU  a single item query (get a site, a list, an item, a column...), a delta request with a token
 *   2 RU  a multi-item query (a collection: lists, items, columns, versions), a delta without a token,
 *         and every create, update or delete
 *   5 RU  a permission operation (`/permissions`, or `$expand=permissions`)
 *
 * Requests in a `$batch` are counted one by one (the envelope itself costs nothing). Requests that
 * do not reach SharePoint (directory, Teams, people, activity feed) cost no RU.
 *
 * This is the emulator's own table, from the documentation, never the client's estimate: a wrong
 * rule in the client's pacer then shows up as a disagreement.
 */

/** The per-minute and per-day RU budget of one app in one tenant, by licence count (same page, "Application throttling" table). */
export const TENANT_TIERS = {
  '0-1k': { perMinute: 1_200, perDay: 1_200_000 },
  '1k-5k': { perMinute: 2_400, perDay: 2_400_000 },
  '5k-15k': { perMinute: 3_600, perDay: 3_600_000 },
  '15k-50k': { perMinute: 4_800, perDay: 4_800_000 },
  '50k+': { perMinute: 6_000, perDay: 6_000_000 },
} as const;

export type TenantTier = keyof typeof TENANT_TIERS;

/** Path segments that name a collection: a GET ending in one of them is a multi-item query. */
const COLLECTION_SEGMENTS = new Set(['sites', 'lists', 'items', 'columns', 'versions', 'contenttypes', 'children', 'permissions']);

/**
 * RU of one Graph request: `pathAndQuery` like `/v1.0/sites/{id}/lists/{id}/items?$top=5`.
 * @returns 0 for a request that SharePoint does not serve.
 */
export function resourceUnitsOf(method: string, pathAndQuery: string): number {
  const url = new URL(pathAndQuery, 'http://emulator');
  const segments = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s).toLowerCase());
  // SharePoint serves /sites/... and a group's team site (/groups/{id}/sites/...).
  const sitesAt = segments.indexOf('sites');
  if (sitesAt < 0 || segments[sitesAt - 1] === '$batch') return 0;
  const expand = [...url.searchParams.entries()].find(([name]) => name.replace(/^\$/, '').toLowerCase() === 'expand')?.[1] ?? '';
  if (segments.includes('permissions') || /\bpermissions\b/i.test(expand)) return 5;
  const upper = method.toUpperCase();
  if (upper !== 'GET' && upper !== 'HEAD') return 2;
  const last = segments[segments.length - 1] ?? '';
  if (last === 'delta') {
    const hasToken = [...url.searchParams.keys()].some((name) => /^\$?(token|skiptoken|deltatoken)$/i.test(name));
    return hasToken ? 1 : 2;
  }
  // `/groups/{id}/sites/root` and `/sites/{id}` read one site.
  if (last === 'root' || segments.length === sitesAt + 2) return 1;
  return COLLECTION_SEGMENTS.has(last) ? 2 : 1;
}
