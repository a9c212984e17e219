/**
 * Change records (issue 17, "Every change to a live service gets a change record"): what changed,
 * how it was tested, who approved it, how staff were told, the go-live date, and a workload check a
 * set period after go-live ("where has the workload gone?"). A service's own go-live is a record of
 * kind 'go-live', written when the entry moves to Live, carrying the gate's outcome.
 *
 * Pure: `today` and every instant are passed in.
 */
import { GO_LIVE_GATES, LIFECYCLES, type GoLiveGate, type Lifecycle, type LocalDate, type Option } from '../entry';
import { addDays, formatLocalDate, isLocalDate } from '../localDate';

export const CHANGE_KINDS: ReadonlyArray<Option<ChangeKind>> = [
  { code: 'go-live', label: 'Go-live' },
  { code: 'change', label: 'Change' },
];
export type ChangeKind = 'go-live' | 'change';

/**
 * The workload check falls six weeks after go-live. Why six weeks: by then staff have stopped
 * double-running the old way and the work the change moved (to reception, to clinicians, to
 * patients) shows as a steady pattern, yet it is early enough to put right before it becomes the new
 * normal, and it always lands inside the service's yearly review. Three months would let displaced
 * work settle unnoticed for a whole quarter.
 */
export const WORKLOAD_CHECK_DAYS = 42;

/** One gate's outcome when the service went live: met, or waived by a named person with a reason. */
export interface GateOutcome {
  readonly gate: GoLiveGate;
  readonly state: 'met' | 'waived';
  /** Waived: who waived it and why. */
  readonly by?: string;
  readonly reason?: string;
}

/** "Where has the workload gone?", answered. */
export interface WorkloadCheck {
  readonly on: LocalDate;
  readonly by: string;
  /** Where the work went, in the checker's words ("Reception calls down; admin triage up an hour a day"). */
  readonly finding: string;
  /** Does something need doing about it? */
  readonly actionNeeded: boolean;
}

export interface ChangeRecord {
  /** 'chg-' + a GUID made once per form: a retried create finds the first. */
  readonly key: string;
  /** The register entry's list item id. */
  readonly entryId: string;
  /** The service's name when recorded: still readable if the entry is deleted. */
  readonly serviceTitle: string;
  readonly kind: ChangeKind;
  readonly whatChanged: string;
  /** How it was tested before going live; blank means no record of testing. */
  readonly howTested: string;
  /** Who approved it (display name). */
  readonly approvedBy: string;
  /** How staff were told. */
  readonly staffTold: string;
  readonly goLiveOn: LocalDate;
  readonly workloadCheckDue: LocalDate;
  readonly workloadCheck: WorkloadCheck | null;
  /** Go-live records: each gate met or waived. Empty for other changes. */
  readonly gates: readonly GateOutcome[];
  /** Go-live records: the lifecycle before Live (Trial, usually); null otherwise. */
  readonly fromLifecycle: Lifecycle | null;
  readonly recordedBy: string;
  /** ISO instant. */
  readonly recordedAt: string;
}

export interface StoredChange {
  readonly id: string;
  readonly eTag: string;
  readonly change: ChangeRecord;
}

/** The workload check's due date for a go-live date. */
export function workloadCheckDueFor(goLiveOn: LocalDate): LocalDate {
  return addDays(goLiveOn, WORKLOAD_CHECK_DAYS);
}

export function changeKeyFor(guid: string): string {
  return `chg-${guid.toLowerCase()}`;
}

export type ChangeField = 'whatChanged' | 'howTested' | 'approvedBy' | 'staffTold' | 'goLiveOn';
export type WorkloadField = 'on' | 'by' | 'finding';

/** A planned change may be recorded ahead of its go-live, but not years ahead (a mistyped year). */
const MAX_DAYS_AHEAD = 366;

/**
 * Problems with a change before it is recorded, by field, in the words the form shows. How it was
 * tested may be blank: the record is still worth keeping, and the "change untested" flag lists it.
 */
export function changeErrors(change: ChangeRecord, today: LocalDate): Partial<Record<ChangeField, string>> {
  const errors: Partial<Record<ChangeField, string>> = {};
  if (change.whatChanged.trim() === '') errors.whatChanged = 'Say what changed.';
  if (change.approvedBy.trim() === '') errors.approvedBy = 'Say who approved the change.';
  if (change.staffTold.trim() === '') errors.staffTold = 'Say how staff were told.';
  if (!isLocalDate(change.goLiveOn)) errors.goLiveOn = 'Enter the go-live date.';
  else if (change.goLiveOn < '2000-01-01') errors.goLiveOn = 'The go-live date must be in 2000 or later.';
  else if (change.goLiveOn > addDays(today, MAX_DAYS_AHEAD)) errors.goLiveOn = 'The go-live date must be within a year from today.';
  return errors;
}

