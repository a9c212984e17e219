/**
 * The emulator's request accounting (for the reminder benchmark): Graph requests with $batch inner
 * requests counted one by one, SharePoint resource units (1 per single-item read, 2 per query or
 * write, 0 outside SharePoint), channel posts and throttled answers.
 */
import { DEMO, startTestEmulator, tokenFor, type RunningEmulator } from '../../support/emulator';
import { call } from '../call';

let emulator: RunningEmulator;
let token: string;
const items = `/v1.0/sites/${DEMO.site.id}/lists/${DEMO.registerListId}/items`;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
  token = await tokenFor(emulator.url, DEMO.manager.upn);
});
afterAll(() => emulator.close());
beforeEach(() => emulator.accounting.reset());

test('a query costs 2 units, a single-item read 1, and a team call none', async () => {
  const list = await call(emulator.url, token, items);
  expect(list.status).toBe(200);
  await call(emulator.url, token, `${items}/${list.body.value[0].id}`);
  await call(emulator.url, token, `/v1.0/teams/${DEMO.team.id}/members`);
  expect(emulator.accounting.snapshot()).toMatchObject({ graphRequests: 3, resourceUnits: 3, batches: 0, posts: 0, throttled: 0 });
});

test('each inner request of a $batch is counted, the envelope apart', async () => {
  const requests = [1, 2, 3].map((n) => ({ id: String(n), method: 'GET', url: `/sites/${DEMO.site.id}/lists/${DEMO.registerListId}/items/${n}` }));
  const batch = await call(emulator.url, token, '/v1.0/$batch', { method: 'POST', body: { requests } });
  expect(batch.status).toBe(200);
  expect(emulator.accounting.snapshot()).toMatchObject({ graphRequests: 3, batches: 1, resourceUnits: 3 });
});

test('a channel post is counted, and so is a throttled answer', async () => {
  emulator.faults.add({ method: 'GET', path: '/items$', status: 429, retryAfter: 1, times: 1 });
  expect((await call(emulator.url, token, items)).status).toBe(429);
  const posted = await call(emulator.url, token, `/v1.0/teams/${DEMO.team.id}/channels/${encodeURIComponent(DEMO.channel.id)}/messages`, {
    method: 'POST',
    body: { body: { contentType: 'html', content: 'Hello' } },
  });
  expect(posted.status).toBe(201);
  expect(emulator.accounting.snapshot()).toMatchObject({ graphRequests: 2, throttled: 1, posts: 1, resourceUnits: 2 });
});

test('benchPractices adds practices with their register, channel, managers and the bot installed', async () => {
  const bench = await startTestEmulator({ directorySize: 10, benchPractices: { count: 2, entriesPerPractice: 20 } });
  try {
    expect(bench.benchPractices).toHaveLength(2);
    const practice = bench.benchPractices[0]!;
    const installs = (await call(bench.url, undefined, '/emulator/bot/installations?appId=0d5e6f70-1a2b-4c3d-8e9f-00000000b07a')).body.value as { teamId: string }[];
    expect(installs.map((i) => i.teamId)).toEqual(expect.arrayContaining(bench.benchPractices.map((p) => p.teamId)));
    const appToken = (await call(bench.url, undefined, '/emulator/token', { method: 'POST', body: { appId: '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a' } })).body.access_token as string;
    const entries = await call(bench.url, appToken, `/v1.0/sites/${practice.siteId}/lists/${practice.listId}/items?$top=50`);
    expect(entries.body.value).toHaveLength(20);
    const members = await call(bench.url, appToken, `/v1.0/teams/${practice.teamId}/members`);
    expect(members.body.value.filter((m: { roles: string[] }) => m.roles.includes('owner'))).toHaveLength(2);
    // Listing channels app-only needs ChannelSettings.Read.Group, which the install does not consent to.
    const channels = await call(bench.url, appToken, `/v1.0/teams/${practice.teamId}/channels`);
    expect(channels.status).toBe(403);
  } finally {
    await bench.close();
  }
});
