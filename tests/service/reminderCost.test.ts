/**
 * What a reminder pass costs in SharePoint resource units, counted by the emulator's accounting
 * (SharePoint's rules: 1 per single-item read, 2 per query or write), now that the ledger and the
 * lease are in Table Storage: the practice's site is only read. And the pacer holding a real pass
 * to its budget.
 */
import { createGraphClient } from '../../src/graph';
import { paceSharePoint, ResourceUnitPacer } from '../../src/service/ruPacer';
import { startTestEmulator, type RunningEmulator } from '../support/emulator';
import { BASE_TIME, closeHarnesses, harness, install, sharedAzurite, stopSharedAzurite, type Harness } from './harness';

/**
 * The register query (2) and the audit log for the digest's "Changes for a manager to review":
 * these bench registers have no settings list, so each pass looks for it in the site's lists (a
 * query, 2); a register set up by the tab has one, remembered, and its audit query costs the same 2.
 * The site and register were recorded once when the site was registered.
 */
const FIRST_PASS_RU = 4;
const REPEAT_RU = 4;
const PRACTICES = 4;

let emulator: RunningEmulator;
beforeAll(() => sharedAzurite());
afterAll(() => stopSharedAzurite());
beforeEach(async () => {
  emulator = await startTestEmulator({ directorySize: 20, benchPractices: { count: PRACTICES, entriesPerPractice: 60 } });
});
afterEach(async () => {
  await closeHarnesses();
  await emulator.close();
});

/** A harness with every bench practice installed through Teams' activity (and the demo practice not). */
async function benchHarness(): Promise<Harness> {
  const h = await harness(emulator.url, { install: false });
  for (const practice of emulator.benchPractices) {
    const installed = await install(emulator.url, practice.teamId, { channelId: practice.channelId });
    expect(installed.status).toBe(201);
    await h.stores.installations.rememberLists(practice.teamId, practice.siteId, practice.listId);
  }
  return h;
}

test(`a first pass costs ${FIRST_PASS_RU} resource units per practice of 60 entries, a repeat ${REPEAT_RU}, and writes nothing in SharePoint`, async () => {
  const h = await benchHarness();
  emulator.accounting.reset();
  const first = await h.run({ options: { concurrency: 4 } });
  const firstUnits = emulator.accounting.snapshot().resourceUnits;
  emulator.accounting.reset();
  const again = await h.run({ at: new Date(BASE_TIME.getTime() + 60_000), options: { concurrency: 4 } });
  const againUnits = emulator.accounting.snapshot().resourceUnits;
  console.log(`first pass: ${PRACTICES} practices, ${first.outcomes.reduce((s, o) => s + o.posted, 0)} reminders, ${firstUnits / PRACTICES} RU per practice; same-day repeat: ${againUnits / PRACTICES} RU per practice`);
  expect(first.outcomes.every((o) => o.status === 'posted' && o.posted > 15)).toBe(true);
  expect(firstUnits).toBe(FIRST_PASS_RU * PRACTICES);
  expect(again.outcomes.every((o) => o.status === 'nothing-new')).toBe(true);
  expect(againUnits).toBe(REPEAT_RU * PRACTICES);
});

test('with the pacer, every SharePoint call draws what the emulator counts, at the paced rate; the report states the units', async () => {
  const h = await benchHarness();
  let now = BASE_TIME.getTime();
  const pacer = new ResourceUnitPacer({ unitsPerMinute: 6, burst: 2, now: () => now, sleep: async (ms) => void (now += ms) });
  const graph = createGraphClient({ baseUrl: emulator.url, tokenSource: h.tokenSource, beforeAttempt: paceSharePoint(pacer) });
  emulator.accounting.reset();
  const { runReminders } = await import('../../src/service/runReminders');
  const { DEFAULT_OPTIONS } = await import('./harness');
  const report = await runReminders(
    { graph, stores: h.stores, now: () => new Date(now), log: () => undefined, postCard: async () => ({ activityId: 'posted' }), unitsUsed: () => pacer.stats().units },
    DEFAULT_OPTIONS,
  );
  const counted = emulator.accounting.snapshot().resourceUnits;
  expect(report.posted).toBe(PRACTICES);
  expect(report.resourceUnits).toBe(counted);
  expect(pacer.stats().units).toBe(counted);
  // 6 a minute less the 2-unit burst: the pass took as long on the paced clock as its units need.
  expect((now - BASE_TIME.getTime()) / 60_000).toBeGreaterThanOrEqual((counted - 2) / 4 - 0.01);
});
