/**
 * loadNetwork against the emulator over HTTP: five practices on the roster, two opted in, one opted
 * in to another network, one whose site the app may not read (403) and one whose site is gone (404).
 * The roster knows each practice's settings list (as addToRoster records it), except where a test
 * clears it.
 * The register app reads them with its own token (Sites.Selected grants), so the fixtures are the
 * test's own; the delegated visitor's view is in visitorAccess.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { emptyEntry } from '../../../src/domain';
import { declareIncident, incidentKeyFor, INCIDENTS_LIST, restoreIncident } from '../../../src/domain/incidents';
import type { MemberPractice, PracticeLoad } from '../../../src/domain/network';
import { findOrProvisionList, openRegisterStore } from '../../../src/graph';
import { openIncidentStore } from '../../../src/graph/incidents';
import { loadNetwork, loadPractice, setUpNetwork, writeMembership, type CachedPractice, type NetworkDeltaCache, type NetworkLoadOptions } from '../../../src/graph/network';
import { startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { appClient, knownRosterEntryOf, membershipFor, revokeAppGrant, rosterEntryOf, roundTripOf, sequentialRoundTrips, type SentRequest } from './networkFixture';

let emulator: RunningEmulator;
let roster: MemberPractice[];
let options: NetworkLoadOptions;

const bench = (n: number) => emulator.benchPractices[n]!;
const GONE_SITE = 'emulator.sharepoint.com,0a0b0c0d-0000-4000-8000-00000000dead,0a0b0c0d-0000-4000-8000-00000000beef';

class MapCache implements NetworkDeltaCache {
  readonly map = new Map<string, CachedPractice>();
  get = (key: string) => this.map.get(key);
  set = (key: string, value: CachedPractice) => void this.map.set(key, value);
}

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 10, benchPractices: { count: 6, entriesPerPractice: 30 } });
  const { client } = appClient(emulator.url);
  const networkSiteId = bench(0).siteId;
  await setUpNetwork(client, networkSiteId, { kind: 'pcn', name: 'Test PCN' });
  await writeMembership(client, bench(1).siteId, membershipFor(networkSiteId, 'joined'));
  await writeMembership(client, bench(2).siteId, membershipFor(networkSiteId, 'joined'));
  // Practice 3 opted in to ANOTHER network: on this roster, but it has not consented to this one.
  await writeMembership(client, bench(3).siteId, membershipFor(bench(5).siteId, 'joined'));
  await writeMembership(client, bench(4).siteId, membershipFor(networkSiteId, 'joined'));
  // Practice 2 has one open incident and one restored.
  const incidentsListId = (await findOrProvisionList(client, bench(2).siteId, INCIDENTS_LIST)).id;
  const incidents = openIncidentStore(client, { siteId: bench(2).siteId, listId: incidentsListId });
  const declare = (entryId: string) =>
    declareIncident(
      { key: incidentKeyFor(randomUUID()), entryId, serviceTitle: `Service ${entryId}`, impact: 'down', seen: 'Nothing loads', startedAt: '2026-03-02T08:15:00Z', declaredBy: { displayName: 'Manager', entraId: randomUUID() } },
      new Date('2026-03-02T08:20:00Z'),
    );
  await incidents.create(declare('1'));
  await incidents.create(restoreIncident(declare('2'), { by: 'Manager', restoredAt: '2026-03-02T09:00:00Z' }, new Date('2026-03-02T10:00:00Z')));
  // Practice 3 (not opted in to this network) has an incidents list too, which must never be read.
  await findOrProvisionList(client, bench(3).siteId, INCIDENTS_LIST);
  roster = await Promise.all([bench(1), bench(2), bench(3), bench(4)].map((practice) => knownRosterEntryOf(client, practice)));
  // Practice 4's admin took the app's grant away: 403 for every request to its site.
  await revokeAppGrant(emulator.url, bench(4).siteId);
  roster.push({ ...rosterEntryOf(bench(1)), key: GONE_SITE, name: 'Closed Practice' });
  options = { kind: 'pcn', networkSiteId };
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

const registerOf = (n: number) => openRegisterStore(appClient(emulator.url).client, { teamId: bench(n).teamId, siteId: bench(n).siteId, listId: bench(n).listId });
const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => Number(a.id) - Number(b.id));
/** The inner requests that addressed the practice's site, with the round trip each went in. */
function requestsTo(sent: readonly SentRequest[], n: number): { url: string; trip: number }[] {
  const trips = roundTripOf(sent);
  return sent.flatMap((request) => request.inner.filter((url) => url.startsWith(`/sites/${bench(n).siteId}/`)).map((url) => ({ url, trip: trips.get(request) ?? 0 })));
}

