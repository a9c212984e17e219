/**
 * The two middleware fixes interactive search relies on: a request marked NO_RETRY gets its 429
 * back at once (no wait, one attempt) while other requests still wait out Retry-After; and a
 * request whose signal is already aborted is never sent.
 */
import { createGraphClient, GraphError, NO_RETRY } from '../../../../src/graph';

function client(statuses: number[]) {
  const sent: string[] = [];
  const waits: number[] = [];
  const graph = createGraphClient({
    baseUrl: 'https://graph.microsoft.com',
    tokenSource: { getToken: async () => 'token', invalidate: () => undefined },
    sleep: async (ms) => void waits.push(ms),
    fetchImpl: async (input, init) => {
      if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      sent.push(String(input));
      const status = statuses.shift() ?? 200;
      const body = status === 200 ? { value: [] } : { error: { code: 'TooManyRequests', message: 'Slow down' } };
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Retry-After': '3' } });
    },
  });
  return { graph, sent, waits };
}

test('NO_RETRY: a throttled request fails at once with its Retry-After, after one attempt', async () => {
  const { graph, sent, waits } = client([429, 200]);
  const error = await graph.api('/users').middlewareOptions([NO_RETRY]).get().catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(GraphError);
  expect((error as GraphError).status).toBe(429);
  expect((error as GraphError).retryAfterSeconds).toBe(3);
  expect(sent).toHaveLength(1);
  expect(waits).toEqual([]);
});

test('without NO_RETRY the same 429 is waited out and retried', async () => {
  const { graph, sent, waits } = client([429, 200]);
  await expect(graph.api('/users').get()).resolves.toEqual({ value: [] });
  expect(sent).toHaveLength(2);
  expect(waits).toEqual([3000]);
});

test('a signal aborted before the request starts stops it before anything is sent', async () => {
  const { graph, sent } = client([]);
  const abort = new AbortController();
  abort.abort();
  await expect(graph.api('/users').option('signal', abort.signal).get()).rejects.toBeDefined();
  expect(sent).toEqual([]);
});
