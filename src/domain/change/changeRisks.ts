/**
 * What the practice's change records mean for the rest of the register: the risk flags
 * 'live-without-go-live-record' and 'change-untested', the changes listed for lacking a record of
 * testing, and workload checks that are due. Pure.
 */
import type { LocalDate } from '../entry';
import { isUntested, workloadState, type ChangeRecord } from './changeRecord';

/** The entry ids with a go-live record. */
export function entriesWithGoLiveRecord(changes: readonly Pick<ChangeRecord, 'kind' | 'entryId'>[]): Set<string> {
  return new Set(changes.filter((change) => change.kind === 'go-live').map((change) => change.entryId));
}

/** The entry ids with at least one change that has no record of testing. */
export function entriesWithUntestedChanges(changes: readonly Pick<ChangeRecord, 'howTested' | 'entryId'>[]): Set<string> {
  return new Set(changes.filter(isUntested).map((change) => change.entryId));
}

/** The changes with no record of testing, newest first (the Overview and the ICB summary list them). */
export function untestedChanges(changes: readonly ChangeRecord[]): ChangeRecord[] {
  return changes.filter(isUntested).sort((a, b) => b.goLiveOn.localeCompare(a.goLiveOn));
}

/** Changes whose workload check is due or overdue on `today`, oldest due first. */
export function workloadChecksDue(changes: readonly ChangeRecord[], today: LocalDate): ChangeRecord[] {
  return changes
    .filter((change) => ['due', 'overdue'].includes(workloadState(change, today)))
    .sort((a, b) => a.workloadCheckDue.localeCompare(b.workloadCheckDue));
}

/** The parts of RiskContext that come from the practice's change records and checklists. */
export interface RecordRiskContext {
  readonly hasGoLiveRecord?: boolean;
  readonly untestedChange?: boolean;
  readonly checklistOverdue?: boolean;
}

/**
 * A lookup from entry id to its record-based risk context. Absent record sets (not loaded yet, or the
 * list is missing) give undefined for their part, so no flag is raised on what is not known.
 */
export function recordRiskContexts(input: {
  readonly changes?: readonly ChangeRecord[];
  readonly overdueChecklistEntries?: ReadonlySet<string>;
}): (entryId: string) => RecordRiskContext {
  const goLive = input.changes ? entriesWithGoLiveRecord(input.changes) : null;
  const untested = input.changes ? entriesWithUntestedChanges(input.changes) : null;
  const overdue = input.overdueChecklistEntries ?? null;
  return (entryId) => ({
    ...(goLive ? { hasGoLiveRecord: goLive.has(entryId) } : {}),
    ...(untested ? { untestedChange: untested.has(entryId) } : {}),
    ...(overdue ? { checklistOverdue: overdue.has(entryId) } : {}),
  });
}
