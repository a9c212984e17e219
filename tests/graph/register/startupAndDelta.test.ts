/** The batched start-up reads and the register's delta query, against the emulator over HTTP. */
import { randomUUID } from 'node:crypto';
import { emptyEntry, type StoredEntry } from '../../../src/domain';
import {
  applyRegisterDelta,
  isResyncRequired,
  loadMeAndTeams,
  loadRegisterSnapshot,
  loadKnownRegister,
  loadTeamSiteRegister,
  openRegisterStore,
  readRegisterDelta,
} from '../../../src/graph';
import { DEMO, startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { recordedClient } from '../graphClient';

const LOCATION = { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId };
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

const byId = (entries: readonly StoredEntry[]) => [...entries].sort((a, b) => Number(a.id) - Number(b.id));

it('with the ids known, one $batch gives me, the members, every entry and a deltaLink (one round trip)', async () => {
  const { client, events } = recordedClient(emulator.url);
  const store = openRegisterStore(client, LOCATION);
  await store.create({ ...emptyEntry(), title: 'Startup batch entry', dataTypes: ['none'] }, randomUUID());
  const expected = await store.list();
  events.length = 0;

  const loaded = await loadKnownRegister(client, LOCATION);

  expect(events).toEqual(['POST /v1.0/$batch']);
  expect(loaded.me.userPrincipalName).toBe(DEMO.manager.upn);
  expect(loaded.team).toEqual({ id: DEMO.team.id, displayName: DEMO.team.displayName });
  expect(loaded.members.some((member) => member.userId === DEMO.manager.id && member.roles.includes('owner'))).toBe(true);
  expect(byId(loaded.snapshot.entries)).toEqual(byId(expected));
  expect(loaded.snapshot.deltaLink).toMatch(/\/items\/delta\?/);
});

it('a plain browser without ids finds the user and their teams in one $batch', async () => {
  const { client, events } = recordedClient(emulator.url);
  const { me, teams } = await loadMeAndTeams(client);
  expect(events).toEqual(['POST /v1.0/$batch']);
  expect(me.userPrincipalName).toBe(DEMO.manager.upn);
  expect(teams).toContainEqual({ id: DEMO.team.id, displayName: DEMO.team.displayName });
});

it('first open from the Teams context: the site by its URL and the lists by title in one batch, the entries in a second', async () => {
  const { client, events } = recordedClient(emulator.url);
  const found = await loadTeamSiteRegister(client, DEMO.team.id, DEMO.site.webUrl);
  expect(found.site.id).toBe(DEMO.site.id);
  expect(found.listId).toBe(DEMO.registerListId);
  const snapshot = await loadRegisterSnapshot(client, { siteId: found.site.id, listId: found.listId ?? '' });
  expect(snapshot.entries.length).toBeGreaterThan(0);
  expect(events.filter((event) => !event.startsWith('sleep'))).toEqual(['POST /v1.0/$batch', expect.stringMatching(/^GET \/v1\.0\/sites\/[^/]+\/lists\/[^/]+\/items\/delta\?/)]);
  // Every request addressed the site by id or by its documented path, never through the group.
  expect(events.some((event) => event.includes('/groups/'))).toBe(false);
});

it('a throttled inner request is sent again on its own after its Retry-After, and the load succeeds', async () => {
  const { client, events, waits } = recordedClient(emulator.url);
  emulator.faults.add({ method: 'GET', path: '/items/delta$', status: 429, retryAfter: 2, times: 1 });
  const loaded = await loadKnownRegister(client, LOCATION);
  expect(loaded.snapshot.entries.length).toBeGreaterThan(0);
  expect(events.filter((event) => event.startsWith('POST'))).toHaveLength(1);
  const resend = events.findIndex((event) => /^GET \/v1\.0\/sites\/.+\/items\/delta\?/.test(event));
  expect(resend).toBeGreaterThan(0);
  expect(waits).toEqual([2000]);
  // The single re-send came after the wait, never before it.
  expect(events.indexOf('sleep 2000')).toBeLessThan(resend);
});

it('a shuffled batch never loses a change made while the register loads', async () => {
  const { client } = recordedClient(emulator.url);
  const writer = recordedClient(emulator.url).client;
  const store = openRegisterStore(writer, LOCATION);
  for (let round = 0; round < 8; round += 1) {
    const target = await store.create({ ...emptyEntry(), title: `Race ${round}`, dataTypes: ['none'] }, randomUUID());
    // The change races the start-up batch: before, during or after Graph answers its requests in whatever order.
    const [loaded] = await Promise.all([loadKnownRegister(client, LOCATION), store.update(target.id, target.eTag, { ...target.entry, notes: `changed in round ${round}` })]);
    const delta = await readRegisterDelta(client, loaded.snapshot.deltaLink);
    const local = applyRegisterDelta(loaded.snapshot.entries, delta);
    expect(local.find((stored) => stored.id === target.id)?.entry.notes).toBe(`changed in round ${round}`);
    expect(byId(local)).toEqual(byId(await store.list()));
  }
});

it('the delta query brings a snapshot up to date: created, changed and deleted entries', async () => {
  const { client } = recordedClient(emulator.url);
  const store = openRegisterStore(client, LOCATION);
  const doomed = await store.create({ ...emptyEntry(), title: 'Delta doomed', dataTypes: ['none'] }, randomUUID());
  const changed = await store.create({ ...emptyEntry(), title: 'Delta changed', dataTypes: ['none'] }, randomUUID());
  const snapshot = await loadRegisterSnapshot(client, LOCATION);

  await store.update(changed.id, changed.eTag, { ...changed.entry, notes: 'changed after the snapshot' });
  await store.delete(doomed.id, doomed.eTag);
  const added = await store.create({ ...emptyEntry(), title: 'Delta added', dataTypes: ['none'] }, randomUUID());

  const delta = await readRegisterDelta(client, snapshot.deltaLink);
  expect(delta.deletedIds).toEqual([doomed.id]);
  expect(delta.changed.map((stored) => stored.id).sort()).toEqual([changed.id, added.id].sort());
  expect(byId(applyRegisterDelta(snapshot.entries, delta))).toEqual(byId(await store.list()));

  const none = await readRegisterDelta(client, delta.deltaLink);
  expect(none.changed).toEqual([]);
  expect(none.deletedIds).toEqual([]);
});

it('an unknown or expired delta link is a 410 that asks for a full reload', async () => {
  const { client } = recordedClient(emulator.url);
  const snapshot = await loadRegisterSnapshot(client, LOCATION);
  const broken = snapshot.deltaLink.replace(/token=[^&]+/, 'token=bm90LWEtdG9rZW4');
  const error = await readRegisterDelta(client, broken).catch((e: unknown) => e);
  expect(isResyncRequired(error)).toBe(true);
});
