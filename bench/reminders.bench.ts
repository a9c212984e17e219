/**
 * `reminderRun`: a national-scale reminder pass, the service's own code (runReminders) over 6,300
 * practices of 60 entries each, by TWO workers sharing one Azurite (leases decide who reminds
 * which practice), against the emulator's resource-unit accounting and throttling (tenant tier
 * 50,000+ licences: 6,000 RU a minute per app, shared with staff using the tab).
 *
 * Budget: at most half of that, 3,000 RU a minute, leaving the rest for the tab: each worker's
 * pacer is set to 1,500 (REMINDER_RU_PER_MINUTE per process in a two-process deployment).
 *
 * Simulated clock: one clock shared by both workers, their pacers and the emulator (its RU windows,
 * tokens and dates). Time moves only when a pacer waits for its budget; request latency is not
 * simulated, so `wallMs` is the pass's duration as the RU budget sets it, and the bench finishes in
 * minutes of real time. Each SharePoint call's units are logged at their simulated send time;
 * `peakRuPerMinute` is the most in any 60 s window, and their sum is checked against the emulator's
 * own count (`accounting`).
 *
 * Installations are recorded as the bot records them (InstallationStore.install), with the site and
 * register already known (as after the admin's `--set-site`): a pass then costs 2 RU per practice.
 * Afterwards every practice's channel is read from the emulator: `posts` digests in all,
 * `duplicates` beyond one per practice, `missed` practices with reminders due and no digest.
 *
 * REMINDER_BENCH_PRACTICES (default 6,300) and REMINDER_BENCH_ENTRIES (default 60) scale it down.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../src/emulator/server';
import { createGraphClient, type AttemptInfo } from '@graph';
import { requestUnits } from '@graph/client';
import { emulatorAppTokenSource } from '../src/service/appToken';
import { postProactiveCard } from '../src/service/bot/proactive';
import { EMULATOR_APP_ID, LOCAL_TEAMS_APP_ID } from '../src/service/config';
import type { ServiceStores } from '../src/service/practiceRun';
import { paceSharePoint, ResourceUnitPacer } from '../src/service/ruPacer';
import { mapLimit, runReminders } from '../src/service/runReminders';
import { startAzurite } from '../src/service/store/azurite';
import { InstallationStore } from '../src/service/store/installations';
import { LedgerStore } from '../src/service/store/ledger';
import { LeaseStore } from '../src/service/store/leases';
import { ensureTables, openServiceTables } from '../src/service/store/tables';
import type { BenchFigure, BenchModule } from './figures';

const PRACTICES = Number(process.env.REMINDER_BENCH_PRACTICES ?? 6_300);
const ENTRIES = Number(process.env.REMINDER_BENCH_ENTRIES ?? 60);
const WORKERS = 2;
const TIER_RU_PER_MINUTE = 6_000;
const BUDGET = TIER_RU_PER_MINUTE / 2;

/** Most units in any window (t - 60 s, t] over events in time order. */
export function peakMinute(events: ReadonlyArray<{ at: number; units: number }>): number {
  const sorted = [...events].sort((a, b) => a.at - b.at);
  let from = 0;
  let inWindow = 0;
  let peak = 0;
  for (const event of sorted) {
    inWindow += event.units;
    while ((sorted[from] as { at: number }).at <= event.at - 60_000) inWindow -= (sorted[from++] as { units: number }).units;
    peak = Math.max(peak, inWindow);
  }
  return peak;
}

/** One clock for everyone; a sleep moves it on to the sleeper's wake-up time (never back). */
function simulatedClock(start: number) {
  let now = start;
  return { now: () => now, sleep: async (ms: number) => void (now = Math.max(now, now + ms)) };
}

