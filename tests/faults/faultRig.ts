/**
 * Shared set-up for the fault-injection suite: a seeded emulator and the real Graph layer over it,
 * with a virtual clock. The client's `sleep` advances the virtual clock instead of waiting, and the
 * transport records every request with the virtual time it was sent and the status it got, so a
 * test can prove "no request before Retry-After expired" without waiting 300 real seconds.
 */
import { createGraphClient, openRegisterStore, type GraphClient, type RetryWait } from '../../src/graph';
import type { RegisterLocation, RegisterStore, TokenSource } from '../../src/graph/types';
import { DEMO, tokenSourceFor } from '../support/emulator';

export const LOCATION: RegisterLocation = { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId };

export interface SentRequest {
  readonly method: string;
  /** Path and query after the emulator's origin. */
  readonly path: string;
  /** Virtual time (ms) the request was sent at. */
  readonly at: number;
  /** The HTTP status, or 0 when no response came (dropped connection). */
  status: number;
}

export interface FaultClient {
  readonly client: GraphClient;
  readonly store: RegisterStore;
  readonly sent: SentRequest[];
  readonly waits: RetryWait[];
  /** The virtual clock (ms). Starts on a whole second so HTTP-date arithmetic is exact. */
  now(): number;
}

/**
 * `browserView`: the transport hides `Retry-After` as a browser does (Graph's CORS does not expose it,
 * microsoft-graph-docs-contrib issue #2011), so the client sees a 429/503 without it.
 */
export function faultClient(url: string, options: { upn?: string; tokenSource?: TokenSource; start?: number; browserView?: boolean; random?: () => number } = {}): FaultClient {
  let clock = options.start ?? Math.floor(Date.now() / 1000) * 1000;
  const sent: SentRequest[] = [];
  const waits: RetryWait[] = [];
  const client = createGraphClient({
    baseUrl: url,
    tokenSource: options.tokenSource ?? tokenSourceFor(url, options.upn ?? DEMO.manager.upn),
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    onRetryWait: (wait) => waits.push(wait),
    fetchImpl: async (input, init) => {
      const request: SentRequest = { method: (init?.method ?? 'GET').toUpperCase(), path: String(input).slice(url.length), at: clock, status: 0 };
      sent.push(request);
      const response = await fetch(input, init);
      request.status = response.status;
      if (!options.browserView) return response;
      const headers = new Headers(response.headers);
      headers.delete('retry-after');
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    },
  });
  return { client, store: openRegisterStore(client, LOCATION), sent, waits, now: () => clock };
}

/** Counts unhandled promise rejections while `run` is active (a test asserts zero). */
export async function countingUnhandled<T>(run: () => Promise<T>): Promise<{ result: T; unhandled: unknown[] }> {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown): void => {
    unhandled.push(reason);
  };
  process.on('unhandledRejection', listener);
  try {
    const result = await run();
    // Let any stray rejection of this run surface before counting.
    await new Promise((resolve) => setImmediate(resolve));
    return { result, unhandled };
  } finally {
    process.off('unhandledRejection', listener);
  }
}
