/**
 * The ledger table (parts, ETags, retention), the run report's warnings and unchecked items, and the
 * one-command migration from a practice's old SharePoint ledger list.
 */
import { createGraphClient } from '../../src/graph';
import { loadServiceConfig } from '../../src/service/config';
import { migrateLedgers } from '../../src/service/migrateLedger';
import { certificateWarning } from '../../src/service/report';
import { KEYS_MAX_CHARS } from '../../src/service/store/ledger';
import type { OpenStores } from '../../src/service/store/openStores';
import { DEMO, startTestEmulator, type RunningEmulator } from '../support/emulator';
import { BASE_TIME, channelMessages, closeHarnesses, control, freshTables, harness, install, sharedAzurite, stopSharedAzurite } from './harness';

let emulator: RunningEmulator;
beforeAll(() => sharedAzurite());
afterAll(() => stopSharedAzurite());
beforeEach(async () => {
  emulator = await startTestEmulator({ directorySize: 20, benchPractices: { count: 1, entriesPerPractice: 30 } });
});
afterEach(async () => {
  await closeHarnesses();
  await emulator.close();
});

test('keys beyond one string property are split over several records and read back whole; a stale ETag is refused', async () => {
  const h = await harness(emulator.url, { install: false });
  const keys = Array.from({ length: 700 }, (_, i) => `${DEMO.team.id}|entry-${String(i).padStart(40, '0')}|review|2026-01-01|overdue|${i % 5}`);
  const claimed = await h.stores.ledger.claim(DEMO.team.id, keys, 'run-big', BASE_TIME);
  expect(claimed.length).toBe(Math.ceil(keys.join('\n').length / KEYS_MAX_CHARS));
  expect(claimed.map((r) => r.rowKey)).toEqual(claimed.map((_, i) => `digest|run-big|${i + 1}`));
  const posted = await h.stores.ledger.advance(claimed[1]!, 'posted', BASE_TIME, 'message-1');
  expect(posted?.state).toBe('posted');
  expect(await h.stores.ledger.advance(claimed[1]!, 'notified', BASE_TIME)).toBeNull();
  const recent = await h.stores.ledger.recent(DEMO.team.id, new Date(BASE_TIME.getTime() - 86_400_000).toISOString());
  expect(recent.flatMap((r) => r.keys).sort()).toEqual([...keys].sort());
});

test('records older than the retention period are pruned by the run; younger ones stay', async () => {
  const h = await harness(emulator.url);
  const daysAgo = (days: number) => new Date(BASE_TIME.getTime() - days * 86_400_000).toISOString();
  await h.stores.ledger.importRecord({ teamId: DEMO.team.id, rowKey: 'digest|old|1', keys: ['old-key'], state: 'notified', runId: 'old', claimedAt: daysAgo(401) });
  await h.stores.ledger.importRecord({ teamId: DEMO.team.id, rowKey: 'digest|kept|1', keys: ['kept-key'], state: 'notified', runId: 'kept', claimedAt: daysAgo(399) });
  expect((await h.run()).posted).toBe(1);
  const left = (await h.stores.ledger.recent(DEMO.team.id, daysAgo(1000))).map((r) => r.runId);
  expect(left).toContain('kept');
  expect(left).not.toContain('old');
  expect(h.logs.some((line) => /1 old ledger record\(s\) pruned/.test(line))).toBe(true);
});

test('TeamMember.Read.Group not consented: the digest is still posted and the report says what was not checked', async () => {
  const h = await harness(emulator.url, { install: false });
  // A tenant with group-owner consent switched off: the install grants TeamsActivity.Send.Group only.
  await install(emulator.url, DEMO.team.id, { channelId: DEMO.channel.id, installedBy: DEMO.manager.id, rsc: ['TeamsActivity.Send.Group'] });
  await h.stores.installations.rememberLists(DEMO.team.id, DEMO.site.id, DEMO.registerListId);
  const run = await h.run();
  expect(run).toMatchObject({ posted: 1, failed: [], exitCode: 0 });
  expect(run.unchecked).toEqual([expect.objectContaining({ teamId: DEMO.team.id, what: expect.stringMatching(/TeamMember\.Read\.Group/) })]);
  expect(await channelMessages(emulator.url)).toHaveLength(1);
});

