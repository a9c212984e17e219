/**
 * One pass over every registered practice, at most `concurrency` at a time. A practice that fails
 * (its site unavailable, throttled past the retries, an ambiguous post) is reported as failed and
 * left for the next run; the others carry on. See practiceRun.ts for the per-practice steps and
 * the crash policy.
 */
import type { AdaptiveCard } from '../domain/reminders/digestCard';
import { createGraphClient, type GraphClient } from '../graph';
import type { TokenSource } from '../graph/types';
import { postProactiveCard } from './botConnector';
import type { ServiceConfig } from './config';
import { runPractice, SimulatedCrash, type CrashPoint, type PracticeOutcome, type PracticeRunOptions } from './practiceRun';
import type { Practice } from './practices';
import { paceSharePoint, ResourceUnitPacer } from './ruPacer';

export { CRASH_POINTS, SimulatedCrash, type CrashPoint, type PracticeOutcome } from './practiceRun';

export interface RunSummary {
  readonly runId: string;
  readonly outcomes: readonly PracticeOutcome[];
  readonly failed: number;
  readonly posts: number;
  readonly notifications: number;
}

export interface RunDeps {
  readonly graph: GraphClient;
  readonly postCard: (practice: Practice, card: AdaptiveCard, summary: string) => Promise<{ activityId: string }>;
  readonly now: () => Date;
  readonly runId?: string;
  readonly log?: (line: string) => void;
  readonly checkpoint?: (point: CrashPoint, practice: Practice) => void;
}

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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** @throws SimulatedCrash only (from a test's checkpoint); every other failure is per practice. */
export async function runReminders(practices: readonly Practice[], deps: RunDeps, options: PracticeRunOptions & { concurrency: number }): Promise<RunSummary> {
  const runId = deps.runId ?? crypto.randomUUID();
  const log = deps.log ?? ((line: string) => console.log(line));
  const practiceDeps = { ...deps, runId, log };
  const outcomes = await mapLimit(practices, options.concurrency, async (practice): Promise<PracticeOutcome> => {
    try {
      return await runPractice(practice, practiceDeps, options);
    } catch (error) {
      if (error instanceof SimulatedCrash) throw error;
      log(`${practice.name}: FAILED, will retry next run: ${describe(error)}`);
      return { teamId: practice.teamId, name: practice.name, status: 'failed', reminders: 0, posted: 0, notifications: 0, error: describe(error) };
    }
  });
  return {
    runId,
    outcomes,
    failed: outcomes.filter((o) => o.status === 'failed').length,
    posts: outcomes.filter((o) => o.status === 'posted').length,
    notifications: outcomes.reduce((sum, o) => sum + o.notifications, 0),
  };
}

/**
 * The production wiring of RunDeps from the configuration and an app-only token source. Every
 * SharePoint call of the run (retries included) first draws its resource units from one pacer at
 * `config.ruPerMinute`, shared by all the practices in flight.
 */
export function serviceDeps(
  config: ServiceConfig,
  tokenSource: TokenSource,
  extra: { fetchImpl?: typeof fetch; sleep?: (ms: number) => Promise<void>; now?: () => number; log?: (line: string) => void } = {},
): RunDeps & { pacer: ResourceUnitPacer } {
  const onRetryWait = (wait: { status: number; waitMs: number }) => extra.log?.(`  throttled (${wait.status}): waiting ${Math.ceil(wait.waitMs / 1000)} s as asked`);
  const pacer = new ResourceUnitPacer({ unitsPerMinute: config.ruPerMinute, now: extra.now, sleep: extra.sleep });
  return {
    pacer,
    graph: createGraphClient({ baseUrl: config.graphBaseUrl, tokenSource, fetchImpl: extra.fetchImpl, sleep: extra.sleep, onRetryWait, beforeAttempt: paceSharePoint(pacer) }),
    postCard: (practice, card, summary) =>
      postProactiveCard(
        { serviceUrl: practice.serviceUrl, channelId: practice.channelId, tenantId: practice.tenantId, botAppId: config.appId, card, summary },
        { tokenSource, fetchImpl: extra.fetchImpl, sleep: extra.sleep, onRetryWait },
      ),
    now: () => new Date(),
    log: extra.log,
  };
}

export function runOptions(config: ServiceConfig): PracticeRunOptions & { concurrency: number } {
  return {
    dryRun: config.dryRun,
    dueSoonDays: config.dueSoonDays,
    escalateAfterDays: config.escalateAfterDays,
    leaseMs: config.leaseMinutes * 60_000,
    teamsAppId: config.teamsAppId,
    tabEntityId: config.tabEntityId,
    concurrency: config.concurrency,
  };
}
