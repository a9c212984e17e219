/** The batched start-up reads and the register's delta query, against the emulator over HTTP. */
import { randomUUID } from 'node:crypto';
import { emptyEntry, type StoredEntry } from '../../src/domain';
import {
  applyRegisterDelta,
  isResyncRequired,
  loadMeAndTeams,
  loadRegisterSnapshot,
  loadTeamRegister,
  openRegisterStore,
  readRegisterDelta,
} from '../../src/graph';
import { DEMO, startTestEmulator, type RunningEmulator } from '../support/emulator';
import { recordedClient } from './graphClient';

const LOCATION = { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId };
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

const byId = (entries: readonly StoredEntry[]) => [...entries].sort((a, b) => Number(a.id) - Number(b.id));

it('finds the user, team, site, members, list and every entry in two $batch round trips', async () => {
  const { client, events } = recordedClient(emulator.url);
  const store = openRegisterStore(client, LOCATION);
  await store.create({ ...emptyEntry(), title: 'Startup batch entry', dataTypes: ['none'] }, randomUUID());
  const expected = await store.list();
  events.length = 0;

  const { me, teams } = await loadMeAndTeams(client);
  const team = teams.find((candidate) => candidate.id === DEMO.team.id);
  expect(me.userPrincipalName).toBe(DEMO.manager.upn);
  expect(team).toBeDefined();
  const loaded = await loadTeamRegister(client, DEMO.team.id);

  expect(events).toEqual(['POST /v1.0/$batch', 'POST /v1.0/$batch']);
  expect(loaded.site.id).toBe(DEMO.site.id);
  expect(loaded.listId).toBe(DEMO.registerListId);
  expect(loaded.members.some((member) => member.userId === DEMO.manager.id && member.roles.includes('owner'))).toBe(true);
  expect(byId(loaded.snapshot?.entries ?? [])).toEqual(byId(expected));
  expect(loaded.snapshot?.deltaLink).toMatch(/\/items\/delta\?/);
});

it('a throttled inner request is sent again on its own after Retry-After, and the load succeeds', async () => {
  const { client, events, waits } = recordedClient(emulator.url);
  emulator.faults.add({ method: 'GET', path: '/lists/[^/]+/items$', status: 429, retryAfter: 2, times: 1 });
  const loaded = await loadTeamRegister(client, DEMO.team.id);
  expect(loaded.snapshot?.entries.length).toBeGreaterThan(0);
  expect(events.filter((event) => event.startsWith('POST'))).toHaveLength(1);
  expect(events.some((event) => /^GET \/v1\.0\/groups\/.+\/items\?/.test(event))).toBe(true);
  expect(waits).toEqual([2000]);
  // The single re-send came after the wait, never before it.
  expect(events.indexOf('sleep 2000')).toBeLessThan(events.findIndex((event) => /^GET \/v1\.0\/groups\/.+\/items\?/.test(event)));
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