test('a certificate within 30 days of expiry is reported; further off, nothing', () => {
  const now = new Date('2026-03-01T09:00:00Z');
  expect(certificateWarning(new Date('2026-03-20T00:00:00Z'), now)).toMatch(/expires in 18 day\(s\), on 2026-03-20/);
  expect(certificateWarning(new Date('2026-02-20T00:00:00Z'), now)).toMatch(/expired on 2026-02-20/);
  expect(certificateWarning(new Date('2026-06-01T00:00:00Z'), now)).toBeNull();
});

test('one command moves an old SharePoint ledger into the table; nothing already sent is sent again', async () => {
  const practice = emulator.benchPractices[0]!;
  // What a first pass sends for this practice, learnt in tables of its own.
  const learn = await harness(emulator.url, { install: false });
  await install(emulator.url, practice.teamId, { channelId: practice.channelId });
  await learn.stores.installations.rememberLists(practice.teamId, practice.siteId, practice.listId);
  expect((await learn.run()).posted).toBe(1);
  const sentKeys = (await learn.stores.ledger.recent(practice.teamId, '2000-01-01T00:00:00Z')).flatMap((r) => r.keys);
  await learn.close();

  // The old ledger list in the practice's site holds those keys (as the service used to write them).
  const graph = createGraphClient({ baseUrl: emulator.url, tokenSource: learn.tokenSource });
  const lists = (await graph.api(`/sites/${practice.siteId}/lists?$select=id,displayName`).get()) as { value: Array<{ id: string; displayName: string }> };
  const ledgerId = lists.value.find((l) => l.displayName === 'Digital Services Reminder Ledger')?.id as string;
  const items = `/sites/${practice.siteId}/lists/${ledgerId}/items`;
  await graph.api(items).post({ fields: { OccurrenceKey: 'digest|old-run|1', OccurrenceKeys: sentKeys.join('\n'), State: 'notified', ClaimedAt: BASE_TIME.toISOString(), RunId: 'old-run' } });
  await graph.api(items).post({ fields: { OccurrenceKey: 'lease', LeaseUntil: '2099-01-01T00:00:00Z', RunId: 'stuck' } });

  const h = await harness(emulator.url, { install: false, tables: await freshTables() });
  await install(emulator.url, practice.teamId, { channelId: practice.channelId });
  await h.stores.installations.rememberLists(practice.teamId, practice.siteId, practice.listId);
  const config = loadServiceConfig({ PORT: new URL(emulator.url).port }, ['--migrate-ledger']);
  const stores = { ...h.stores, tables: h.tables, description: 'test', close: async () => undefined } as OpenStores;
  const summary = await migrateLedgers(config, h.tokenSource, stores, graph);
  expect(summary).toMatchObject({ practices: 1, failed: [], migrated: [expect.objectContaining({ teamId: practice.teamId, records: 1, created: 1 })] });
  // Run again: nothing new (the lease item in the list, set to 2099, stops nothing).
  const before = (await control(emulator.url, 'GET', `/emulator/channel/messages?teamId=${practice.teamId}&channelId=${encodeURIComponent(practice.channelId)}`)).body.value as unknown[];
  const run = await h.run({ at: new Date(BASE_TIME.getTime() + 60_000) });
  expect(run).toMatchObject({ posted: 0, nothingNew: 1, failed: [] });
  const after = (await control(emulator.url, 'GET', `/emulator/channel/messages?teamId=${practice.teamId}&channelId=${encodeURIComponent(practice.channelId)}`)).body.value as unknown[];
  expect(after).toHaveLength(before.length);
  // Running the migration twice copies nothing twice.
  expect((await migrateLedgers(config, h.tokenSource, stores, graph)).migrated[0]).toMatchObject({ created: 0, existed: 1 });
});
