/**
 * The changes list ("Digital Services Changes"): one item per change to a service, its go-live
 * included, and its mapping to and from list item fields. Provisioned with the practice's other lists
 * (src/domain/lists/practiceLists.ts), so an older register gets it through "Bring the register up to date".
 *
 * - ChangeKey is unique and indexed: a retried create finds the item the first attempt made.
 * - EntryId and GoLiveOn are indexed: the tab lists a service's changes and the most recent ones.
 * - The workload check is its own columns (people read it in SharePoint); only the gate's outcome,
 *   a list, is JSON in a plain multi-line column, read back through zod: an item edited by hand into
 *   something else reads as "unreadable", never half-shown.
 */
import * as z from 'zod/mini';
import { GO_LIVE_GATES, LIFECYCLES, codeOf, labelOf, type Lifecycle } from '../entry';
import type { ListDefinition } from '../lists/listDefinition';
import { dateToField, fieldToDate, type ListItemFields } from '../registerFields';
import { CHANGE_KINDS, type ChangeKind, type ChangeRecord, type GateOutcome } from './changeRecord';

export const CHANGES_LIST_NAME = 'Digital Services Changes';

/** The register's column kinds have no yes/no: a two-choice column reads plainly in SharePoint. */
const YES_NO = [
  { code: 'yes', label: 'Yes' },
  { code: 'no', label: 'No' },
] as const;

export const CHANGES_LIST: ListDefinition = {
  name: CHANGES_LIST_NAME,
  description: 'Changes to the services in the Digital Services Register and their go-lives: what changed, how it was tested, who approved it, how staff were told, and the workload check. Written by the register tab.',
  columns: [
    { name: 'ChangeKey', displayName: 'Change key', kind: 'text', indexed: true, enforceUniqueValues: true },
    { name: 'EntryId', displayName: 'Register entry id', kind: 'text', indexed: true },
    { name: 'ChangeKind', displayName: 'Kind', kind: 'choice', choices: CHANGE_KINDS },
    { name: 'WhatChanged', displayName: 'What changed', kind: 'note' },
    { name: 'HowTested', displayName: 'How it was tested', kind: 'note' },
    { name: 'ApprovedBy', displayName: 'Approved by', kind: 'text' },
    { name: 'StaffTold', displayName: 'How staff were told', kind: 'note' },
    { name: 'GoLiveOn', displayName: 'Go-live date', kind: 'date', indexed: true },
    { name: 'WorkloadCheckDue', displayName: 'Workload check due', kind: 'date' },
    { name: 'WorkloadCheckedOn', displayName: 'Workload checked on', kind: 'date' },
    { name: 'WorkloadCheckedBy', displayName: 'Workload checked by', kind: 'text' },
    { name: 'WorkloadFinding', displayName: 'Where the workload went', kind: 'note' },
    { name: 'WorkloadActionNeeded', displayName: 'Workload action needed', kind: 'choice', choices: YES_NO },
    { name: 'GateOutcomes', displayName: 'Go-live gate (JSON)', kind: 'note' },
    { name: 'FromLifecycle', displayName: 'Lifecycle before', kind: 'text' },
    { name: 'RecordedBy', displayName: 'Recorded by', kind: 'text' },
    { name: 'RecordedAt', displayName: 'Recorded at (UTC)', kind: 'text' },
  ],
};

/** Every field the store reads, for `expand=fields(select=...)`. */
export const CHANGE_FIELD_NAMES: readonly string[] = ['Title', ...CHANGES_LIST.columns.map((column) => column.name)];

