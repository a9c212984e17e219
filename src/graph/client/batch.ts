/**
 * What every `$batch` caller shares, from concepts/json-batching.md: at most 20 requests a batch;
 * each inner answer has its own id, status, headers and body (answers come in any order: match by id);
 * a throttled inner request carries its own `Retry-After`, which the browser can read there.
 */

/** Graph's limit on the requests in one JSON batch. */
export const BATCH_LIMIT = 20;

/** One inner answer of a `POST /$batch`. */
export interface BatchInnerAnswer {
  id?: string;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Inner statuses that mean "throttled": send again, once, after the answer's own Retry-After. */
export const THROTTLED_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** The inner answer's Retry-After header (header names are case-insensitive), if any. */
export function innerRetryAfter(inner: BatchInnerAnswer | undefined): string | undefined {
  return Object.entries(inner?.headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
}

/** `items` in consecutive slices of at most BATCH_LIMIT, one slice per batch. */
export function batchSlices<T>(items: readonly T[]): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += BATCH_LIMIT) slices.push(items.slice(start, start + BATCH_LIMIT));
  return slices;
}