/** The practice's lists by name, and its setting (its settings list's items filtered on SettingKey): all a practice not opted in may be asked. */
async function onlyListsAndSetting(sent: readonly SentRequest[], n: number): Promise<void> {
  const settingsListId = (await knownRosterEntryOf(appClient(emulator.url).client, bench(n))).settingsListId;
  const asked = requestsTo(sent, n).map(({ url }) => url);
  expect(asked.length).toBeGreaterThan(0);
  for (const url of asked) expect(url.startsWith(`/sites/${bench(n).siteId}/lists?`) || url.startsWith(`/sites/${bench(n).siteId}/lists/${settingsListId}/items?`)).toBe(true);
  expect(asked.some((url) => url.includes(bench(n).listId) || url.includes('/items/delta'))).toBe(false);
}

const states = (loads: readonly PracticeLoad[]) => loads.map((load) => (load.state === 'unavailable' ? `unavailable:${load.reason}` : load.state));

it('five practices: two loaded, one not opted in, one no-access, one not-found; in two round trips of $batch only', async () => {
  const { client, sent } = appClient(emulator.url);
  const progress: string[] = [];
  const cache = new MapCache();
  const loads = await loadNetwork(client, roster, { ...options, cache, onProgress: (done, total) => progress.push(`${done}/${total}`) });

  expect(states(loads)).toEqual(['loaded', 'loaded', 'not-opted-in', 'unavailable:no-access', 'unavailable:not-found']);
  expect(loads.map((load) => load.practice)).toEqual(roster);
  const [first, second, notIn] = loads;
  if (first?.state !== 'loaded' || second?.state !== 'loaded' || notIn?.state !== 'not-opted-in') throw new Error('unexpected states');
  expect(byId(first.entries)).toEqual(byId(await registerOf(1).list()));
  expect(first.entries).toHaveLength(30);
  expect(first.membership.networkSiteId).toBe(options.networkSiteId);
  expect(first.openIncidents).toBeNull(); // no incidents list: not known, never "none"
  expect(second.openIncidents).toEqual([{ entryId: '1', serviceTitle: 'Service 1', impact: 'down', startedAt: '2026-03-02T08:15:00.000Z' }]);
  expect(notIn.membership?.networkSiteId).toBe(bench(5).siteId);
  expect(progress).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);

  expect(sent.every((request) => request.method === 'POST' && request.path === '/v1.0/$batch')).toBe(true);
  expect(sequentialRoundTrips(sent)).toBe(2);
  // The practice that has not opted in had its lists and its setting asked, in the first round trip, and nothing else.
  await onlyListsAndSetting(sent, 3);
  expect(requestsTo(sent, 3).every(({ trip }) => trip === 1)).toBe(true);
  // The practice that has not opted in to this network is cached with nothing of its register.
  expect(cache.get(bench(3).siteId)).toMatchObject({ deltaLink: '', entries: [] });
  expect(cache.get(bench(1).siteId)?.entries).toHaveLength(30);
  expect(cache.get(bench(4).siteId)).toBeUndefined();
});

it("a cold load: no request addresses the register or incidents of the practice that has not opted in; the others load in two round trips", async () => {
  const { client, sent } = appClient(emulator.url);
  const loads = await loadNetwork(client, roster, options);
  expect(states(loads)).toEqual(['loaded', 'loaded', 'not-opted-in', 'unavailable:no-access', 'unavailable:not-found']);
  await onlyListsAndSetting(sent, 3);
  // The opted-in practices: lists and setting in the first round trip, register (and practice 2's incidents) in the second.
  for (const n of [1, 2]) expect(requestsTo(sent, n).filter(({ url }) => url.includes('/items/delta')).map(({ trip }) => trip)).toEqual([2]);
  expect(requestsTo(sent, 1).map(({ trip }) => trip).sort()).toEqual([1, 1, 2]);
  expect(requestsTo(sent, 2).map(({ trip }) => trip).sort()).toEqual([1, 1, 2, 2]);
  expect(sequentialRoundTrips(sent)).toBe(2);
});

