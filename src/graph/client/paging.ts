/**
 * Following `@odata.nextLink` and turning Graph's absolute URLs into requests.
 *
 * `GraphRequest` (v3.0.7, `parsePath`) recognises an absolute URL only when it contains `https://`;
 * an `http://` URL (the local emulator) would be appended to the base URL as if it were a path. So a
 * link on the client's own base URL is turned back into a path and version before it is requested.
 */
import type { GraphRequest, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { baseUrlOf, type GraphClient } from './client';

interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/**
 * A request for `url`: a path such as '/me' (sent to the client's default version) or an absolute
 * URL Graph returned, such as a nextLink. A link is followed only on the client's own Graph origin:
 * a nextLink naming another host (a tampered or misrouted page) is refused, so the token never goes
 * there (the auth middleware refuses such a URL too).
 * @throws Error for an absolute URL outside the client's base URL.
 */
export function requestFor(client: GraphClient, url: string): GraphRequest {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//')) return client.api(url);
  const base = baseUrlOf(client);
  if (url.startsWith(`${base}/`)) {
    const rest = url.slice(base.length + 1);
    const slash = rest.indexOf('/');
    if (slash > 0) return client.api(rest.slice(slash)).version(rest.slice(0, slash));
  }
  throw new Error(`Cannot follow a link outside ${base}: ${url.split('?')[0]}`);
}

/**
 * `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`: lets a `$filter` on a column SharePoint has
 * not indexed run anyway (on lists under the 5,000-item threshold). The tab filters only on columns it
 * creates indexed, but a list made by hand or an index dropped by an admin would otherwise fail every
 * key lookup, so key lookups send it as a safety net (microsoft-graph-docs-contrib issue #7927;
 * api-reference/v1.0/api/listitem-list.md, "Optional request headers" in later versions).
 */
export const NON_INDEXED_QUERIES: Readonly<Record<string, string>> = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

/**
 * Every item of a collection, following `@odata.nextLink` until it is absent. `options` (e.g.
 * `withScopes(...)`) and `headers` go with every page's request.
 */
export async function pageAll<T>(client: GraphClient, url: string, options: MiddlewareOptions[] = [], headers: Readonly<Record<string, string>> = {}): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let next: string | undefined = url;
  while (next !== undefined) {
    if (seen.has(next)) throw new Error(`Graph returned the same page link twice: ${next}`);
    seen.add(next);
    const request = requestFor(client, next).headers({ ...headers });
    const page = (await (options.length > 0 ? request.middlewareOptions(options) : request).get()) as Page<T>;
    items.push(...(page.value ?? []));
    next = page['@odata.nextLink'];
  }
  return items;
}
