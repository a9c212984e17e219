/**
 * The one factory for a Microsoft Graph client. It uses `@microsoft/microsoft-graph-client` for
 * request building but its own middleware chain instead of the library's defaults, because the
 * library's RetryHandler retries POSTs on 503/504 and caps `Retry-After` at 180 s, and its
 * AuthenticationHandler drops the token for hosts it does not know (such as the local emulator).
 *
 * Chain, outermost first: error mapping -> retry -> auth (a fresh token per attempt; one retry on
 * 401) -> per-attempt timeout -> fetch.
 */
import { Client } from '@microsoft/microsoft-graph-client';
import { AuthMiddleware } from './middleware/auth';
import { ErrorMappingMiddleware } from './middleware/errorMapping';
import { HttpMiddleware } from './middleware/http';
import { RetryMiddleware, type RetryWait } from './middleware/retry';
export { NO_RETRY, RetryControl } from './middleware/retry';
import { TimeoutMiddleware } from './middleware/timeout';
import type { TokenSource } from './types';

/** The Graph client type, re-exported so no other layer imports the Graph client package. */
export type GraphClient = Client;
export type { RetryWait };

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
}

export const DEFAULT_SCOPES: readonly string[] = ['https://graph.microsoft.com/.default'];
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 4;

const baseUrls = new WeakMap<Client, string>();

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const now = options.now ?? (() => Date.now());
  const client = Client.initWithMiddleware({
    baseUrl,
    defaultVersion: 'v1.0',
    middleware: [
      new ErrorMappingMiddleware(now),
      new RetryMiddleware({
        maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
        sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
        now,
        random: Math.random,
        onRetryWait: options.onRetryWait,
      }),
      new AuthMiddleware(options.tokenSource, options.scopes ?? DEFAULT_SCOPES),
      new TimeoutMiddleware(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      // Resolve the global at call time: a browser's fetch must not be called as a method of another object.
      new HttpMiddleware(options.fetchImpl ?? ((input, init) => fetch(input, init))),
    ],
  });
  baseUrls.set(client, baseUrl);
  return client;
}

/** The base URL a client made by `createGraphClient` sends to (no trailing slash). */
export function baseUrlOf(client: GraphClient): string {
  const baseUrl = baseUrls.get(client);
  if (baseUrl === undefined) throw new Error('This Graph client was not made by createGraphClient.');
  return baseUrl;
}
