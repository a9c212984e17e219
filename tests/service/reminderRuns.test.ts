/**
 * The unattended reminder run against the emulator, with its state in Azurite: install -> recorded
 * -> exactly one digest; uninstall -> skipped; leases (overlap, expiry, stuck); throttling; failures;
 * dry run; a member editing SharePoint cannot stop a reminder.
 */
import { createGraphClient } from '../../src/graph';
import { startTestEmulator, tokenSourceFor, DEMO, type RunningEmulator } from '../support/emulator';
import { BASE_TIME, channelMessages, control, harness, LEASE_MS, notifications, sharedAzurite, stopSharedAzurite, type Harness } from './harness';

let emulator: RunningEmulator;
let h: Harness | null = null;

beforeAll(() => sharedAzurite());
afterAll(() => stopSharedAzurite());
beforeEach(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
});
afterEach(async () => {
  await h?.close();
  h = null;
  await emulator.close();
});

const later = (ms: number) => new Date(BASE_TIME.getTime() + ms);

test('install -> the practice is recorded -> one run posts exactly one digest, a second run posts nothing', async () => {
  h = await harness(emulator.url);
  const recorded = await h.stores.installations.list();
  expect(recorded).toEqual([expect.objectContaining({ teamId: DEMO.team.id, teamName: DEMO.team.displayName, channelId: DEMO.channel.id, installedBy: DEMO.manager.id, status: 'installed' })]);
  expect(recorded[0]?.serviceUrl).toBe(`${emulator.url}/emulator/botframework`);
  const first = await h.run();
  const second = await h.run({ at: later(60_000) });
  expect(first).toMatchObject({ practicesSeen: 1, posted: 1, failed: [], exitCode: 0 });
  expect(first.outcomes[0]?.posted).toBeGreaterThan(5);
  expect(second).toMatchObject({ posted: 0, nothingNew: 1, notificationsSent: 0, exitCode: 0 });
  expect(await channelMessages(emulator.url)).toHaveLength(1);
  const sent = await notifications(emulator.url);
  expect(sent.length).toBe(first.notificationsSent);
  expect(new Set(sent.map((n) => `${n.recipientUserId}|${n.topic.webUrl}|${n.activityType}|${n.previewText}`)).size).toBe(sent.length);
});

test('uninstall -> the next run skips the practice and posts nothing', async () => {
  h = await harness(emulator.url);
  const removed = await control(emulator.url, 'DELETE', `/emulator/teams/${DEMO.team.id}/installedApps/${'0d5e6f70-1a2b-4c3d-8e9f-00000000b07a'}`);
  expect((removed.body.delivery as { status: number }).status).toBe(200);
  const run = await h.run();
  expect(run).toMatchObject({ practicesSeen: 1, posted: 0, failed: [], skipped: [expect.objectContaining({ teamId: DEMO.team.id, reason: expect.stringMatching(/uninstalled/) })] });
  expect(await channelMessages(emulator.url)).toHaveLength(0);
});

test('renamed team: the record keeps the new name; the digest carries it', async () => {
  h = await harness(emulator.url);
  await control(emulator.url, 'PATCH', `/emulator/teams/${DEMO.team.id}`, { displayName: 'Riverside Health Centre' });
  expect((await h.stores.installations.get(DEMO.team.id))?.teamName).toBe('Riverside Health Centre');
  expect((await h.run()).posted).toBe(1);
  expect(JSON.stringify(h.cards[0])).toContain('Riverside Health Centre');
});

test('a bot removed behind the service\'s back (BotNotInConversationRoster): installation marked removed, the run goes on', async () => {
  h = await harness(emulator.url);
  // Teams removed the app but the uninstall activity never arrived (the bot was down).
  await control(emulator.url, 'PUT', '/emulator/teams/bot-endpoint', { url: null });
  await control(emulator.url, 'DELETE', `/emulator/teams/${DEMO.team.id}/installedApps/0d5e6f70-1a2b-4c3d-8e9f-00000000b07a`);
  const run = await h.run();
  expect(run).toMatchObject({ failed: [], exitCode: 0, skipped: [expect.objectContaining({ reason: expect.stringMatching(/BotNotInConversationRoster/) })] });
  expect((await h.stores.installations.get(DEMO.team.id))?.status).toBe('removed');
});

test('two overlapping runs post one digest: the second finds the lease held', async () => {
  h = await harness(emulator.url);
  const [a, b] = await Promise.all([h.run({ runId: 'run-a' }), h.run({ runId: 'run-b' })]);
  expect([a.posted, b.posted].sort()).toEqual([0, 1]);
  expect([...a.skipped, ...b.skipped]).toEqual([expect.objectContaining({ reason: expect.stringMatching(/^lease held by run run-[ab]/) })]);
  expect(await channelMessages(emulator.url)).toHaveLength(1);
});

