/**
 * `Retry-After` as Graph and SharePoint send it: delay-seconds (SharePoint has sent fractional
 * values and values above 300) or an HTTP-date. No cap: retrying before it expires only earns
 * another throttle and counts against the shared quota.
 */

/**
 * An HTTP-date has one-second resolution and our clock may run ahead of the server's, so a date that
 * looks already past still gets this much wait rather than an immediate retry.
 */
export const MIN_DATE_WAIT_MS = 1000;

/** @returns the wait in milliseconds (never negative), or undefined when the header is absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(MIN_DATE_WAIT_MS, date - nowMs);
}
