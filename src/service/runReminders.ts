/**
 * One pass over every practice where the bot is installed (the installations table), at most
 * `concurrency` at a time, ending in one run report (report.ts). A practice that fails is reported
 * and left for the next run; the others carry on. Several workers may run passes at the same time
 * against the same tables: the per-practice lease decides who reminds which practice, and each
 * worker starts its round at a different place so they rarely meet on the same practice.
 */
import { createHash } from 'node:crypto';
import type { AdaptiveCard } from '@domain/reminders';
import { createGraphClient, type GraphClient } from '@graph';
import type { TokenSource } from '@graph';
import { postProactiveCard } from './bot/proactive';
import type { ServiceConfig } from './config';
import { runPractice, SimulatedCrash, type CrashPoint, type PracticeOutcome, type PracticeRunOptions, type ServiceStores } from './practiceRun';
import { buildReport, type RunReport } from './report';
import { paceSharePoint, ResourceUnitPacer } from './ruPacer';
import type { Installation } from './store/installations';

export { CRASH_POINTS, SimulatedCrash, type CrashPoint, type PracticeOutcome } from './practiceRun';

export interface RunDeps {
  readonly graph: GraphClient;
  readonly stores: ServiceStores;
  readonly postCard: (practice: Installation, card: AdaptiveCard, summary: string) => Promise<{ activityId: string }>;
  readonly now: () => Date;
  readonly runId?: string;
  readonly log?: (line: string) => void;
  readonly checkpoint?: (point: CrashPoint, practice: Installation) => void;
  /** Resource units drawn so far (the pacer's count), for the report. */
  readonly unitsUsed?: () => number;
  /** Problems to state in every report (e.g. a certificate about to expire). */
  readonly warnings?: readonly string[];
}

export type RunOptions = PracticeRunOptions & { readonly concurrency: number };

/** Runs `work` over `items` with at most `limit` in flight, keeping the input order in the result. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}

/** The practices in team id order, rotated to start at a place set by the run id. */
export function roundOrder<T extends { teamId: string }>(practices: readonly T[], runId: string): T[] {
  const sorted = [...practices].sort((a, b) => (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0));
  if (sorted.length === 0) return sorted;
  const start = createHash('sha256').update(runId).digest().readUInt32BE(0) % sorted.length;
  return [...sorted.slice(start), ...sorted.slice(0, start)];
}

/** @throws SimulatedCrash only (from a test's checkpoint); every other failure is per practice. */
export async function runReminders(deps: RunDeps, options: RunOptions): Promise<RunReport & { outcomes: readonly PracticeOutcome[] }> {
  const runId = deps.runId ?? crypto.randomUUID();
  const log = deps.log ?? ((line: string) => console.log(line));
  const startedAt = deps.now();
  const unitsBefore = deps.unitsUsed?.() ?? 0;
  const practices = roundOrder(await deps.stores.installations.list(), runId);
  const practiceDeps = { ...deps, runId, log };
  const outcomes = await mapLimit(practices, options.concurrency, async (practice): Promise<PracticeOutcome> => {
    try {
      return await runPractice(practice, practiceDeps, options);
    } catch (error) {
      if (error instanceof SimulatedCrash) throw error;
      // A store failure outside the practice's own steps (taking the lease): failed, retried next run.
      const reason = error instanceof Error ? error.message : String(error);
      log(`${practice.teamName}: FAILED, will retry next run: ${reason}`);
      return { teamId: practice.teamId, name: practice.teamName || practice.teamId, status: 'failed', reason, reminders: 0, posted: 0, changesListed: 0, notifications: 0, notificationsFailed: 0, unchecked: [] };
    }
  });
  const report = buildReport({
    runId, startedAt, finishedAt: deps.now(), dryRun: options.dryRun, outcomes,
    resourceUnits: (deps.unitsUsed?.() ?? 0) - unitsBefore, warnings: deps.warnings ?? [],
  });
  return { ...report, outcomes };
}

export interface WiringExtras {
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
  readonly fetchImpl?: typeof fetch;
}

/**
 * The production wiring of RunDeps: every SharePoint call of the run (retries included) first draws
 * its resource units from one pacer at `config.ruPerMinute`, shared by all the practices in flight.
 */
export function serviceDeps(config: ServiceConfig, tokenSource: TokenSource, stores: ServiceStores, extra: WiringExtras = {}): RunDeps & { pacer: ResourceUnitPacer } {
  const onRetryWait = (wait: { status: number; waitMs: number }) => extra.log?.(`  throttled (${wait.status}): waiting ${Math.ceil(wait.waitMs / 1000)} s as asked`);
  const pacer = new ResourceUnitPacer({ unitsPerMinute: config.ruPerMinute, now: extra.now, sleep: extra.sleep });
  const emulatorOrigin = config.authMode === 'emulator' ? config.graphBaseUrl : null;
  return {
    pacer,
    stores,
    graph: createGraphClient({ baseUrl: config.graphBaseUrl, tokenSource, fetchImpl: extra.fetchImpl, sleep: extra.sleep, onRetryWait, beforeAttempt: paceSharePoint(pacer) }),
    postCard: (practice, card, summary) =>
      postProactiveCard(
        { serviceUrl: practice.serviceUrl, channelId: practice.channelId, tenantId: practice.tenantId, botAppId: config.appId, card, summary },
        { tokenSource, emulatorOrigin, sleep: extra.sleep, onRetryWait },
      ),
    now: extra.now ? () => new Date((extra.now as () => number)()) : () => new Date(),
    log: extra.log,
    unitsUsed: () => pacer.stats().units,
  };
}

export function runOptions(config: ServiceConfig): RunOptions {
  return {
    dryRun: config.dryRun,
    dueSoonDays: config.dueSoonDays,
    escalateAfterDays: config.escalateAfterDays,
    leaseMs: config.leaseMinutes * 60_000,
    teamsAppId: config.teamsAppId,
    tabEntityId: config.tabEntityId,
    concurrency: config.concurrency,
    retentionDays: config.retentionDays,
    shareWindowMs: config.mode.kind === 'every' ? Math.floor((config.mode.minutes * 60_000) / 2) : 0,
  };
}
