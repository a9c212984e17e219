/**
 * A fake Graph transport for unit tests: it answers a fixed script of requests in order and throws on
 * any request the script does not expect, so a test fails loudly on an extra retry or a wrong URL.
 */
import { createGraphClient, type GraphClient, type GraphClientOptions } from '../../src/graph';

export const BASE = 'https://graph.microsoft.com';
export const NOW = Date.parse('2026-03-02T09:00:00Z');

export type Reply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { hang: true }
  | { fail: Error };

export interface Expected {
  method: string;
  /** Path and query after `${BASE}/v1.0`, or a full URL. */
  url: string;
  reply: Reply;
}

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers,
    body: { error: { code, message, innerError: { date: '2026-03-02T09:00:00', 'request-id': `req-${status}`, 'client-request-id': `req-${status}` } } },
  };
}

export function fakeGraph(script: Expected[], base = BASE) {
  const events: string[] = [];
  const sent: SentRequest[] = [];
  const pending = [...script];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    sent.push({ method, url, headers, body });
    events.push(`${method} ${url}`);
    const next = pending.shift();
    const expectedUrl = next && (next.url.startsWith('http') ? next.url : `${base}/v1.0${next.url}`);
    if (!next || next.method !== method || expectedUrl !== url) {
      throw new Error(`Unexpected request ${method} ${url}; expected ${next ? `${next.method} ${expectedUrl}` : 'nothing'}`);
    }
    const reply = next.reply;
    if ('hang' in reply) {
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      });
    }
    if ('fail' in reply) throw reply.fail;
    const text = reply.body === undefined ? null : JSON.stringify(reply.body);
    return new Response(text, {
      status: reply.status,
      headers: { ...(text === null ? {} : { 'content-type': 'application/json' }), ...(reply.headers ?? {}) },
    });
  };
  const sleeps: number[] = [];
  const sleep = async (ms: number): Promise<void> => {
    sleeps.push(ms);
    events.push(`sleep ${ms}`);
  };
  return { fetchImpl: fetchImpl as typeof fetch, sleep, events, sent, sleeps, remaining: () => pending.length };
}

export function tokenSourceStub(tokens = ['token-1', 'token-2', 'token-3']) {
  let index = 0;
  const calls = { getToken: 0, invalidate: 0 };
  return {
    calls,
    source: {
      getToken: async () => {
        calls.getToken += 1;
        return tokens[index] ?? 'token-last';
      },
      invalidate: () => {
        calls.invalidate += 1;
        index += 1;
      },
    },
  };
}

export function clientFor(
  fake: ReturnType<typeof fakeGraph>,
  extra: Partial<GraphClientOptions> = {},
): GraphClient {
  return createGraphClient({
    baseUrl: BASE,
    tokenSource: tokenSourceStub().source,
    fetchImpl: fake.fetchImpl,
    sleep: fake.sleep,
    now: () => NOW,
    ...extra,
  });
}
