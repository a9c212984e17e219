/**
 * The run report: one JSON object per run, printed as the run's last line, for people and for
 * monitoring alike. Practices seen, posted, skipped (and why), failed (and why), notifications
 * sent and failed, SharePoint resource units used, what could not be checked, and warnings (such as
 * a certificate within 30 days of expiry, stated in every run). The exit code follows from it:
 * 1 when any practice failed (a practice skipped more than once in a row because of a lease counts
 * as failed), else 0.
 */
import type { PracticeOutcome } from './practiceRun';

export interface RunReport {
  readonly runId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly dryRun: boolean;
  readonly practicesSeen: number;
  readonly posted: number;
  readonly nothingNew: number;
  readonly skipped: ReadonlyArray<{ readonly teamId: string; readonly name: string; readonly reason: string }>;
  readonly failed: ReadonlyArray<{ readonly teamId: string; readonly name: string; readonly reason: string }>;
  readonly notificationsSent: number;
  readonly notificationsFailed: number;
  readonly resourceUnits: number;
  readonly unchecked: ReadonlyArray<{ readonly teamId: string; readonly name: string; readonly what: string }>;
  readonly warnings: readonly string[];
  readonly exitCode: 0 | 1;
}

export function buildReport(input: {
  runId: string;
  startedAt: Date;
  finishedAt: Date;
  dryRun: boolean;
  outcomes: readonly PracticeOutcome[];
  resourceUnits: number;
  warnings: readonly string[];
}): RunReport {
  const { outcomes } = input;
  const pick = (status: PracticeOutcome['status']) => outcomes.filter((o) => o.status === status).map((o) => ({ teamId: o.teamId, name: o.name, reason: o.reason ?? '' }));
  const failed = pick('failed');
  return {
    runId: input.runId,
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    dryRun: input.dryRun,
    practicesSeen: outcomes.length,
    posted: outcomes.filter((o) => o.status === 'posted').length,
    nothingNew: outcomes.filter((o) => o.status === 'nothing-new' || o.status === 'dry-run').length,
    skipped: pick('skipped'),
    failed,
    notificationsSent: outcomes.reduce((sum, o) => sum + o.notifications, 0),
    notificationsFailed: outcomes.reduce((sum, o) => sum + o.notificationsFailed, 0),
    resourceUnits: input.resourceUnits,
    unchecked: outcomes.flatMap((o) => o.unchecked.map((what) => ({ teamId: o.teamId, name: o.name, what }))),
    warnings: [...input.warnings],
    exitCode: failed.length > 0 ? 1 : 0,
  };
}

/** Days until `validTo`; a warning when 30 or fewer remain (or it has expired). */
export function certificateWarning(validTo: Date, now: Date): string | null {
  const days = Math.floor((validTo.getTime() - now.getTime()) / 86_400_000);
  if (days > 30) return null;
  if (days < 0) return `The app's certificate expired on ${validTo.toISOString().slice(0, 10)}: renew it and upload the new one to the app registration.`;
  return `The app's certificate expires in ${days} day(s), on ${validTo.toISOString().slice(0, 10)}: renew it and upload the new one to the app registration.`;
}
