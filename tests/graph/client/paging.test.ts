import { createGraphClient, pageAll } from '../../../src/graph';
import { fakeGraph, tokenSourceStub } from '../fakeGraph';

const EMULATOR = 'http://127.0.0.1:53999';

function clientOn(base: string, fake: ReturnType<typeof fakeGraph>) {
  return createGraphClient({ baseUrl: base, tokenSource: tokenSourceStub().source, fetchImpl: fake.fetchImpl, sleep: fake.sleep });
}

describe('pageAll', () => {
  it('follows an http @odata.nextLink on the client base URL (the local emulator) to the last page', async () => {
    const items = '/sites/s1/lists/l1/items';
    const next = `${EMULATOR}/v1.0${items}?$top=2&expand=fields&$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTI%3D`;
    const fake = fakeGraph(
      [
        { method: 'GET', url: `${items}?$top=2`, reply: { status: 200, body: { value: [{ id: '1' }, { id: '2' }], '@odata.nextLink': next } } },
        { method: 'GET', url: next, reply: { status: 200, body: { value: [{ id: '3' }] } } },
      ],
      EMULATOR,
    );
    const all = await pageAll<{ id: string }>(clientOn(EMULATOR, fake), `${items}?$top=2`);
    expect(all.map((item) => item.id)).toEqual(['1', '2', '3']);
  });

  it('follows an https nextLink on Graph itself', async () => {
    const base = 'https://graph.microsoft.com';
    const next = `${base}/v1.0/teams/t1/members?$skiptoken=abc`;
    const fake = fakeGraph([
      { method: 'GET', url: '/teams/t1/members', reply: { status: 200, body: { value: [{ id: 'm1' }], '@odata.nextLink': next } } },
      { method: 'GET', url: next, reply: { status: 200, body: { value: [{ id: 'm2' }] } } },
    ]);
    expect(await pageAll(clientOn(base, fake), '/teams/t1/members')).toHaveLength(2);
  });

  it("(why) the Graph client alone misreads an absolute http URL as a path", async () => {
    const link = `${EMULATOR}/v1.0/me`;
    const fake = fakeGraph([{ method: 'GET', url: `${EMULATOR}/v1.0/${link}`, reply: { status: 200, body: {} } }], EMULATOR);
    await clientOn(EMULATOR, fake).api(link).get();
    expect(fake.sent[0]?.url).toBe(`${EMULATOR}/v1.0/http://127.0.0.1:53999/v1.0/me`);
  });

  it('refuses to follow an http link to another host', async () => {
    const fake = fakeGraph([
      { method: 'GET', url: '/me/joinedTeams', reply: { status: 200, body: { value: [], '@odata.nextLink': 'http://elsewhere.example/v1.0/x' } } },
    ], EMULATOR);
    await expect(pageAll(clientOn(EMULATOR, fake), '/me/joinedTeams')).rejects.toThrow('Cannot follow a link outside');
  });
});

describe('the token goes only to the configured Graph origin', () => {
  it('refuses an https nextLink on another host: nothing is sent there and no token leaves', async () => {
    const base = 'https://graph.microsoft.com';
    const fake = fakeGraph([
      { method: 'GET', url: '/teams/t1/members', reply: { status: 200, body: { value: [{ id: 'm1' }], '@odata.nextLink': 'https://collector.example/v1.0/teams/t1/members?$skiptoken=x' } } },
    ]);
    await expect(pageAll(clientOn(base, fake), '/teams/t1/members')).rejects.toThrow('Cannot follow a link outside https://graph.microsoft.com');
    expect(fake.sent.map((request) => request.url)).toEqual(['https://graph.microsoft.com/v1.0/teams/t1/members']);
  });

  it('the auth middleware refuses any absolute URL off the Graph origin, before asking for a token', async () => {
    const fake = fakeGraph([]);
    const tokens = tokenSourceStub();
    const client = createGraphClient({ baseUrl: 'https://graph.microsoft.com', tokenSource: tokens.source, fetchImpl: fake.fetchImpl, sleep: fake.sleep });
    await expect(client.api('https://graph.microsoft.com.evil.example/v1.0/me').get()).rejects.toThrow(/Refused to send the Graph token/);
    expect(tokens.calls.getToken).toBe(0);
    expect(fake.sent).toEqual([]);
  });
});