it("a roster that does not know a practice's settings list: that practice takes three round trips, the others two; a register not opted in is still never read", async () => {
  const unknown = roster.map((practice, index) => (index === 1 || index === 2 ? { ...practice, settingsListId: '' } : practice));
  const { client, sent } = appClient(emulator.url);
  const loads = await loadNetwork(client, unknown, options);
  expect(states(loads)).toEqual(['loaded', 'loaded', 'not-opted-in', 'unavailable:no-access', 'unavailable:not-found']);
  const second = loads[1];
  if (second?.state !== 'loaded') throw new Error('not loaded');
  expect(byId(second.entries)).toEqual(byId(await registerOf(2).list()));
  expect(second.openIncidents).toHaveLength(1);
  // Practice 2: lists in 1, setting in 2, register and incidents in 3; practice 1 (known) is done after 2.
  expect(requestsTo(sent, 2).filter(({ url }) => !url.includes('/items/delta') && !url.includes('/lists?')).map(({ trip }) => trip).sort()).toEqual([2, 3]);
  expect(requestsTo(sent, 2).filter(({ url }) => url.includes('/items/delta')).map(({ trip }) => trip)).toEqual([3]);
  expect(Math.max(...requestsTo(sent, 1).map(({ trip }) => trip))).toBe(2);
  // The third round trip is practice 2's only.
  const trips = roundTripOf(sent);
  const third = sent.filter((request) => trips.get(request) === 3).flatMap((request) => request.inner);
  expect(third.length).toBeGreaterThan(0);
  expect(third.every((url) => url.startsWith(`/sites/${bench(2).siteId}/`))).toBe(true);
  // Practice 3 (not opted in, settings list not known either): its lists in 1, its setting in 2, nothing else.
  await onlyListsAndSetting(sent, 3);
  expect(requestsTo(sent, 3).map(({ trip }) => trip)).toEqual([1, 2]);
  expect(sequentialRoundTrips(sent)).toBe(3);

  // A stale id on the roster (the settings list answers 404) is looked up the same way.
  const stale = roster.map((practice, index) => (index === 0 ? { ...practice, settingsListId: randomUUID() } : practice));
  const again = appClient(emulator.url);
  expect(states(await loadNetwork(again.client, stale, options))).toEqual(['loaded', 'loaded', 'not-opted-in', 'unavailable:no-access', 'unavailable:not-found']);
  expect(requestsTo(again.sent, 1).filter(({ url }) => url.includes('/items/delta')).map(({ trip }) => trip)).toEqual([3]);
  expect(Math.max(...requestsTo(again.sent, 2).map(({ trip }) => trip))).toBe(2);
});

it('a warm load is one round trip: delta with the cached token, changes applied; the practice not opted in has only its setting read', async () => {
  const cache = new MapCache();
  await loadNetwork(appClient(emulator.url).client, roster, { ...options, cache });
  const added = await registerOf(1).create({ ...emptyEntry(), title: 'Added since the first load', dataTypes: ['none'] }, randomUUID());
  const removed = (await registerOf(2).list())[0]!;
  await registerOf(2).delete(removed.id, removed.eTag);

  const { client, sent } = appClient(emulator.url);
  const loads = await loadNetwork(client, roster, { ...options, cache });
  expect(states(loads)).toEqual(['loaded', 'loaded', 'not-opted-in', 'unavailable:no-access', 'unavailable:not-found']);
  const inner = sent.flatMap((request) => request.inner);
  const registerReads = inner.filter((url) => url.includes('/items/delta'));
  // Practices 1 and 2 by their deltaLinks (token); 3's register is not asked for.
  expect(registerReads).toHaveLength(2);
  expect(registerReads.every((url) => /[?&]token=/.test(url))).toBe(true);
  expect(inner.some((url) => url.includes(bench(3).listId))).toBe(false);
  // 4 and 5 (failed, so not cached) are looked up again in the same wave, and end there.
  expect(sequentialRoundTrips(sent)).toBe(1);
  const [first, second] = loads;
  if (first?.state !== 'loaded' || second?.state !== 'loaded') throw new Error('unexpected states');
  expect(byId(first.entries)).toEqual(byId(await registerOf(1).list()));
  expect(first.entries.map((stored) => stored.id)).toContain(added.id);
  expect(second.entries.map((stored) => stored.id)).not.toContain(removed.id);

  // With only cached practices on the roster, the whole load is one round trip.
  const warm = appClient(emulator.url);
  await loadNetwork(warm.client, roster.slice(0, 3), { ...options, cache });
  expect(sequentialRoundTrips(warm.sent)).toBe(1);
});

