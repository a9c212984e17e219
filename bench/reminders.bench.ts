/**
 * `reminderRun`: one reminder pass (the unattended service's code, runReminders) over 300 practices
 * of 60 entries each, against the emulator with 100 ms added to every Graph and Bot Connector
 * request. It is a first run: every practice has reminders nobody has been told about yet, so each
 * claims, posts one digest, records, and notifies (the costliest pass; later passes the same week
 * find their keys in the ledger and write almost nothing).
 *
 * Counted by the emulator (src/emulator/model/requestAccounting.ts): Graph requests (each inner
 * request of a $batch counted), SharePoint resource units (1 per single-item read, 2 per query or
 * write), digests posted and throttled answers.
 *
 * Budget compared against: SharePoint's app limit for a tenant of 0 to 1,000 licences, 1,200
 * resource units per minute and 1,200,000 per day (sp-dev-docs "avoid getting throttled", see
 * /work/shared/research/graph.md section 6).
 *
 * Concurrency: REMINDER_CONCURRENCY (default here 32, the service's maximum; the service's own
 * default is 8, which would take about 6.5 minutes for this pass).
 *
 * Baseline: the same pass one practice at a time (REMINDER_CONCURRENCY=1). Sequential time grows
 * linearly with the practices, so it is measured on BASELINE_SAMPLE practices and scaled to 300,
 * which keeps the benchmark to a few minutes.
 */
import { startEmulator, type RunningEmulator } from '../src/emulator/server';
import { createGraphClient } from '../src/graph';
import { emulatorAppTokenSource } from '../src/service/appToken';
import { postProactiveCard } from '../src/service/botConnector';
import { EMULATOR_APP_ID, LOCAL_TEAMS_APP_ID } from '../src/service/config';
import type { Practice } from '../src/service/practices';
import { runReminders, type RunSummary } from '../src/service/runReminders';
import type { BenchFigure, BenchModule } from './figures';

const PRACTICES = 300;
const ENTRIES = 60;
const LATENCY_MS = 100;
const BASELINE_SAMPLE = 3;
const SMALL_TENANT_RU_PER_MINUTE = 1_200;
const SMALL_TENANT_RU_PER_DAY = 1_200_000;

async function run(emulator: RunningEmulator, concurrency: number): Promise<{ summary: RunSummary; wallMs: number }> {
  const tokenSource = emulatorAppTokenSource({ baseUrl: emulator.url, appId: EMULATOR_APP_ID });
  const graph = createGraphClient({ baseUrl: emulator.url, tokenSource });
  const practices: Practice[] = emulator.benchPractices.map((p) => ({ ...p, serviceUrl: `${emulator.url}/emulator/botframework/`, tenantId: 'emulator' }));
  const started = performance.now();
  const summary = await runReminders(
    practices,
    {
      graph,
      now: () => new Date(),
      log: () => undefined,
      postCard: (practice, card, summaryText) =>
        postProactiveCard(
          { serviceUrl: practice.serviceUrl, channelId: practice.channelId, tenantId: practice.tenantId, botAppId: EMULATOR_APP_ID, card, summary: summaryText },
          { tokenSource },
        ),
    },
    { dryRun: false, dueSoonDays: 30, escalateAfterDays: 28, leaseMs: 15 * 60_000, teamsAppId: LOCAL_TEAMS_APP_ID, tabEntityId: 'register', concurrency },
  );
  return { summary, wallMs: Math.round(performance.now() - started) };
}

async function withEmulator<T>(count: number, work: (emulator: RunningEmulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ port: 0, seed: true, directorySize: 100, latencyMs: LATENCY_MS, benchPractices: { count, entriesPerPractice: ENTRIES } });
  try {
    emulator.accounting.reset();
    return await work(emulator);
  } finally {
    await emulator.close();
  }
}

export const remindersBench: BenchModule = {
  name: 'reminders',
  async run(): Promise<BenchFigure[]> {
    const concurrency = Number(process.env.REMINDER_CONCURRENCY ?? 32);
    const main = await withEmulator(PRACTICES, async (emulator) => ({ ...(await run(emulator, concurrency)), counts: emulator.accounting.snapshot() }));
    const sample = await withEmulator(BASELINE_SAMPLE, (emulator) => run(emulator, 1));
    const failed = main.summary.failed;
    const baselineMs = Math.round((sample.wallMs / BASELINE_SAMPLE) * PRACTICES);
    const { counts } = main;
    const perMinute = Math.round(counts.resourceUnits / (main.wallMs / 60_000));
    const minutesWithinBudget = Math.ceil(counts.resourceUnits / SMALL_TENANT_RU_PER_MINUTE);
    return [
      { key: 'reminderRun.practices', value: PRACTICES, unit: 'practices', note: `${ENTRIES} entries each, ${failed} failed` },
      {
        key: 'reminderRun.wallMs', value: main.wallMs, unit: 'ms', baseline: baselineMs,
        target: `concurrent (${concurrency}) beats one by one`, met: main.wallMs < baselineMs && failed === 0,
        note: `baseline: ${BASELINE_SAMPLE} practices one at a time took ${sample.wallMs} ms, scaled to ${PRACTICES}`,
      },
      { key: 'reminderRun.graphRequests', value: counts.graphRequests, unit: 'requests', note: `${counts.batches} $batch envelopes not counted; their inner requests are` },
      {
        key: 'reminderRun.resourceUnits', value: counts.resourceUnits, unit: 'RU',
        target: `<= ${SMALL_TENANT_RU_PER_DAY.toLocaleString('en-GB')} a day`, met: counts.resourceUnits <= SMALL_TENANT_RU_PER_DAY,
        note: `${Math.round(counts.resourceUnits / PRACTICES)} RU per practice`,
      },
      {
        key: 'reminderRun.resourceUnitsPerMinute', value: perMinute, unit: 'RU/min',
        target: `<= ${SMALL_TENANT_RU_PER_MINUTE.toLocaleString('en-GB')} RU/min`, met: perMinute <= SMALL_TENANT_RU_PER_MINUTE,
        note: `to stay within the small-tenant minute budget the pass needs at least ${minutesWithinBudget} min`,
      },
      { key: 'reminderRun.posts', value: counts.posts, unit: 'digests', target: `one per practice (${PRACTICES})`, met: counts.posts === PRACTICES },
      { key: 'reminderRun.throttled', value: counts.throttled, unit: 'answers', note: 'the emulator does not enforce the RU budget; 429/503 seen' },
    ];
  },
};
