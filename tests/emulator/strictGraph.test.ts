/**
 * The strict behaviours that are Graph's, not ours (docs/emulator.md "As strict as Graph"): CORS,
 * eTag formats, `$batch` order and dependsOn, delta-token expiry, SharePoint resource units and
 * channel-post limits. Each has a strictness switch; the emulator's clock is fixed here so windows
 * and ages are exact.
 */
import { Throttling } from '../../src/emulator/model/throttling';
import { DEFAULT_STRICTNESS } from '../../src/emulator/strictness';
import { appTokenFor, DEMO, startTestEmulator, tokenFor, type RunningEmulator } from '../support/emulator';
import { call } from './call';

const SITE = `/v1.0/sites/${encodeURIComponent(DEMO.site.id)}`;
const ITEMS = `${SITE}/lists/${DEMO.registerListId}/items`;
const POSTS = `/v1.0/teams/${DEMO.team.id}/channels/${encodeURIComponent(DEMO.channel.id)}/messages`;

let clock = new Date('2026-12-01T09:00:00Z').getTime();
let emulator: RunningEmulator;
let manager: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 50, clock: () => new Date(clock) });
  manager = await tokenFor(emulator.url, DEMO.manager.upn);
});
afterAll(() => emulator.close());
afterEach(async () => {
  await call(emulator.url, undefined, '/emulator/strictness', { method: 'PATCH', body: DEFAULT_STRICTNESS });
  await call(emulator.url, undefined, '/emulator/throttling/reset', { method: 'POST' });
  emulator.faults.clear();
});

const strictness = (patch: object) => call(emulator.url, undefined, '/emulator/strictness', { method: 'PATCH', body: patch });

describe('CORS', () => {
  it("exposes Graph's headers but not Retry-After, unless switched off", async () => {
    const answer = await call(emulator.url, manager, '/v1.0/me');
    const exposed = answer.headers.get('access-control-expose-headers') ?? '';
    expect(exposed).toMatch(/request-id/);
    expect(exposed).not.toMatch(/Retry-After/i);
    await strictness({ hideRetryAfterFromCors: false });
    expect((await call(emulator.url, manager, '/v1.0/me')).headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
  });
});

describe('eTags', () => {
  it('the item eTag is "{GUID},N", its fields\' @odata.etag "guid,N"; switched off, both the item\'s', async () => {
    const item = (await call(emulator.url, manager, `${ITEMS}/1?expand=fields`)).body;
    expect(item.eTag).toMatch(/^"\{[0-9A-F-]{36}\},\d+"$/);
    expect(item.fields['@odata.etag']).toMatch(/^"[0-9a-f-]{36},\d+"$/);
    await strictness({ etagFormat: false });
    const lenient = (await call(emulator.url, manager, `${ITEMS}/1?expand=fields`)).body;
    expect(lenient.fields['@odata.etag']).toBe(lenient.eTag);
  });
});

describe('$batch', () => {
  const reads = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i + 1), method: 'GET', url: `/sites/${DEMO.site.id}/lists/${DEMO.registerListId}/items/${i + 1}` }));
  const ids = (answer: { body: { responses: { id: string }[] } }) => answer.body.responses.map((r) => r.id);

  it('answers in a seeded shuffled order, and in request order when switched off', async () => {
    const first = await call(emulator.url, manager, '/v1.0/$batch', { method: 'POST', body: { requests: reads(10) } });
    expect(first.status).toBe(200);
    expect([...ids(first)].sort((a, b) => Number(a) - Number(b))).toEqual(reads(10).map((r) => r.id));
    expect(ids(first)).not.toEqual(reads(10).map((r) => r.id));
    await strictness({ shuffleBatch: false });
    expect(ids(await call(emulator.url, manager, '/v1.0/$batch', { method: 'POST', body: { requests: reads(10) } }))).toEqual(reads(10).map((r) => r.id));
  });

  it('refuses more than 20 requests', async () => {
    expect((await call(emulator.url, manager, '/v1.0/$batch', { method: 'POST', body: { requests: reads(21) } })).status).toBe(400);
  });

  it('dependsOn: one sequence is accepted, anything else is 400 (unless switched off)', async () => {
    const [a, b, c] = reads(3) as [object, object, object];
    const sequence = [a, { ...b, dependsOn: ['1'] }, { ...c, dependsOn: ['2'] }];
    expect((await call(emulator.url, manager, '/v1.0/$batch', { method: 'POST', body: { requests: sequence } })).status).toBe(200);
    const fan = [a, { ...b, dependsOn: ['1'] }, { ...c, dependsOn: ['1'] }];
    const refused = await call(emulator.url, manager, '/v1.0/$batch', { method: 'POST', body: { requests: fan } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/one sequence/);
    const partial = [a, b, { ...c, dependsOn: ['2'] }];
    expect((await call(emulator.url, manager, '/v1.0/$batch', { method: 'POST', body: { requests: partial } })).status).toBe(400);
    await strictness({ batchDependsOnRules: false });
    expect((await call(emulator.url, manager, '/v1.0/$batch', { method: 'POST', body: { requests: fan } })).status).toBe(200);
  });

  it('a throttled inner request carries its own Retry-After', async () => {
    emulator.faults.add({ method: 'GET', path: '/items/2$', status: 429, retryAfter: 7, times: 1 });
    const answer = await call(emulator.url, manager, '/v1.0/$batch', { method: 'POST', body: { requests: reads(3) } });
    const throttled = answer.body.responses.find((r: { id: string }) => r.id === '2');
    expect(throttled).toMatchObject({ status: 429, headers: expect.objectContaining({ 'Retry-After': '7' }) });
  });
});

