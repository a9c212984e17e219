/**
 * SharePoint's resource-unit cost of a Graph request (sp-dev-docs "avoid getting throttled"): 1 per
 * single-item read, 2 per multi-item query, create, update or delete; 0 for calls that are not
 * SharePoint (teams, members, activity feed, Bot Connector). A `$batch` costs the sum of its inner
 * requests ("requests in a batch are evaluated individually by resource units").
 *
 * One rule for both sides: the emulator's request accounting counts with it, and the reminder
 * service's pacer draws with it before each call is sent.
 */

/** GETs whose last path segment names a collection are queries (2 units); other GETs read one thing (1). */
const COLLECTIONS = new Set(['items', 'lists', 'columns', 'versions', 'sites', 'children', 'contenttypes']);

/** Units of one request, by method and URL path (a query string is ignored). */
export function sharePointUnits(method: string, path: string): number {
  const segments = path.split('?')[0]!.toLowerCase().split('/').filter(Boolean);
  if (!segments.includes('sites')) return 0;
  const upper = method.toUpperCase();
  if (upper !== 'GET' && upper !== 'HEAD') return 2;
  return COLLECTIONS.has(segments[segments.length - 1] ?? '') ? 2 : 1;
}

/**
 * Units of a request about to be sent: `url` absolute or a path; `body` the JSON text of a `$batch`.
 * A batch whose body cannot be read is estimated at 2 units for each of Graph's 20 allowed requests.
 */
export function requestUnits(method: string, url: string, body?: unknown): number {
  const path = /^https?:\/\//i.test(url) ? new URL(url).pathname : url;
  if (!/\/\$batch\/?(\?|$)/i.test(path)) return sharePointUnits(method, path);
  try {
    const parsed = JSON.parse(typeof body === 'string' ? body : '') as { requests?: Array<{ method?: string; url?: string }> };
    return (parsed.requests ?? []).reduce((sum, inner) => sum + sharePointUnits(inner.method ?? 'GET', inner.url ?? ''), 0);
  } catch {
    return 40;
  }
}
