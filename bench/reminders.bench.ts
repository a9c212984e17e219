/**
 * `reminderRun`: one reminder pass (the unattended service's code, runReminders) over 300 practices
 * of 60 entries each, against the emulator with 100 ms added to every Graph and Bot Connector
 * request. It is a first run: every practice has reminders nobody has been told about yet, so each
 * claims, posts one digest, records, and notifies (the costliest pass; later passes the same week
 * find their keys in the ledger and write no records).
 *
 * Counted by the emulator (src/emulator/model/requestAccounting.ts): Graph requests (each inner
 * request of a $batch counted), SharePoint resource units (1 per single-item read, 2 per query or
 * write), digests posted and throttled answers.
 *
 * Budget: SharePoint's app limit for a tenant of 0 to 1,000 licences, 1,200 resource units per
 * minute and 1,200,000 per day (sp-dev-docs "avoid getting throttled", see
 * the design notes' Graph research, section 6). The service's pacer is set to that budget here
 * (REMINDER_RU_PER_MINUTE, default 1,200 in this bench; the service's own default is 1,000), with
 * REMINDER_CONCURRENCY practices in flight (default 32). `resourceUnitsPerMinute` is the most sent
 * in any 60 seconds of the pass (from the send time of every SharePoint call, each estimated by the
 * emulator's own rule; their sum is checked against the emulator's count), which is what the
 * tenant's limit judges; the note adds the average and the emulator's count sampled each second.
 *
 * Baselines:
 * - wallMs: the same pass one practice at a time without the pacer, measured on BASELINE_SAMPLE
 *   practices and scaled to 300 (time grows linearly with the practices).
 * - resourceUnits: the previous ledger, one item per reminder occurrence written three times
 *   (claim, posted, notified) and a lease taken by create then update; it measured 42,000 RU for
 *   this pass (140 per practice). Worked out from this run's own counts: the reads are the same, so
 *   old = this run - 6 per practice (the digest record's create and two updates) + 6 per occurrence
 *   + 2 per practice (the old lease's separate first take).
 */
import { startEmulator, type RunningEmulator } from '../src/emulator/server';
import { createGraphClient, type AttemptInfo } from '../src/graph';
import { requestUnits } from '../src/graph/resourceUnits';
import { emulatorAppTokenSource } from '../src/service/appToken';
import { postProactiveCard } from '../src/service/botConnector';
import { EMULATOR_APP_ID, LOCAL_TEAMS_APP_ID } from '../src/service/config';
import type { Practice } from '../src/service/practices';
import { paceSharePoint, ResourceUnitPacer, type PacerStats } from '../src/service/ruPacer';
import { runReminders, type RunSummary } from '../src/service/runReminders';
import type { BenchFigure, BenchModule } from './figures';

const PRACTICES = 300;
const ENTRIES = 60;
const LATENCY_MS = 100;
const BASELINE_SAMPLE = 3;
const SMALL_TENANT_RU_PER_MINUTE = 1_200;
const SMALL_TENANT_RU_PER_DAY = 1_200_000;
const PREVIOUS_LEDGER_RU = 42_000;

interface Measured {
  summary: RunSummary;
  wallMs: number;
  pacer: PacerStats | null;
  /** Most resource units sent in any 60 s of the run (the paced calls' send times; null unpaced). */
  peakMinuteUnits: number | null;
  /** The same from the emulator's count sampled every second (windows of 60 s or a little more). */
  sampledPeakMinuteUnits: number;
  /** Units the pacer drew, to set beside the emulator's count. */
  drawnUnits: number;
}

/** Most `units` in any window (t - 60 s, t] over events in time order. */
function peakMinute(events: ReadonlyArray<{ at: number; units: number }>): number {
  let from = 0;
  let inWindow = 0;
  let peak = 0;
  for (const event of events) {
    inWindow += event.units;
    while ((events[from] as { at: number }).at <= event.at - 60_000) inWindow -= (events[from++] as { units: number }).units;
    peak = Math.max(peak, inWindow);
  }
  return peak;
}

