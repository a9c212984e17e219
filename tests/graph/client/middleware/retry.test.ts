import { GraphError, throttleWaitMs } from '../../../../src/graph';
import { NOW, clientFor, fakeGraph, graphError, type Expected } from '../../fakeGraph';

const ME = { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity', id: 'u1', displayName: 'Priya Shah', userPrincipalName: 'priya.shah@nhs.net' };
const ok: Expected['reply'] = { status: 200, body: ME };

function throttled(retryAfter?: string, status = 429): Expected['reply'] {
  return graphError(status, status === 429 ? 'TooManyRequests' : 'serviceNotAvailable', 'Please retry again later.', retryAfter === undefined ? {} : { 'Retry-After': retryAfter });
}

describe('retrying throttled requests', () => {
  it.each([
    ['whole seconds', '7', 7000],
    ['fractional seconds', '1.5', 1500],
    ['300 s, more than the Graph client would wait', '300', 300_000],
    ['an HTTP-date two minutes ahead', new Date(NOW + 120_000).toUTCString(), 120_000],
  ])('waits the full Retry-After (%s) before retrying, and not before', async (_label, header, waitMs) => {
    const fake = fakeGraph([
      { method: 'GET', url: '/me', reply: throttled(header) },
      { method: 'GET', url: '/me', reply: ok },
    ]);
    const waits: unknown[] = [];
    const me = await clientFor(fake, { onRetryWait: (wait) => waits.push(wait) }).api('/me').get();
    expect(me.displayName).toBe('Priya Shah');
    expect(fake.events).toEqual([
      'GET https://graph.microsoft.com/v1.0/me',
      `sleep ${waitMs}`,
      'GET https://graph.microsoft.com/v1.0/me',
    ]);
    expect(waits).toEqual([{ status: 429, waitMs, attempt: 1 }]);
  });

  it('backs off exponentially with jitter when there is no Retry-After, and gives up after a bounded number of attempts', async () => {
    const script: Expected[] = Array.from({ length: 5 }, () => ({ method: 'GET', url: '/me', reply: throttled(undefined, 503) }));
    const fake = fakeGraph(script);
    const failure = await clientFor(fake).api('/me').get().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphError);
    expect((failure as GraphError).status).toBe(503);
    expect(fake.remaining()).toBe(0);
    expect(fake.sleeps).toHaveLength(4);
    // The documented policy: a floor of 5 s, doubling, plus up to a quarter of jitter; never sooner.
    fake.sleeps.forEach((ms, index) => {
      expect(ms).toBeGreaterThanOrEqual(5000 * 2 ** index);
      expect(ms).toBeLessThanOrEqual(5000 * 2 ** index * 1.25);
    });
  });

  it.each([503, 504])('never repeats a POST that got %i (it may have been made)', async (status) => {
    const fake = fakeGraph([{ method: 'POST', url: '/sites/s1/lists/l1/items', reply: throttled('1', status) }]);
    const failure = (await clientFor(fake)
      .api('/sites/s1/lists/l1/items')
      .post({ fields: { Title: 'EMIS Web' } })
      .catch((error: unknown) => error)) as GraphError;
    expect(failure).toBeInstanceOf(GraphError);
    expect(failure.status).toBe(status);
    expect(failure.ambiguous).toBe(true);
    expect(fake.sleeps).toEqual([]);
  });

  it('repeats a throttled POST (429: refused before it ran) after Retry-After', async () => {
    const fake = fakeGraph([
      { method: 'POST', url: '/sites/s1/lists/l1/items', reply: throttled('2') },
      { method: 'POST', url: '/sites/s1/lists/l1/items', reply: { status: 201, body: { id: '7' } } },
    ]);
    await clientFor(fake).api('/sites/s1/lists/l1/items').post({ fields: { Title: 'EMIS Web' } });
    expect(fake.sleeps).toEqual([2000]);
  });

  it('repeats a POST /$batch made only of GETs', async () => {
    const fake = fakeGraph([
      { method: 'POST', url: '/$batch', reply: throttled('3', 503) },
      { method: 'POST', url: '/$batch', reply: { status: 200, body: { responses: [] } } },
    ]);
    await clientFor(fake).api('/$batch').post({ requests: [{ id: '1', method: 'GET', url: '/me' }] });
    expect(fake.sleeps).toEqual([3000]);
  });

  it('does not repeat a POST /$batch that contains a write', async () => {
    const fake = fakeGraph([{ method: 'POST', url: '/$batch', reply: throttled('3', 503) }]);
    const batch = { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'DELETE', url: '/sites/s1/lists/l1/items/3' }] };
    await expect(clientFor(fake).api('/$batch').post(batch)).rejects.toMatchObject({ status: 503, ambiguous: true });
  });

  it('repeats a PATCH with If-Match; a 412 on the repeat is reported as ambiguous (the first may have applied)', async () => {
    const fake = fakeGraph([
      { method: 'PATCH', url: '/sites/s1/lists/l1/items/3/fields', reply: throttled('1', 504) },
      { method: 'PATCH', url: '/sites/s1/lists/l1/items/3/fields', reply: graphError(412, 'preconditionFailed', 'The eTag does not match.') },
    ]);
    const failure = (await clientFor(fake)
      .api('/sites/s1/lists/l1/items/3/fields')
      .header('If-Match', '"{6F0A1C2B-9D4E-4F7A-8B3C-1D2E3F4A5B6C},4"')
      .patch({ Title: 'EMIS Web' })
      .catch((error: unknown) => error)) as GraphError;
    expect(failure).toMatchObject({ status: 412, code: 'preconditionFailed', ambiguous: true, requestId: 'req-412' });
    expect(fake.sent[1]?.headers['if-match']).toBe('"{6F0A1C2B-9D4E-4F7A-8B3C-1D2E3F4A5B6C},4"');
  });

  it('does not repeat a PATCH without If-Match on 503', async () => {
    const fake = fakeGraph([{ method: 'PATCH', url: '/sites/s1/lists/l1/items/3/fields', reply: throttled('1', 503) }]);
    await expect(clientFor(fake).api('/sites/s1/lists/l1/items/3/fields').patch({ Title: 'x' })).rejects.toMatchObject({ status: 503 });
    expect(fake.sleeps).toEqual([]);
  });

  it('repeats a DELETE on 504', async () => {
    const fake = fakeGraph([
      { method: 'DELETE', url: '/sites/s1/lists/l1/items/3', reply: throttled(undefined, 504) },
      { method: 'DELETE', url: '/sites/s1/lists/l1/items/3', reply: { status: 204 } },
    ]);
    await clientFor(fake).api('/sites/s1/lists/l1/items/3').header('If-Match', '"{A},1"').delete();
    expect(fake.sleeps).toHaveLength(1);
  });
});

test('one retry policy: the full Retry-After when readable, otherwise exponential backoff with jitter from a 5 s floor', () => {
  const now = Date.parse('2026-06-15T09:00:00Z');
  expect(throttleWaitMs('7', 1, now)).toBe(7000);
  expect(throttleWaitMs(new Date(now + 12_000).toUTCString(), 3, now)).toBe(12_000);
  expect(throttleWaitMs(null, 1, now, () => 0)).toBe(5000);
  expect(throttleWaitMs(undefined, 2, now, () => 0)).toBe(10_000);
  expect(throttleWaitMs('not a time', 3, now, () => 0.99)).toBe(20_000 + Math.floor(0.99 * 20_000 * 0.25));
  expect(throttleWaitMs(null, 9, now, () => 0)).toBe(60_000);
});