it('opting in is seen on the next warm load (one more round trip for that practice); withdrawing drops its register from the cache', async () => {
  const cache = new MapCache();
  const admin = appClient(emulator.url).client;
  await loadNetwork(admin, roster.slice(0, 3), { ...options, cache });
  await writeMembership(admin, bench(3).siteId, membershipFor(options.networkSiteId, 'joined'));
  try {
    const { client, sent } = appClient(emulator.url);
    const loads = await loadNetwork(client, roster.slice(0, 3), { ...options, cache });
    expect(states(loads)).toEqual(['loaded', 'loaded', 'loaded']);
    expect(sequentialRoundTrips(sent)).toBe(2);
    expect(cache.get(bench(3).siteId)?.entries).toHaveLength(30);

    await writeMembership(admin, bench(3).siteId, membershipFor(options.networkSiteId, 'withdrawn'));
    const after = await loadNetwork(client, roster.slice(0, 3), { ...options, cache });
    expect(states(after)).toEqual(['loaded', 'loaded', 'not-opted-in']);
    expect(after[2]).toMatchObject({ state: 'not-opted-in', membership: { state: 'withdrawn' } });
    expect(cache.get(bench(3).siteId)).toMatchObject({ deltaLink: '', entries: [] });

    // The next load asks the practice that withdrew for its setting only.
    const next = appClient(emulator.url);
    expect(states(await loadNetwork(next.client, roster.slice(0, 3), { ...options, cache }))).toEqual(['loaded', 'loaded', 'not-opted-in']);
    await onlyListsAndSetting(next.sent, 3);
  } finally {
    await writeMembership(admin, bench(3).siteId, membershipFor(bench(5).siteId, 'joined'));
  }
});

it('an expired delta link (410) reloads that practice in full; stale cached list ids are looked up again', async () => {
  const cache = new MapCache();
  await loadNetwork(appClient(emulator.url).client, roster.slice(0, 2), { ...options, cache });
  const expired = await fetch(`${emulator.url}/emulator/delta/expire`, { method: 'POST' });
  expect(expired.status).toBe(204);
  cache.set(bench(2).siteId, { ...cache.get(bench(2).siteId)!, registerListId: randomUUID(), settingsListId: randomUUID(), deltaLink: `${emulator.url}/v1.0/sites/${bench(2).siteId}/lists/${randomUUID()}/items/delta?token=x` });

  const { client, sent } = appClient(emulator.url);
  const loads = await loadNetwork(client, roster.slice(0, 2), { ...options, cache });
  expect(states(loads)).toEqual(['loaded', 'loaded']);
  for (const [index, n] of [[0, 1], [1, 2]] as const) {
    const load = loads[index]!;
    if (load.state !== 'loaded') throw new Error('not loaded');
    expect(byId(load.entries)).toEqual(byId(await registerOf(n).list()));
  }
  expect(sent.some((request) => request.method === 'GET' && /\/items\/delta\?/.test(request.path) && !request.path.includes('token='))).toBe(true);
  expect(cache.get(bench(2).siteId)?.registerListId).toBe(bench(2).listId);
  expect(cache.get(bench(1).siteId)?.deltaLink).toMatch(/token=/);
});

it("a throttled practice is retried once after its own Retry-After; throttled again it is unavailable and the others still load", async () => {
  const path = `/lists/${bench(1).listId}/items/delta$`;
  emulator.faults.add({ method: 'GET', path, status: 429, retryAfter: 7, times: 1 });
  const once = appClient(emulator.url);
  expect(states(await loadNetwork(once.client, roster.slice(0, 2), options))).toEqual(['loaded', 'loaded']);
  expect(once.waits).toEqual([7000]);

  emulator.faults.add({ method: 'GET', path, status: 429, retryAfter: 3, times: 2 });
  emulator.faults.add({ method: 'GET', path: `/sites/${bench(3).siteId}/lists$`, status: 500, times: 1 });
  const twice = appClient(emulator.url);
  const loads = await loadNetwork(twice.client, roster.slice(0, 3), options);
  expect(states(loads)).toEqual(['unavailable:throttled', 'loaded', 'unavailable:failed']);
  expect(twice.waits).toEqual([3000]);
});

it('loadPractice retries one practice with the same cache', async () => {
  const cache = new MapCache();
  const { client } = appClient(emulator.url);
  const load = await loadPractice(client, roster[1]!, { ...options, cache });
  expect(load.state).toBe('loaded');
  expect(cache.get(bench(2).siteId)?.deltaLink).toMatch(/token=/);
  expect((await loadPractice(client, roster[3]!, options)).state).toBe('unavailable');
});