test('an expired lease is taken over and logged; a lease held past two runs fails the run', async () => {
  h = await harness(emulator.url);
  // A worker that took the lease and hung.
  await h.stores.leases.take(DEMO.team.id, 'hung-worker', BASE_TIME, LEASE_MS, null);
  const once = await h.run({ at: later(60_000) });
  expect(once).toMatchObject({ posted: 0, exitCode: 0, skipped: [expect.objectContaining({ reason: expect.stringMatching(/lease held by run hung-worker/) })] });
  const twice = await h.run({ at: later(120_000) });
  expect(twice).toMatchObject({ posted: 0, exitCode: 1, failed: [expect.objectContaining({ reason: expect.stringMatching(/skipped 2 runs in a row/) })] });
  const after = await h.run({ at: later(LEASE_MS + 1_000) });
  expect(after).toMatchObject({ posted: 1, exitCode: 0 });
  expect(h.logs.some((line) => /took over the lease of run hung-worker/.test(line))).toBe(true);
});

test('a member editing SharePoint cannot stop a reminder: the ledger and lease are not in the site', async () => {
  h = await harness(emulator.url);
  const member = createGraphClient({ baseUrl: emulator.url, tokenSource: tokenSourceFor(emulator.url, DEMO.staff.upn) });
  const lists = (await member.api(`/sites/${DEMO.site.id}/lists?$select=id,displayName`).get()) as { value: Array<{ displayName: string }> };
  expect(lists.value.map((l) => l.displayName)).not.toContain('Digital Services Reminder Ledger');
  // Nothing a member can write in the site reaches the service's lease: the run posts.
  const run = await h.run();
  expect(run).toMatchObject({ posted: 1, exitCode: 0 });
});

test('a 429 on the channel post waits for Retry-After, then posts once', async () => {
  h = await harness(emulator.url);
  emulator.faults.add({ method: 'POST', path: '/botframework/v3/conversations$', status: 429, retryAfter: 7, times: 2 });
  const run = await h.run();
  expect(run.posted).toBe(1);
  expect(h.sleeps).toEqual([7000, 7000]);
  expect(await channelMessages(emulator.url)).toHaveLength(1);
});

test('a 429 on the channel post without Retry-After backs off by the one retry policy (5 s floor, growing, jittered), then posts once', async () => {
  h = await harness(emulator.url);
  emulator.faults.add({ method: 'POST', path: '/botframework/v3/conversations$', status: 429, times: 2 });
  const run = await h.run();
  expect(run.posted).toBe(1);
  // The Graph layer's backoffMs: 5 s then 10 s, each plus up to a quarter of jitter.
  expect(h.sleeps).toHaveLength(2);
  expect(h.sleeps[0]).toBeGreaterThanOrEqual(5000);
  expect(h.sleeps[0]).toBeLessThanOrEqual(6250);
  expect(h.sleeps[1]).toBeGreaterThanOrEqual(10_000);
  expect(h.sleeps[1]).toBeLessThanOrEqual(12_500);
  expect(await channelMessages(emulator.url)).toHaveLength(1);
});

test('persistent 503 from SharePoint: no posts and a clear failure, then the next run catches up', async () => {
  h = await harness(emulator.url);
  emulator.faults.add({ path: '/sites/', status: 503, retryAfter: 30 });
  const run = await h.run();
  expect(run.exitCode).toBe(1);
  expect(run.failed[0]?.reason).toMatch(/unavailable/i);
  expect(h.sleeps.every((ms) => ms === 30_000)).toBe(true);
  expect(await channelMessages(emulator.url)).toHaveLength(0);
  emulator.faults.clear();
  expect((await h.run({ at: later(60_000) })).posted).toBe(1);
});

test('an ambiguous post failure is not retried; the next run posts the claimed reminders again', async () => {
  h = await harness(emulator.url);
  emulator.faults.add({ method: 'POST', path: '/botframework/', status: 504, afterCommit: true, times: 1 });
  const first = await h.run();
  expect(first.failed).toHaveLength(1);
  expect(await channelMessages(emulator.url)).toHaveLength(1);
  const second = await h.run({ at: later(60_000) });
  expect(second.posted).toBe(1);
  expect(await channelMessages(emulator.url)).toHaveLength(2);
});

test('one failed activity notification neither fails the practice nor re-sends the others', async () => {
  h = await harness(emulator.url);
  emulator.faults.add({ method: 'POST', path: '/sendActivityNotification$', status: 502, times: 1 });
  const first = await h.run();
  expect(first).toMatchObject({ posted: 1, failed: [], notificationsFailed: 1, exitCode: 0 });
  const sentFirst = (await notifications(emulator.url)).length;
  expect(sentFirst).toBe(first.notificationsSent);
  const second = await h.run({ at: later(60_000) });
  expect(second).toMatchObject({ posted: 0, notificationsSent: 0 });
  expect(await notifications(emulator.url)).toHaveLength(sentFirst);
});

test('--dry-run writes nothing: no post, no notification, no ledger record, no lease', async () => {
  h = await harness(emulator.url);
  const run = await h.run({ dryRun: true });
  expect(run).toMatchObject({ dryRun: true, posted: 0, nothingNew: 1 });
  expect(run.outcomes[0]?.notifications).toBeGreaterThan(0);
  expect(await channelMessages(emulator.url)).toHaveLength(0);
  expect(await notifications(emulator.url)).toHaveLength(0);
  expect(await h.stores.ledger.recent(DEMO.team.id, '2000-01-01T00:00:00Z')).toEqual([]);
  const leases = [];
  for await (const entity of h.tables.leases.listEntities()) leases.push(entity);
  expect(leases).toEqual([]);
  expect((await h.run()).posted).toBe(1);
});
