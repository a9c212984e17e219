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
 * URL Graph returned, such as a nextLink.
 * @throws Error for an http URL on another host, which the Graph client cannot address.
 */
export function requestFor(client: GraphClient, url: string): GraphRequest {
  if (!/^https?:\/\//i.test(url)) return client.api(url);
  const base = baseUrlOf(client);
  if (url.startsWith(`${base}/`)) {
    const rest = url.slice(base.length + 1);
    const slash = rest.indexOf('/');
    if (slash > 0) return client.api(rest.slice(slash)).version(rest.slice(0, slash));
  }
  if (/^https:\/\//i.test(url)) return client.api(url);
  throw new Error(`Cannot follow a link outside ${base}: ${url}`);
}

/**
 * Every item of a collection, following `@odata.nextLink` until it is absent. `options` (e.g.
 * `withScopes(...)`) go with every page's request.
 */
export async function pageAll<T>(client: GraphClient, url: string, options: MiddlewareOptions[] = []): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let next: string | undefined = url;
  while (next !== undefined) {
    if (seen.has(next)) throw new Error(`Graph returned the same page link twice: ${next}`);
    seen.add(next);
    const request = requestFor(client, next);
    const page = (await (options.length > 0 ? request.middlewareOptions(options) : request).get()) as Page<T>;
    items.push(...(page.value ?? []));
    next = page['@odata.nextLink'];
  }
  return items;
}