const gateCodes = GO_LIVE_GATES.map((option) => option.code) as [GateOutcome['gate'], ...GateOutcome['gate'][]];
const outcome = z.object({
  gate: z.enum(gateCodes),
  state: z.enum(['met', 'waived']),
  by: z.optional(z.string()),
  reason: z.optional(z.string()),
});
/** The GateOutcomes column: a versioned document, so a later release can read an older one. */
const outcomesDocument = z.object({ v: z.literal(1), gates: z.array(outcome) });

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** "EMIS Web: Go-live" / "EMIS Web: Change": the list reads sensibly in SharePoint. */
export function changeTitle(change: Pick<ChangeRecord, 'serviceTitle' | 'kind'>): string {
  return `${change.serviceTitle || 'A service'}: ${labelOf(CHANGE_KINDS, change.kind)}`;
}

export function changeToFields(change: ChangeRecord): ListItemFields {
  const check = change.workloadCheck;
  return {
    Title: changeTitle(change),
    ChangeKey: change.key,
    EntryId: change.entryId,
    ChangeKind: labelOf(CHANGE_KINDS, change.kind),
    WhatChanged: change.whatChanged,
    HowTested: change.howTested,
    ApprovedBy: change.approvedBy,
    StaffTold: change.staffTold,
    GoLiveOn: dateToField(change.goLiveOn),
    WorkloadCheckDue: dateToField(change.workloadCheckDue),
    WorkloadCheckedOn: dateToField(check?.on ?? null),
    WorkloadCheckedBy: check?.by ?? '',
    WorkloadFinding: check?.finding ?? '',
    WorkloadActionNeeded: check === null ? null : check.actionNeeded ? 'Yes' : 'No',
    GateOutcomes: change.gates.length === 0 ? '' : JSON.stringify({ v: 1, gates: change.gates }),
    FromLifecycle: change.fromLifecycle === null ? '' : labelOf(LIFECYCLES, change.fromLifecycle),
    RecordedBy: change.recordedBy,
    RecordedAt: change.recordedAt,
  };
}

function readGates(value: unknown): GateOutcome[] | null {
  const raw = text(value).trim();
  if (raw === '') return [];
  try {
    const parsed = outcomesDocument.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.gates : null;
  } catch {
    return null;
  }
}

/**
 * The service's name is not a column of its own: Title is "<service>: <kind>", so it is read back
 * from there (the kind's label is the suffix the register wrote).
 */
function serviceTitleOf(title: string, kind: ChangeKind): string {
  const suffix = `: ${labelOf(CHANGE_KINDS, kind)}`;
  return title.endsWith(suffix) ? title.slice(0, -suffix.length) : title;
}

/** @returns the record, or null when the item is not one the register can read (edited by hand). */
export function fieldsToChange(fields: ListItemFields): ChangeRecord | null {
  const kind = codeOf(CHANGE_KINDS, text(fields.ChangeKind));
  const goLiveOn = fieldToDate(fields.GoLiveOn);
  const due = fieldToDate(fields.WorkloadCheckDue);
  const gates = readGates(fields.GateOutcomes);
  const key = text(fields.ChangeKey);
  const entryId = text(fields.EntryId);
  if (kind === undefined || goLiveOn === null || due === null || gates === null || key === '' || entryId === '') return null;
  const checkedOn = fieldToDate(fields.WorkloadCheckedOn);
  const from = codeOf(LIFECYCLES, text(fields.FromLifecycle)) as Lifecycle | undefined;
  return {
    key,
    entryId,
    serviceTitle: serviceTitleOf(text(fields.Title), kind),
    kind,
    whatChanged: text(fields.WhatChanged),
    howTested: text(fields.HowTested),
    approvedBy: text(fields.ApprovedBy),
    staffTold: text(fields.StaffTold),
    goLiveOn,
    workloadCheckDue: due,
    workloadCheck: checkedOn === null ? null : {
      on: checkedOn, by: text(fields.WorkloadCheckedBy), finding: text(fields.WorkloadFinding), actionNeeded: fields.WorkloadActionNeeded === 'Yes',
    },
    gates,
    fromLifecycle: from ?? null,
    recordedBy: text(fields.RecordedBy),
    recordedAt: text(fields.RecordedAt),
  };
}
