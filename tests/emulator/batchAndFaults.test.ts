/** $batch limits and dependsOn; fault injection (throttling, ambiguous 504, seeded replay). */
import { DEMO, startTestEmulator, tokenFor, type RunningEmulator } from '../support/emulator';
import { call, graphError } from './call';

let emulator: RunningEmulator;
let manager: string;
const ITEMS_PATH = `/sites/${encodeURIComponent(DEMO.site.id)}/lists/${DEMO.registerListId}/items`;
const ITEMS = `/v1.0${ITEMS_PATH}`;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
  manager = await tokenFor(emulator.url, DEMO.manager.upn);
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

const batch = (requests: unknown[]) => call(emulator.url, manager, '/v1.0/$batch', { method: 'POST', body: { requests } });

describe('$batch', () => {
  it('runs up to 20 requests, each through auth and routing', async () => {
    const answer = await batch([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: '/me/nothing' },
      { id: '3', method: 'POST', url: ITEMS_PATH, headers: { 'Content-Type': 'application/json' }, body: { fields: { Title: 'From batch' } } },
    ]);
    expect(answer.status).toBe(200);
    const byId = Object.fromEntries(answer.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId['1']).toMatchObject({ status: 200, body: { userPrincipalName: DEMO.manager.upn } });
    expect(byId['2'].status).toBe(400);
    expect(byId['3'].status).toBe(201);
    expect(byId['3'].headers['request-id']).toBeDefined();
    const anonymous = await call(emulator.url, undefined, '/v1.0/$batch', { method: 'POST', body: { requests: [{ id: '1', method: 'GET', url: '/me' }] } });
    expect(anonymous.status).toBe(401);
    const forged = await batch([{ id: '1', method: 'GET', url: '/me', headers: { Authorization: 'Bearer forged.token' } }]);
    expect(forged.status).toBe(200);
    expect(forged.body.responses[0].status).toBe(401);
  });

  it('refuses more than 20 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' }));
    const answer = await batch(requests);
    expect(answer.status).toBe(400);
    graphError(answer);
  });

  it('answers 424 for a request whose dependency failed, without running it', async () => {
    const answer = await batch([
      { id: '1', method: 'GET', url: `${ITEMS_PATH}/99999` },
      { id: '2', method: 'POST', url: ITEMS_PATH, dependsOn: ['1'], headers: { 'Content-Type': 'application/json' }, body: { fields: { Title: 'Never written' } } },
    ]);
    const byId = Object.fromEntries(answer.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    expect(byId).toEqual({ '1': 404, '2': 424 });
    const filter = encodeURIComponent("fields/Title eq 'Never written'");
    const found = await call(emulator.url, manager, `${ITEMS}?$filter=${filter}`, { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } });
    expect(found.body.value).toEqual([]);
  });

  it('throttles inner requests individually', async () => {
    emulator.faults.add({ path: '/me$', status: 429, retryAfter: 7, times: 1 });
    const answer = await batch([{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: '/me' }]);
    expect(answer.body.responses.map((r: { status: number }) => r.status)).toEqual([429, 200]);
    expect(answer.body.responses[0].headers['Retry-After']).toBe('7');
  });
});

describe('fault injection', () => {
  it('answers 429 TooManyRequests with Retry-After, then recovers', async () => {
    emulator.faults.add({ method: 'GET', path: '/items$', status: 429, retryAfter: 300, times: 2 });
    for (let i = 0; i < 2; i++) {
      const throttled = await call(emulator.url, manager, ITEMS);
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('300');
      expect(graphError(throttled)).toBe('TooManyRequests');
    }
    expect((await call(emulator.url, manager, ITEMS)).status).toBe(200);
  });

  it('sends Retry-After as an HTTP date, and 503, over the HTTP control endpoint', async () => {
    const date = 'Wed, 21 Oct 2026 07:28:00 GMT';
    const added = await call(emulator.url, undefined, '/emulator/faults', { method: 'POST', body: { rules: [{ path: '/me$', status: 503, retryAfter: date, times: 1 }] } });
    expect(added.status).toBe(201);
    const answer = await call(emulator.url, manager, '/v1.0/me');
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe(date);
    expect((await call(emulator.url, undefined, '/emulator/faults', { method: 'POST', body: { rules: [{ status: 418 }] } })).status).toBe(400);
    expect((await call(emulator.url, undefined, '/emulator/faults', { method: 'DELETE' })).status).toBe(204);
  });

  it('commits the write before an afterCommit 504 (an ambiguous failure)', async () => {
    emulator.faults.add({ method: 'POST', path: '/items$', status: 504, afterCommit: true, times: 1 });
    const answer = await call(emulator.url, manager, ITEMS, { method: 'POST', body: { fields: { Title: 'Ambiguous', EntryKey: 'ambiguous-1' } } });
    expect(answer.status).toBe(504);
    const found = await call(emulator.url, manager, `${ITEMS}?$filter=${encodeURIComponent("fields/EntryKey eq 'ambiguous-1'")}`);
    expect(found.body.value).toHaveLength(1);
  });

  it('drops the connection when asked', async () => {
    emulator.faults.add({ path: '/me$', status: 504, dropConnection: true, times: 1 });
    await expect(fetch(`${emulator.url}/v1.0/me`, { headers: { Authorization: `Bearer ${manager}` } })).rejects.toThrow();
    expect((await call(emulator.url, manager, '/v1.0/me')).status).toBe(200);
  });

  it('replays the same random faults from the same seed', async () => {
    const run = async () => {
      const emu = await startTestEmulator({ directorySize: 10, faultSeed: 42 });
      const token = await tokenFor(emu.url, DEMO.manager.upn);
      emu.faults.add({ path: '/me$', status: 503, probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) statuses.push((await call(emu.url, token, '/v1.0/me')).status);
      await emu.close();
      return statuses;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });
});
