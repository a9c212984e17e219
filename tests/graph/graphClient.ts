/**
 * A real Graph client (our middleware over `@microsoft/microsoft-graph-client`) pointed at a test
 * emulator, with a recording transport and an instant, recording sleep so that waits are asserted,
 * not waited for.
 */
import { createGraphClient, type GraphClient } from '../../src/graph';
import { DEMO, tokenSourceFor } from '../support/emulator';

export interface RecordedClient {
  client: GraphClient;
  /** `GET /v1.0/...` request lines and `sleep <ms>` entries, in order. */
  events: string[];
  waits: number[];
}

export function recordedClient(url: string, upn: string = DEMO.manager.upn, timeoutMs?: number): RecordedClient {
  const events: string[] = [];
  const waits: number[] = [];
  const client = createGraphClient({
    baseUrl: url,
    tokenSource: tokenSourceFor(url, upn),
    timeoutMs,
    fetchImpl: async (input, init) => {
      events.push(`${(init?.method ?? 'GET').toUpperCase()} ${String(input).slice(url.length)}`);
      return fetch(input, init);
    },
    sleep: async (ms) => {
      waits.push(ms);
      events.push(`sleep ${ms}`);
    },
  });
  return { client, events, waits };
}