export const remindersBench: BenchModule = {
  name: 'reminders',
  async run(): Promise<BenchFigure[]> {
    const start = new Date();
    start.setUTCHours(10, 0, 0, 0);
    const clock = simulatedClock(start.getTime());
    const dataDir = mkdtempSync(join(tmpdir(), 'dsr-bench-'));
    const azurite = await startAzurite();
    // SQLite under a temporary folder: 378,000 register items would not sit comfortably in memory.
    const emulator = await startEmulator({ port: 0, seed: true, dataDir, directorySize: 100, clock: () => new Date(clock.now()), benchPractices: { count: PRACTICES, entriesPerPractice: ENTRIES } });
    try {
      const tables = openServiceTables({ kind: 'connectionString', connectionString: azurite.connectionString }, 'bench');
      await ensureTables(tables);
      const stores: ServiceStores = { installations: new InstallationStore(tables.installations), ledger: new LedgerStore(tables.ledger), leases: new LeaseStore(tables.leases) };
      const serviceUrl = `${emulator.url}/emulator/botframework`;
      await mapLimit(emulator.benchPractices, 16, (p) =>
        stores.installations.install({ teamId: p.teamId, teamName: p.name, channelId: p.channelId, tenantId: 'emulator', serviceUrl, installedBy: '', installedAt: start.toISOString(), siteId: p.siteId, listId: p.listId }, start),
      );
      const tokenSource = emulatorAppTokenSource({ baseUrl: emulator.url, appId: EMULATOR_APP_ID, now: clock.now });
      const events: Array<{ at: number; units: number }> = [];
      emulator.accounting.reset();
      const began = clock.now();
      const realStart = performance.now();
      const reports = await Promise.all(
        Array.from({ length: WORKERS }, (_, w) => {
          const pacer = new ResourceUnitPacer({ unitsPerMinute: BUDGET / WORKERS, now: clock.now, sleep: clock.sleep });
          const paced = paceSharePoint(pacer);
          const beforeAttempt = async (attempt: AttemptInfo) => {
            await paced(attempt);
            const units = requestUnits(attempt.method, attempt.url, attempt.body);
            if (units > 0) events.push({ at: clock.now(), units });
          };
          const graph = createGraphClient({ baseUrl: emulator.url, tokenSource, beforeAttempt, sleep: clock.sleep });
          return runReminders(
            {
              graph, stores, runId: `bench-worker-${w + 1}`, log: () => undefined, now: () => new Date(clock.now()), unitsUsed: () => pacer.stats().units,
              postCard: (practice, card, summary) =>
                postProactiveCard({ serviceUrl: practice.serviceUrl, channelId: practice.channelId, tenantId: practice.tenantId, botAppId: EMULATOR_APP_ID, card, summary }, { tokenSource, emulatorOrigin: emulator.url, sleep: clock.sleep }),
            },
            { dryRun: false, dueSoonDays: 30, escalateAfterDays: 28, leaseMs: 15 * 60_000, teamsAppId: LOCAL_TEAMS_APP_ID, tabEntityId: 'register', concurrency: 16, retentionDays: 400, shareWindowMs: 30 * 60_000 },
          );
        }),
      );
      const wallMs = clock.now() - began;
      const realMs = Math.round(performance.now() - realStart);
      const counts = emulator.accounting.snapshot();
      const digests = await mapLimit(emulator.benchPractices, 16, async (p) => {
        const response = await fetch(`${emulator.url}/emulator/channel/messages?teamId=${encodeURIComponent(p.teamId)}&channelId=${encodeURIComponent(p.channelId)}`);
        const body = (await response.json()) as { value: Array<{ from: { application: unknown } }> };
        return body.value.filter((m) => m.from.application).length;
      });
      const remindersDue = new Map<string, number>();
      for (const report of reports) for (const o of report.outcomes) remindersDue.set(o.teamId, Math.max(remindersDue.get(o.teamId) ?? 0, o.reminders));
      const posts = digests.reduce((sum, n) => sum + n, 0);
      const duplicates = digests.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
      const missed = emulator.benchPractices.filter((p, i) => (remindersDue.get(p.teamId) ?? 1) > 0 && digests[i] === 0).length;
      const failed = reports.reduce((sum, r) => sum + r.failed.length, 0);
      const drawn = events.reduce((sum, e) => sum + e.units, 0);
      const peak = peakMinute(events);
      const perWorker = reports.map((r) => r.posted).join(' + ');
      return [
        { key: 'reminderRun.practices', value: PRACTICES, unit: 'practices', note: `${ENTRIES} entries each; ${failed} failed` },
        { key: 'reminderRun.workers', value: WORKERS, unit: 'workers', note: `digests posted by each: ${perWorker}` },
        { key: 'reminderRun.wallMs', value: wallMs, unit: 'ms (simulated)', note: `${realMs} ms of real time on this machine` },
        { key: 'reminderRun.resourceUnits', value: counts.resourceUnits, unit: 'RU', note: `${drawn} drawn by the pacers; ${counts.throttled} throttled answers` },
        { key: 'reminderRun.peakRuPerMinute', value: peak, unit: 'RU/min', target: `<= ${BUDGET} (half of ${TIER_RU_PER_MINUTE})`, met: peak <= BUDGET },
        { key: 'reminderRun.posts', value: posts, unit: 'digests', target: `one per practice (${PRACTICES})`, met: posts === PRACTICES },
        { key: 'reminderRun.duplicates', value: duplicates, unit: 'digests', target: '0', met: duplicates === 0 },
        { key: 'reminderRun.missed', value: missed, unit: 'practices', target: '0', met: missed === 0 },
      ];
    } finally {
      await emulator.close();
      await azurite.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
