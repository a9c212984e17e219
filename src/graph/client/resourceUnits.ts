/**
 * SharePoint's resource-unit cost of a Graph request, from "Avoid getting throttled or blocked in
 * SharePoint Online" (sp-dev-docs, "Application throttling"): 1 per single-item read and per delta
 * request with a token; 2 per multi-item query, delta without a token, create, update or delete; 5 per
 * permission call; 0 for calls that are not SharePoint (teams, members, activity feed, Bot Connector).
 * A `$batch` costs the sum of its inner requests ("requests in a batch are evaluated individually").
 *
 * The client's own estimate: the reminder service's pacer draws with it before each call is sent. The
 * emulator counts with its own table (src/emulator/model/resourceUnits.ts), written from the same page,
 * so a wrong rule here shows up as a disagreement in tests/graph/client/resourceUnits.test.ts.
 */

/** GETs whose last path segment names a collection are queries (2 units); other GETs read one thing (1). */
const COLLECTIONS = new Set(['items', 'lists', 'columns', 'versions', 'sites', 'children', 'contenttypes']);

/** A delta request continues from a token (1 unit) when its query carries one; without one it enumerates (2). */
const DELTA_TOKEN = /[?&]\$?(token|skiptoken|deltatoken)=/i;

/** Units of one request, by method and URL (path with its query, or a path alone). */
export function sharePointUnits(method: string, url: string): number {
  const [path = '', query = ''] = url.split('?');
  const segments = path.toLowerCase().split('/').filter(Boolean);
  if (!segments.includes('sites')) return 0;
  if (segments.includes('permissions') || /[?&]\$?expand=[^&]*permissions/i.test(`?${query}`)) return 5;
  const upper = method.toUpperCase();
  if (upper !== 'GET' && upper !== 'HEAD') return 2;
  const last = segments[segments.length - 1] ?? '';
  if (last === 'delta') return DELTA_TOKEN.test(`?${query}`) ? 1 : 2;
  return COLLECTIONS.has(last) ? 2 : 1;
}

/**
 * Units of a request about to be sent: `url` absolute or a path; `body` the JSON text of a `$batch`.
 * A batch whose body cannot be read is estimated at 2 units for each of Graph's 20 allowed requests.
 */
export function requestUnits(method: string, url: string, body?: unknown): number {
  const relative = /^https?:\/\//i.test(url) ? (({ pathname, search }) => `${pathname}${search}`)(new URL(url)) : url;
  if (!/\/\$batch\/?(\?|$)/i.test(relative)) return sharePointUnits(method, relative);
  try {
    const parsed = JSON.parse(typeof body === 'string' ? body : '') as { requests?: Array<{ method?: string; url?: string }> };
    return (parsed.requests ?? []).reduce((sum, inner) => sum + sharePointUnits(inner.method ?? 'GET', inner.url ?? ''), 0);
  } catch {
    return 40;
  }
}
