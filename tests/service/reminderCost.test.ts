/**
 * What a reminder pass costs in SharePoint resource units, counted by the emulator's accounting
 * (the same rules as SharePoint: 1 per single-item read, 2 per query or write), and the pacer
 * holding a real pass to its budget. Also the digest record split across several items when its
 * keys exceed one multi-line text value.
 */
import { createGraphClient } from '../../src/graph';
import { openReminderLedger } from '../../src/graph/reminderLedger';
import { emulatorAppTokenSource } from '../../src/service/appToken';
import { EMULATOR_APP_ID, LOCAL_TEAMS_APP_ID } from '../../src/service/config';
import type { Practice } from '../../src/service/practices';
import { paceSharePoint, ResourceUnitPacer } from '../../src/service/ruPacer';
import { runReminders } from '../../src/service/runReminders';
import { startTestEmulator, type RunningEmulator } from '../support/emulator';
import { BASE_TIME } from './harness';

/** The bound this suite holds the service to, for practices of 60 entries (about 21 reminders each). */
const MAX_RU_PER_PRACTICE = 20;
const PRACTICES = 4;

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startTestEmulator({ directorySize: 20, benchPractices: { count: PRACTICES, entriesPerPractice: 60 } });
});
afterEach(async () => {
  await emulator.close();
});

function benchRun(graph: ReturnType<typeof createGraphClient>, at: Date, concurrency = 4) {
  const practices: Practice[] = emulator.benchPractices.map((p) => ({ ...p, serviceUrl: `${emulator.url}/emulator/botframework/`, tenantId: 'emulator' }));
  return runReminders(
    practices,
    { graph, now: () => at, log: () => undefined, postCard: async () => ({ activityId: 'posted' }) },
    { dryRun: false, dueSoonDays: 30, escalateAfterDays: 28, leaseMs: 15 * 60_000, teamsAppId: LOCAL_TEAMS_APP_ID, tabEntityId: 'register', concurrency },
  );
}

test(`a first pass costs at most ${MAX_RU_PER_PRACTICE} resource units per practice of 60 entries; a repeat writes no records`, async () => {
  const graph = createGraphClient({ baseUrl: emulator.url, tokenSource: emulatorAppTokenSource({ baseUrl: emulator.url, appId: EMULATOR_APP_ID }) });
  emulator.accounting.reset();
  const first = await benchRun(graph, BASE_TIME);
  const firstUnits = emulator.accounting.snapshot().resourceUnits;
  emulator.accounting.reset();
  const again = await benchRun(graph, new Date(BASE_TIME.getTime() + 60_000));
  const againUnits = emulator.accounting.snapshot().resourceUnits;
  const reminders = first.outcomes.reduce((sum, o) => sum + o.posted, 0);
  console.log(`first pass: ${PRACTICES} practices, ${reminders} reminders, ${firstUnits} RU (${firstUnits / PRACTICES} per practice); same-day repeat: ${againUnits / PRACTICES} RU per practice`);
  expect(first.outcomes.every((o) => o.status === 'posted' && o.posted > 15)).toBe(true);
  expect(firstUnits / PRACTICES).toBeLessThanOrEqual(MAX_RU_PER_PRACTICE);
  expect(again.outcomes.every((o) => o.status === 'nothing-new')).toBe(true);
  // The repeat: the lease (read, take, release), the ledger list, the register and the ledger query.
  expect(againUnits / PRACTICES).toBeLessThanOrEqual(firstUnits / PRACTICES - 6);
});

test('with the pacer, every SharePoint call draws what the emulator counts, at the paced rate', async () => {
  let now = BASE_TIME.getTime();
  const sleeps: number[] = [];
  const pacer = new ResourceUnitPacer({
    unitsPerMinute: 120,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  });
  const tokenSource = emulatorAppTokenSource({ baseUrl: emulator.url, appId: EMULATOR_APP_ID });
  const graph = createGraphClient({ baseUrl: emulator.url, tokenSource, beforeAttempt: paceSharePoint(pacer) });
  emulator.accounting.reset();
  const summary = await benchRun(graph, BASE_TIME);
  const counted = emulator.accounting.snapshot().resourceUnits;
  expect(summary.posts).toBe(PRACTICES);
  expect(pacer.stats().units).toBe(counted);
  // 120 a minute less the 2-unit burst: the pass took as long on the paced clock as its units need.
  const minutes = (now - BASE_TIME.getTime()) / 60_000;
  expect(minutes).toBeGreaterThanOrEqual((counted - 2) / 118 - 0.01);
  expect(sleeps.length).toBeGreaterThan(0);
});

test('keys beyond one multi-line value (63,999 characters) are split over several records, all read back', async () => {
  const graph = createGraphClient({ baseUrl: emulator.url, tokenSource: emulatorAppTokenSource({ baseUrl: emulator.url, appId: EMULATOR_APP_ID }) });
  const practice = emulator.benchPractices[0]!;
  const lists = (await graph.api(`/sites/${practice.siteId}/lists`).get()) as { value: Array<{ id: string; displayName: string }> };
  const ledgerId = lists.value.find((l) => l.displayName === 'Digital Services Reminder Ledger')!.id;
  const ledger = openReminderLedger(graph, { siteId: practice.siteId, listId: ledgerId });
  const keys = Array.from({ length: 700 }, (_, i) => `${practice.teamId}|entry-${String(i).padStart(40, '0')}|review|2026-01-01|overdue|${i % 5}`);
  const claimed = await ledger.claim(keys, 'run-big', BASE_TIME);
  expect(claimed.length).toBe(2);
  expect(claimed.map((r) => r.recordKey)).toEqual(['digest|run-big|1', 'digest|run-big|2']);
  const posted = await ledger.advance(claimed[1]!, 'posted', BASE_TIME, 'message-1');
  expect(posted?.state).toBe('posted');
  // A stale eTag is refused: the record moves on only with the version it was read at.
  expect(await ledger.advance(claimed[1]!, 'notified', BASE_TIME)).toBeNull();
  const recent = await ledger.recent(new Date(BASE_TIME.getTime() - 86_400_000).toISOString());
  expect(recent.flatMap((r) => r.keys).sort()).toEqual([...keys].sort());
  expect(recent.map((r) => r.state).sort()).toEqual(['claimed', 'posted']);
});