describe('delta tokens', () => {
  const deltaLinkOf = async () => {
    let link = `${ITEMS}/delta?token=latest`;
    const answer = await call(emulator.url, manager, link);
    link = answer.body['@odata.deltaLink'];
    return link;
  };

  it('expire on demand from the control endpoint: 410 resyncRequired', async () => {
    const link = await deltaLinkOf();
    expect((await call(emulator.url, manager, link)).status).toBe(200);
    expect((await call(emulator.url, undefined, '/emulator/delta/expire', { method: 'POST' })).status).toBe(204);
    const gone = await call(emulator.url, manager, link);
    expect([gone.status, gone.body.error.code]).toEqual([410, 'resyncRequired']);
    expect((await call(emulator.url, manager, `${ITEMS}/delta?token=latest`)).status).toBe(200);
  });

  it('expire after the configured age', async () => {
    await strictness({ expireDeltaTokensAfterSeconds: 3600 });
    const link = await deltaLinkOf();
    clock += 3_599_000;
    const fresh = await call(emulator.url, manager, link);
    expect(fresh.status).toBe(200);
    const next = fresh.body['@odata.deltaLink'];
    clock += 2_000;
    manager = await tokenFor(emulator.url, DEMO.manager.upn);
    const gone = await call(emulator.url, manager, link);
    expect([gone.status, gone.body.error.code]).toEqual([410, 'resyncRequired']);
    expect((await call(emulator.url, manager, next)).status).toBe(200);
  });
});

describe('SharePoint resource units', () => {
  const batchOf20Queries = Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: `/sites/${DEMO.site.id}/lists/${DEMO.registerListId}/items?$top=1` }));

  it('an app over its minute budget gets 429 with Retry-After and the RateLimit headers; the next minute it is fine', async () => {
    clock = Math.floor(clock / 60_000) * 60_000 + 15_000;
    await strictness({ tenantTier: '0-1k' });
    const app = await appTokenFor(emulator.url);
    // 20 queries at 2 RU: 40 RU a batch; 1,200 RU a minute for a tenant under 1,000 licences.
    for (let i = 0; i < 29; i++) await call(emulator.url, app, '/v1.0/$batch', { method: 'POST', body: { requests: batchOf20Queries } });
    const near = await call(emulator.url, app, `${ITEMS}/1`);
    expect(near.status).toBe(200);
    expect([near.headers.get('ratelimit-limit'), near.headers.get('ratelimit-remaining'), near.headers.get('ratelimit-reset')]).toEqual(['1200', '39', '45']);
    const over = await call(emulator.url, app, '/v1.0/$batch', { method: 'POST', body: { requests: batchOf20Queries } });
    const statuses = over.body.responses.map((r: { status: number }) => r.status);
    expect(statuses.filter((s: number) => s === 429).length).toBeGreaterThan(0);
    const throttled = over.body.responses.find((r: { status: number }) => r.status === 429);
    expect(throttled.headers['Retry-After']).toBe('45');
    expect(throttled.body.error.code).toBe('activityLimitReached');
    clock += 45_000;
    expect((await call(emulator.url, app, `${ITEMS}/1`)).status).toBe(200);
  });

  it('delegated calls share the app bucket but carry no RateLimit headers; switched off, nothing is throttled', async () => {
    await strictness({ tenantTier: '0-1k' });
    manager = await tokenFor(emulator.url, DEMO.manager.upn);
    for (let i = 0; i < 30; i++) await call(emulator.url, manager, '/v1.0/$batch', { method: 'POST', body: { requests: batchOf20Queries } });
    const over = await call(emulator.url, manager, `${ITEMS}/1`);
    expect(over.status).toBe(429);
    expect(over.headers.get('ratelimit-limit')).toBeNull();
    await strictness({ ruThrottling: false });
    expect((await call(emulator.url, manager, `${ITEMS}/1`)).status).toBe(200);
  });

  it('counts per minute and per day by the tier (unit)', () => {
    let now = Date.UTC(2026, 11, 1, 0, 0, 0);
    const state = { strictness: { ...DEFAULT_STRICTNESS, tenantTier: '0-1k' as const }, now: () => new Date(now) };
    const throttling = new Throttling(state as never);
    for (let minute = 0; minute < 1000; minute++) {
      throttling.drawResourceUnits('app', true, 1200);
      now += 60_000;
    }
    // 1,000 full minutes = 1,200,000 RU: the day's budget of the 0-1k tier is spent.
    expect(() => throttling.drawResourceUnits('app', true, 1)).toThrow(/for the day/);
    now = Date.UTC(2026, 11, 2, 0, 0, 1);
    expect(throttling.drawResourceUnits('app', true, 1)).toEqual({});
  });
});

describe('channel posts', () => {
  it('at most 4 a second per channel: the fifth gets 429 with Retry-After', async () => {
    clock = Math.floor(clock / 1000) * 1000 + 1000;
    manager = await tokenFor(emulator.url, DEMO.manager.upn);
    const post = () => call(emulator.url, manager, POSTS, { method: 'POST', body: { body: { contentType: 'html', content: 'Hello' } } });
    for (let i = 0; i < 4; i++) expect((await post()).status).toBe(201);
    const fifth = await post();
    expect([fifth.status, fifth.headers.get('retry-after')]).toEqual([429, '1']);
    clock += 1000;
    expect((await post()).status).toBe(201);
  });
});
