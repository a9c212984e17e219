/**
 * Retries throttled and unavailable responses (429, 503, 504), honouring `Retry-After` in full: no
 * cap and never a retry before it expires (the Graph client's own RetryHandler caps it at 180 s).
 * Without the header it backs off exponentially with jitter. Attempts are bounded.
 *
 * What may be sent again:
 * - GET, HEAD, OPTIONS, PUT, DELETE, a PATCH carrying `If-Match` (a repeat of an applied change gets
 *   412, never a second change) and a `POST /$batch` of GETs only: on 429, 503 and 504.
 * - Any other POST or PATCH: on 429 only. A throttled request was refused before it ran; a 503 or 504
 *   may come after the change was made, so repeating it blindly could, say, create an item twice.
 *
 * When a write is retried after a 503 or 504, the request is marked "outcome unknown" so that the
 * final error (e.g. 412 on the retry of a PATCH that had in fact been applied) says `ambiguous`.
 *
 * Without a readable `Retry-After` (browsers never see it: Graph's CORS does not expose the header,
 * microsoft-graph-docs-contrib issue #2011) the wait follows `backoffMs`: exponential with jitter and
 * a floor of several seconds, as Microsoft's throttling guidance recommends when no Retry-After is
 * given (microsoft-graph-docs-contrib concepts/throttling.md, "best practices to handle throttling";
 * msgraph-sdk-design middleware/RetryHandler.md: exponential backoff with a random offset, 3 s initial
 * interval). SharePoint asks for waits of many seconds when it throttles (sp-dev-docs "avoid getting
 * throttled or blocked in SharePoint Online"), so a sub-second first retry would only be throttled again.
 */
import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { retryAfterMs } from '../retryAfter';
import { ChainLink } from './chainLink';
import { discard, headerOf, isReadOnlyBatch, isWrite, markOutcomeUnknown, methodOf } from './requestInfo';

export interface RetryWait {
  readonly status: number;
  readonly waitMs: number;
  /** 1 for the wait before the first retry. */
  readonly attempt: number;
}

export interface RetryOptions {
  readonly maxRetries: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly random: () => number;
  readonly onRetryWait?: (wait: RetryWait) => void;
}

/**
 * A per-request option (`client.api(url).middlewareOptions([NO_RETRY])`) that turns retries off for
 * that request: an interactive search would rather say "busy, try again" at once than wait out a
 * `Retry-After` while the user keeps typing. The final response (e.g. the 429) is returned as is.
 */
export class RetryControl implements MiddlewareOptions {
  constructor(readonly retry: boolean) {}
}

export const NO_RETRY = new RetryControl(false);

function retriesAllowed(context: Context): boolean {
  const control = context.middlewareControl?.getMiddlewareOptions(RetryControl) as RetryControl | undefined;
  return control?.retry !== false;
}

const RETRY_STATUSES = new Set([429, 503, 504]);
const REPEATABLE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
/** The shortest wait for a 429/503/504 that gave no readable Retry-After (then 10 s, 20 s, 40 s, 60 s). */
export const BACKOFF_FLOOR_MS = 5000;
export const MAX_BACKOFF_MS = 60_000;

/** True when sending the request a second time cannot make a second change. */
export function isRepeatable(context: Context): boolean {
  const method = methodOf(context);
  if (REPEATABLE_METHODS.has(method)) return true;
  if (method === 'PATCH') return headerOf(context, 'If-Match') !== undefined;
  return isReadOnlyBatch(context);
}

/**
 * The wait before retry `attempt` (1 = first retry) of a response without a readable `Retry-After`:
 * 5 s, 10 s, 20 s, 40 s, then 60 s, each plus up to a quarter more of random jitter (so many tabs
 * throttled at once do not come back together). Never less than BACKOFF_FLOOR_MS.
 */
export function backoffMs(attempt: number, random: () => number): number {
  const base = Math.min(BACKOFF_FLOOR_MS * 2 ** (Math.max(1, attempt) - 1), MAX_BACKOFF_MS);
  return base + Math.floor(random() * base * 0.25);
}

/**
 * The one retry policy for anything throttled: Graph through this middleware, an inner request of a
 * `$batch`, the Bot Connector (the Teams SDK does not retry), a directory search. The full
 * `Retry-After` when the response carries a readable one; otherwise `backoffMs`.
 */
export function throttleWaitMs(retryAfter: string | null | undefined, attempt: number, nowMs: number, random: () => number = Math.random): number {
  return retryAfterMs(retryAfter, nowMs) ?? backoffMs(attempt, random);
}

export class RetryMiddleware extends ChainLink {
  constructor(private readonly options: RetryOptions) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const repeatable = isRepeatable(context);
    const maxRetries = retriesAllowed(context) ? this.options.maxRetries : 0;
    for (let attempt = 1; ; attempt += 1) {
      await this.next(context);
      const response = context.response;
      if (!response || !RETRY_STATUSES.has(response.status) || attempt > maxRetries) return;
      if (response.status !== 429 && !repeatable) return;
      if (response.status !== 429 && isWrite(context)) markOutcomeUnknown(context);
      const waitMs = throttleWaitMs(response.headers.get('retry-after'), attempt, this.options.now(), this.options.random);
      await discard(response);
      this.options.onRetryWait?.({ status: response.status, waitMs, attempt });
      await this.options.sleep(waitMs);
    }
  }
}
