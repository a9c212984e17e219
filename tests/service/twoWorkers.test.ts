/**
 * Scale-out: two service processes (workers) share the practices through the lease table in one
 * Azurite, each starting its round at a different place. Every practice gets exactly one digest,
 * none is missed, and neither worker reports a failure; the next round posts nothing new.
 */
import { startTestEmulator, DEMO, type RunningEmulator } from '../support/emulator';
import { BASE_TIME, closeHarnesses, harness, install, sharedAzurite, stopSharedAzurite } from './harness';

const PRACTICES = 12;
let emulator: RunningEmulator;
beforeAll(() => sharedAzurite());
afterAll(() => stopSharedAzurite());
beforeEach(async () => {
  emulator = await startTestEmulator({ directorySize: 20, benchPractices: { count: PRACTICES, entriesPerPractice: 20 } });
});
afterEach(async () => {
  await closeHarnesses();
  await emulator.close();
});

async function botMessages(teamId: string, channelId: string): Promise<number> {
  const response = await fetch(`${emulator.url}/emulator/channel/messages?teamId=${encodeURIComponent(teamId)}&channelId=${encodeURIComponent(channelId)}`);
  const body = (await response.json()) as { value: Array<{ from: { application: unknown } }> };
  return body.value.filter((m) => m.from.application).length;
}

test('two workers on one store: one digest per practice, none missed, no failures; the next round posts nothing', async () => {
  const a = await harness(emulator.url);
  for (const practice of emulator.benchPractices) {
    expect((await install(emulator.url, practice.teamId, { channelId: practice.channelId })).status).toBe(201);
    await a.stores.installations.rememberLists(practice.teamId, practice.siteId, practice.listId);
  }
  const b = await harness(emulator.url, { install: false, tables: a.tables });
  const options = { concurrency: 3, shareWindowMs: 30 * 60_000 };
  const [ra, rb] = await Promise.all([a.run({ runId: 'worker-a', options }), b.run({ runId: 'worker-b', options })]);
  const total = PRACTICES + 1;
  expect(ra.failed).toEqual([]);
  expect(rb.failed).toEqual([]);
  expect(ra.posted + rb.posted).toBe(total);
  expect(ra.posted).toBeGreaterThan(0);
  expect(rb.posted).toBeGreaterThan(0);
  for (const skip of [...ra.skipped, ...rb.skipped]) expect(skip.reason).toMatch(/^(lease held by run worker-[ab]|done by another worker)/);
  const channels = [{ teamId: DEMO.team.id, channelId: DEMO.channel.id }, ...emulator.benchPractices.map((p) => ({ teamId: p.teamId, channelId: p.channelId }))];
  const counts = await Promise.all(channels.map((c) => botMessages(c.teamId, c.channelId)));
  expect(counts).toEqual(channels.map(() => 1));
  console.log(`two workers: ${total} practices; worker a posted ${ra.posted}, worker b ${rb.posted}; skipped ${ra.skipped.length + rb.skipped.length}; digests per practice ${[...new Set(counts)].join(',')}`);

  const later = new Date(BASE_TIME.getTime() + 60 * 60_000);
  const [na, nb] = await Promise.all([a.run({ runId: 'worker-a-2', at: later, options }), b.run({ runId: 'worker-b-2', at: later, options })]);
  expect(na.posted + nb.posted).toBe(0);
  expect([...na.failed, ...nb.failed]).toEqual([]);
  expect(await Promise.all(channels.map((c) => botMessages(c.teamId, c.channelId)))).toEqual(channels.map(() => 1));
});
