import { checkOwners } from '../../../src/graph/people/people';
import { clientFor, fakeGraph } from '../fakeGraph';

const ids = Array.from({ length: 25 }, (_, index) => `0000000${index}-aaaa-bbbb-cccc-dddddddddddd`);

function inner(id: string, status: number, body?: unknown) {
  return { id, status, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body }) };
}

describe('checkOwners', () => {
  it('asks in $batches of at most 20 and reads found, deleted (404) and disabled per id', async () => {
    const first = Array.from({ length: 20 }, (_, index) => inner(String(index + 1), 200, { id: ids[index], accountEnabled: true }));
    first[2] = inner('3', 404, { error: { code: 'Request_ResourceNotFound', message: `Resource '${ids[2]}' does not exist.` } });
    first[4] = inner('5', 200, { id: ids[4], accountEnabled: false });
    first[6] = inner('7', 200, { id: ids[6] }); // User.ReadBasic.All: accountEnabled is not returned
    first[8] = inner('9', 429, { error: { code: 'TooManyRequests', message: 'Please retry again later.' } });
    const fake = fakeGraph([
      { method: 'POST', url: '/$batch', reply: { status: 200, body: { responses: first.reverse() } } },
      { method: 'POST', url: '/$batch', reply: { status: 200, body: { responses: Array.from({ length: 5 }, (_, index) => inner(String(index + 1), 200, { id: ids[20 + index] })) } } },
    ]);
    const presence = await checkOwners(clientFor(fake), [...ids, ids[0] as string, '']);

    expect(fake.sent.map((request) => (request.body as { requests: unknown[] }).requests.length)).toEqual([20, 5]);
    expect((fake.sent[0]?.body as { requests: unknown[] }).requests[0]).toEqual({ id: '1', method: 'GET', url: `/users/${ids[0]}?$select=id,accountEnabled` });
    expect(fake.sent[0]?.headers['content-type']).toMatch(/application\/json/);
    expect(presence.size).toBe(25);
    expect(presence.get(ids[0] as string)).toBe('found');
    expect(presence.get(ids[2] as string)).toBe('deleted');
    expect(presence.get(ids[4] as string)).toBe('disabled');
    expect(presence.get(ids[6] as string)).toBe('found');
    expect(presence.get(ids[8] as string)).toBe('unknown');
    expect(presence.get(ids[24] as string)).toBe('found');
  });

  it('asks again for the id alone when accountEnabled is refused (403)', async () => {
    const [a, b] = ids as [string, string];
    const fake = fakeGraph([
      {
        method: 'POST',
        url: '/$batch',
        reply: { status: 200, body: { responses: [inner('1', 403, { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges.' } }), inner('2', 404)] } },
      },
      { method: 'POST', url: '/$batch', reply: { status: 200, body: { responses: [inner('1', 200, { id: a })] } } },
    ]);
    const presence = await checkOwners(clientFor(fake), [a, b]);
    expect((fake.sent[1]?.body as { requests: unknown[] }).requests).toEqual([{ id: '1', method: 'GET', url: `/users/${a}?$select=id` }]);
    expect(presence).toEqual(new Map([[a, 'found'], [b, 'deleted']]));
  });

  it('sends nothing for no ids', async () => {
    const fake = fakeGraph([]);
    expect((await checkOwners(clientFor(fake), [])).size).toBe(0);
    expect(fake.sent).toHaveLength(0);
  });

  it('keeps an id with URL-significant characters inside its own path segment', async () => {
    const fake = fakeGraph([{ method: 'POST', url: '/$batch', reply: { status: 200, body: { responses: [inner('1', 404)] } } }]);
    const presence = await checkOwners(clientFor(fake), ['a/b?c#d']);
    expect((fake.sent[0]?.body as { requests: Array<{ url: string }> }).requests[0]?.url).toBe('/users/a%2Fb%3Fc%23d?$select=id,accountEnabled');
    expect(presence.get('a/b?c#d')).toBe('deleted');
  });
});