async function run(emulator: RunningEmulator, concurrency: number, unitsPerMinute: number | null): Promise<Measured> {
  const tokenSource = emulatorAppTokenSource({ baseUrl: emulator.url, appId: EMULATOR_APP_ID });
  const pacer = unitsPerMinute === null ? null : new ResourceUnitPacer({ unitsPerMinute });
  const paced = pacer ? paceSharePoint(pacer) : null;
  const sent: Array<{ at: number; units: number }> = [];
  const beforeAttempt = async (attempt: AttemptInfo) => {
    await paced?.(attempt);
    const units = requestUnits(attempt.method, attempt.url, attempt.body);
    if (units > 0) sent.push({ at: performance.now(), units });
  };
  const graph = createGraphClient({ baseUrl: emulator.url, tokenSource, beforeAttempt });
  const practices: Practice[] = emulator.benchPractices.map((p) => ({ ...p, serviceUrl: `${emulator.url}/emulator/botframework/`, tenantId: 'emulator' }));
  const started = performance.now();
  const samples: Array<{ at: number; units: number }> = [{ at: started, units: 0 }];
  const sample = () => samples.push({ at: performance.now(), units: emulator.accounting.snapshot().resourceUnits });
  const sampler = setInterval(sample, 1_000);
  try {
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
    const wallMs = Math.round(performance.now() - started);
    sample();
    // Each window runs back to the last sample at least 60 s earlier (or the start), so it spans
    // 60 s or a little more: the peak can only be overstated.
    let from = 0;
    let sampledPeakMinuteUnits = 0;
    for (const s of samples) {
      while (from + 1 < samples.length && (samples[from + 1] as { at: number }).at <= s.at - 60_000) from += 1;
      sampledPeakMinuteUnits = Math.max(sampledPeakMinuteUnits, s.units - (samples[from] as { units: number }).units);
    }
    const drawnUnits = sent.reduce((sum, event) => sum + event.units, 0);
    return { summary, wallMs, pacer: pacer?.stats() ?? null, peakMinuteUnits: pacer ? peakMinute(sent) : null, sampledPeakMinuteUnits, drawnUnits };
  } finally {
    clearInterval(sampler);
  }
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
    const budget = Number(process.env.REMINDER_RU_PER_MINUTE ?? SMALL_TENANT_RU_PER_MINUTE);
    const main = await withEmulator(PRACTICES, async (emulator) => ({ ...(await run(emulator, concurrency, budget)), counts: emulator.accounting.snapshot() }));
    const sample = await withEmulator(BASELINE_SAMPLE, (emulator) => run(emulator, 1, null));
    const failed = main.summary.failed;
    const baselineMs = Math.round((sample.wallMs / BASELINE_SAMPLE) * PRACTICES);
    const { counts } = main;
    const occurrences = main.summary.outcomes.reduce((sum, o) => sum + o.posted, 0);
    const oldLedgerUnits = counts.resourceUnits - 6 * PRACTICES + 6 * occurrences + 2 * PRACTICES;
    const averagePerMinute = Math.round(counts.resourceUnits / (main.wallMs / 60_000));
    const peak = main.peakMinuteUnits ?? main.sampledPeakMinuteUnits;
    const perPractice = Math.round((counts.resourceUnits / PRACTICES) * 10) / 10;
    const waited = main.pacer ? `the pacer made ${main.pacer.waits} waits, ${Math.round(main.pacer.waitedMs / 1000)} s in all` : '';
    return [
      { key: 'reminderRun.practices', value: PRACTICES, unit: 'practices', note: `${ENTRIES} entries each, ${occurrences} reminders, ${failed} failed` },
      {
        key: 'reminderRun.wallMs', value: main.wallMs, unit: 'ms', baseline: baselineMs,
        target: `paced to ${budget} RU/min, ${concurrency} at a time, beats one by one`, met: main.wallMs < baselineMs && failed === 0,
        note: `baseline: ${BASELINE_SAMPLE} practices one at a time, unpaced, took ${sample.wallMs} ms, scaled to ${PRACTICES}; ${waited}`,
      },
      { key: 'reminderRun.graphRequests', value: counts.graphRequests, unit: 'requests', note: `${counts.batches} $batch envelopes not counted; their inner requests are` },
      {
        key: 'reminderRun.resourceUnits', value: counts.resourceUnits, unit: 'RU', baseline: oldLedgerUnits,
        target: `<= ${SMALL_TENANT_RU_PER_DAY.toLocaleString('en-GB')} a day`, met: counts.resourceUnits <= SMALL_TENANT_RU_PER_DAY,
        note: `baseline: the per-occurrence ledger's writes on this run's ${occurrences} reminders (measured before the change: ${PREVIOUS_LEDGER_RU.toLocaleString('en-GB')})`,
      },
      {
        key: 'reminderRun.resourceUnitsPerPractice', value: perPractice, unit: 'RU', baseline: Math.round((oldLedgerUnits / PRACTICES) * 10) / 10,
        target: '<= 20 RU', met: perPractice <= 20,
      },
      {
        key: 'reminderRun.resourceUnitsPerMinute', value: peak, unit: 'RU/min',
        target: `<= ${SMALL_TENANT_RU_PER_MINUTE.toLocaleString('en-GB')} RU/min`, met: peak <= SMALL_TENANT_RU_PER_MINUTE,
        note:
          `most sent in any 60 s (${main.drawnUnits} RU drawn by the pacer, ${counts.resourceUnits} counted by the emulator); ` +
          `average over the pass ${averagePerMinute} RU/min; emulator's count sampled each second: ${main.sampledPeakMinuteUnits} in its busiest 60-61 s; ` +
          `${peak <= SMALL_TENANT_RU_PER_MINUTE ? 'within' : 'OVER'} the small-tenant budget`,
      },
      { key: 'reminderRun.posts', value: counts.posts, unit: 'digests', target: `one per practice (${PRACTICES})`, met: counts.posts === PRACTICES },
      { key: 'reminderRun.throttled', value: counts.throttled, unit: 'answers', note: 'the emulator does not enforce the RU budget; 429/503 seen' },
    ];
  },
};
