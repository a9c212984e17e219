/** The unattended reminder run against the emulator: never twice, leases, throttling, failures, dry run. */
import { startTestEmulator, type RunningEmulator } from '../support/emulator';
import { BASE_TIME, channelMessages, harness, LEASE_MS, notifications } from './harness';

let emulator: RunningEmulator;

beforeEach(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
});
afterEach(async () => {
  await emulator.close();
});

test('two runs in a row post exactly one digest and notify each owner once', async () => {
  const h = await harness(emulator.url);
  const first = await h.run();
  const second = await h.run({ at: new Date(BASE_TIME.getTime() + 60_000) });
  expect(first.outcomes[0]).toMatchObject({ status: 'posted', notifications: expect.any(Number) });
  expect(first.outcomes[0]?.posted).toBeGreaterThan(5);
  expect(second.outcomes[0]).toMatchObject({ status: 'nothing-new', posted: 0, notifications: 0 });
  expect(await channelMessages(emulator.url)).toHaveLength(1);
  const sent = await notifications(emulator.url);
  expect(sent.length).toBe(first.notifications);
  expect(new Set(sent.map((n) => `${n.recipientUserId}|${n.topic.webUrl}|${n.activityType}|${n.previewText}`)).size).toBe(sent.length);
});

test('two overlapping runs post one digest: the second finds the lease held', async () => {
  const h = await harness(emulator.url);
  const [a, b] = await Promise.all([h.run({ runId: 'run-a' }), h.run({ runId: 'run-b' })]);
  const statuses = [a.outcomes[0]?.status, b.outcomes[0]?.status].sort();
  expect(statuses).toEqual(['lease-held', 'posted']);
  expect(await channelMessages(emulator.url)).toHaveLength(1);
});

test('a 429 on the channel post waits for Retry-After, then posts once', async () => {
  const h = await harness(emulator.url);
  emulator.faults.add({ method: 'POST', path: '/botframework/v3/conversations$', status: 429, retryAfter: 7, times: 2 });
  const summary = await h.run();
  expect(summary.posts).toBe(1);
  expect(h.sleeps).toEqual([7000, 7000]);
  expect(await channelMessages(emulator.url)).toHaveLength(1);
});

test('persistent 503 from SharePoint: no posts and a clear failure, then the next run catches up', async () => {
  const h = await harness(emulator.url);
  emulator.faults.add({ path: '/sites/', status: 503, retryAfter: 30 });
  const summary = await h.run();
  expect(summary.failed).toBe(1);
  expect(summary.outcomes[0]?.error).toMatch(/unavailable/i);
  expect(h.sleeps.every((ms) => ms === 30_000)).toBe(true);
  expect(await channelMessages(emulator.url)).toHaveLength(0);
  emulator.faults.clear();
  expect((await h.run({ at: new Date(BASE_TIME.getTime() + LEASE_MS) })).posts).toBe(1);
});

test('an ambiguous post failure is not retried; the next run posts the claimed reminders again', async () => {
  const h = await harness(emulator.url);
  emulator.faults.add({ method: 'POST', path: '/botframework/', status: 504, afterCommit: true, times: 1 });
  const first = await h.run();
  expect(first.outcomes[0]?.status).toBe('failed');
  expect(await channelMessages(emulator.url)).toHaveLength(1);
  const second = await h.run({ at: new Date(BASE_TIME.getTime() + 60_000) });
  expect(second.posts).toBe(1);
  expect(await channelMessages(emulator.url)).toHaveLength(2);
});

test("one practice's site unavailable: the others are still reminded", async () => {
  const h = await harness(emulator.url);
  const demo = h.practices[0]!;
  const broken = { ...demo, teamId: '00000000-0000-4000-8000-00000000dead', name: 'Broken practice', siteId: 'emulator.sharepoint.com,dead,dead' };
  emulator.faults.add({ path: 'dead', status: 503, retryAfter: 1 });
  const summary = await h.run({ practices: [broken, demo] });
  expect(summary.outcomes.map((o) => o.status)).toEqual(['failed', 'posted']);
  expect(await channelMessages(emulator.url)).toHaveLength(1);
});

test('--dry-run posts, claims and notifies nothing', async () => {
  const h = await harness(emulator.url);
  const summary = await h.run({ dryRun: true });
  expect(summary.outcomes[0]).toMatchObject({ status: 'dry-run', posted: 0 });
  expect(summary.outcomes[0]?.notifications).toBeGreaterThan(0);
  expect(await channelMessages(emulator.url)).toHaveLength(0);
  expect(await notifications(emulator.url)).toHaveLength(0);
  expect((await h.run()).posts).toBe(1);
});
