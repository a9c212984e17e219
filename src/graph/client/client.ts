/**
 * The one factory for a Microsoft Graph client. It uses `@microsoft/microsoft-graph-client` for
 * request building but its own middleware chain instead of the library's defaults, because the
 * library's RetryHandler retries POSTs on 503/504 and caps `Retry-After` at 180 s, and its
 * AuthenticationHandler drops the token for hosts it does not know (such as the local emulator).
 *
 * Chain, outermost first: error mapping -> retry -> pace (only with `beforeAttempt`) -> auth (a
 * fresh token per attempt; one retry on 401) -> per-attempt timeout -> fetch.
 */
import { Client } from '@microsoft/microsoft-graph-client';
import { AuthMiddleware } from './middleware/auth';
import { ErrorMappingMiddleware } from './middleware/errorMapping';
import { HttpMiddleware } from './middleware/http';
import { PaceMiddleware, type AttemptInfo, type BeforeAttempt } from './middleware/pace';
import { RetryMiddleware, type RetryWait } from './middleware/retry';
export { NO_RETRY, RetryControl, throttleWaitMs } from './middleware/retry';
import { TimeoutMiddleware } from './middleware/timeout';
import type { TokenSource } from '../types';

/** The Graph client type, re-exported so no other layer imports the Graph client package. */
export type GraphClient = Client;
export type { AttemptInfo, BeforeAttempt, RetryWait };

export interface GraphClientOptions {
  /** Graph's root without the version, e.g. 'https://graph.microsoft.com' or 'http://127.0.0.1:53000'. */
  baseUrl: string;
  tokenSource: TokenSource;
  scopes?: readonly string[];
  /** Per attempt, until response headers arrive. Default 30 s. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each wait between attempts (for "SharePoint is busy" messages and tests). */
  onRetryWait?: (wait: RetryWait) => void;
  /** Clock for HTTP-date `Retry-After` values. Default `Date.now`. */
  now?: () => number;
  /** Retries after the first attempt. Default 4. */
  maxRetries?: number;
  /**
   * Awaited before every attempt (retries included) is sent, outside its timeout: a rate limiter
   * such as the reminder service's resource-unit pacer. Absent = send at once.
   */
  beforeAttempt?: BeforeAttempt;
}

export const DEFAULT_SCOPES: readonly string[] = ['https://graph.microsoft.com/.default'];
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 4;

const baseUrls = new WeakMap<Client, string>();
const waiters = new WeakMap<Client, (wait: RetryWait) => Promise<void>>();

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const client = Client.initWithMiddleware({
    baseUrl,
    defaultVersion: 'v1.0',
    middleware: [
      new ErrorMappingMiddleware(now),
      new RetryMiddleware({
        maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
        sleep,
        now,
        random: Math.random,
        onRetryWait: options.onRetryWait,
      }),
      ...(options.beforeAttempt ? [new PaceMiddleware(options.beforeAttempt)] : []),
      new AuthMiddleware(options.tokenSource, options.scopes ?? DEFAULT_SCOPES, baseUrl),
      new TimeoutMiddleware(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      // Resolve the global at call time: a browser's fetch must not be called as a method of another object.
      new HttpMiddleware(options.fetchImpl ?? ((input, init) => fetch(input, init))),
    ],
  });
  baseUrls.set(client, baseUrl);
  waiters.set(client, async (wait) => {
    options.onRetryWait?.(wait);
    await sleep(wait.waitMs);
  });
  return client;
}

/**
 * Waits as the retry middleware would (announcing the wait through `onRetryWait`), for a throttled
 * inner request of a `$batch`, which the middleware cannot see: `Retry-After` is honoured there too.
 */
export async function waitBeforeRetry(client: GraphClient, wait: RetryWait): Promise<void> {
  await waiters.get(client)?.(wait);
}

/** The base URL a client made by `createGraphClient` sends to (no trailing slash). */
export function baseUrlOf(client: GraphClient): string {
  const baseUrl = baseUrls.get(client);
  if (baseUrl === undefined) throw new Error('This Graph client was not made by createGraphClient.');
  return baseUrl;
}