/** Problems with a workload check before it is saved, by field. */
export function workloadCheckErrors(check: WorkloadCheck, change: Pick<ChangeRecord, 'goLiveOn'>, today: LocalDate): Partial<Record<WorkloadField, string>> {
  const errors: Partial<Record<WorkloadField, string>> = {};
  if (!isLocalDate(check.on)) errors.on = 'Enter the date of the check.';
  else if (check.on > today) errors.on = 'The check date cannot be in the future.';
  else if (check.on < change.goLiveOn) errors.on = 'The check cannot be before the go-live date.';
  if (check.by.trim() === '') errors.by = 'Say who checked.';
  if (check.finding.trim() === '') errors.finding = 'Say where the workload has gone.';
  return errors;
}

/** The record with its workload check (checking again replaces the earlier one). */
export function recordWorkloadCheck(change: ChangeRecord, check: WorkloadCheck): ChangeRecord {
  return { ...change, workloadCheck: { ...check, finding: check.finding.trim(), by: check.by.trim() } };
}

export type WorkloadState = 'done' | 'overdue' | 'due' | 'not-yet';

/** Where the workload check stands on `today`: done, not yet due, due (on the day) or overdue. */
export function workloadState(change: Pick<ChangeRecord, 'workloadCheck' | 'workloadCheckDue'>, today: LocalDate): WorkloadState {
  if (change.workloadCheck) return 'done';
  if (today > change.workloadCheckDue) return 'overdue';
  return today === change.workloadCheckDue ? 'due' : 'not-yet';
}

/** "Workload checked 12 March 2026 by Priya Shah" / "Workload check overdue since 1 March 2026" / "… due 1 March 2026". */
export function workloadText(change: ChangeRecord, today: LocalDate): string {
  const state = workloadState(change, today);
  if (state === 'done' && change.workloadCheck) {
    const action = change.workloadCheck.actionNeeded ? ' (action needed)' : '';
    return `Workload checked ${formatLocalDate(change.workloadCheck.on)} by ${change.workloadCheck.by}${action}: ${change.workloadCheck.finding}`;
  }
  if (state === 'overdue') return `Workload check overdue since ${formatLocalDate(change.workloadCheckDue)}`;
  return `Workload check due ${formatLocalDate(change.workloadCheckDue)}`;
}

/**
 * True when the record says nothing about testing. A go-live from Trial is recorded as tested by its
 * trial (goLiveRecord writes so); one straight from Proposed is not, and is listed like any change.
 */
export function isUntested(change: Pick<ChangeRecord, 'howTested'>): boolean {
  return change.howTested.trim() === '';
}

/** "DPIA where personal data is processed: waived by Priya Shah (NHS-hosted, covered by the national DPIA)". */
export function gateOutcomeText(outcome: GateOutcome): string {
  const label = GO_LIVE_GATES.find((option) => option.code === outcome.gate)?.label ?? outcome.gate;
  if (outcome.state === 'met') return `${label}: met`;
  return `${label}: waived by ${outcome.by ?? 'someone not named'} (${outcome.reason ?? 'no reason given'})`;
}

/** "Moved from Trial to Live" for a go-live record's what-changed line. */
export function goLiveSummary(fromLifecycle: Lifecycle | null): string {
  const from = fromLifecycle ? LIFECYCLES.find((option) => option.code === fromLifecycle)?.label : undefined;
  return from ? `Moved from ${from} to Live` : 'Added as Live';
}

/** Newest go-live first, then by service name. */
export function compareChanges(a: ChangeRecord, b: ChangeRecord): number {
  return b.goLiveOn.localeCompare(a.goLiveOn) || b.recordedAt.localeCompare(a.recordedAt) || a.serviceTitle.localeCompare(b.serviceTitle, 'en-GB', { sensitivity: 'base' });
}

/** One service's records, newest first. */
export function changesOfEntry(changes: readonly ChangeRecord[], entryId: string): ChangeRecord[] {
  return changes.filter((change) => change.entryId === entryId).sort(compareChanges);
}
