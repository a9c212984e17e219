/** OData query text: string literals and query strings for Graph URLs. */

/** An OData string literal's content: a single quote is written twice (O'Neill -> O''Neill). */
export function escapeODataString(text: string): string {
  return text.replace(/'/g, "''");
}

/**
 * `?a=1&b=2` with every value percent-encoded. The Graph client passes query text through as given,
 * and splits it on `&` and the first `=`; encoding keeps a value containing those (or `https://`,
 * which GraphRequest would take for a host) intact.
 */
export function queryString(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/**
 * A Graph id as one path segment. Percent-encodes what would break the URL but keeps `,` `:` `@`,
 * which are legal in a path and appear in ids Graph hands out (site ids are `host,guid,guid`).
 */
export function pathSegment(id: string): string {
  return encodeURIComponent(id).replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%40/gi, '@');
}
