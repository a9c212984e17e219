/**
 * The changes list ("Digital Services Changes"): one item per change to a service, its go-live
 * included, and its mapping to and from list item fields. Provisioned with the practice's other lists
 * (src/domain/lists/practiceLists.ts), so an older register gets it through "Bring the register up to date".
 *
 * - ChangeKey is unique and indexed: a retried create finds the item the first attempt made.
 * - EntryId and GoLiveOn are indexed: the tab lists a service's changes and the most recent ones.
 * - Each plain field (one property, one column) is one row of CHANGE_SCHEMA: its column and its
 *   mapping to and from list item fields are derived from the row (schema/deriveList.ts).
 * - The workload check is its own columns (people read it in SharePoint); only the gate's outcome,
 *   a list, is JSON in a plain multi-line column, read back through zod: an item edited by hand into
 *   something else reads as "unreadable", never half-shown.
 */
import * as z from 'zod/mini';
import { GO_LIVE_GATES, LIFECYCLES, codeOf, labelOf, type Lifecycle, type LocalDate } from '../entry';
import type { ListColumn } from '../lists/listColumn';
import type { ListDefinition } from '../lists/listDefinition';
import { dateToField, fieldToDate, type ListItemFields } from '../registerFields';
import { columnsOf, fromListFields, toListFields } from '../schema/deriveList';
import { NO_HEADERS, NOTE_KIND as NOTE, TEXT_KIND as TEXT, entryIdRow, recordKeyRow, type RecordSchema } from '../schema/fieldSchema';
import { CHANGE_KINDS, type ChangeKind, type ChangeRecord, type GateOutcome } from './changeRecord';

export const CHANGES_LIST_NAME = 'Digital Services Changes';

/** The register's column kinds have no yes/no: a two-choice column reads plainly in SharePoint. */
const YES_NO = [
  { code: 'yes', label: 'Yes' },
  { code: 'no', label: 'No' },
] as const;

/**
 * A change's plain fields, one row of CHANGE_SCHEMA each. Read from an item edited by hand, a
 * required one may be missing: the kind reads as '' and the dates as null until fieldsToChange checks them.
 */
export type PlainChange = Pick<ChangeRecord, 'key' | 'entryId' | 'whatChanged' | 'howTested' | 'approvedBy' | 'staffTold' | 'recordedBy' | 'recordedAt'> & {
  readonly kind: ChangeKind | '';
  readonly goLiveOn: LocalDate | null;
  readonly workloadCheckDue: LocalDate | null;
};


/** The plain fields in the list's column order. No spreadsheet import reads this list, hence no headers. */
export const CHANGE_SCHEMA: RecordSchema<PlainChange> = {
  rows: [
    recordKeyRow('Change key', 'ChangeKey', "'chg-' and a GUID made once per form, so a retried create finds the first."),
    entryIdRow("The changed service's register list item id."),
    {
      key: 'kind', label: 'Kind', group: 'Change', hint: "The service's go-live, or a later change to it.",
      kind: { type: 'choice', choices: CHANGE_KINDS, message: 'Choose go-live or change' }, headers: NO_HEADERS, column: { name: 'ChangeKind' },
    },
    { key: 'whatChanged', label: 'What changed', group: 'Change', hint: 'What is different for staff or patients.', kind: NOTE, headers: NO_HEADERS, column: { name: 'WhatChanged' } },
    { key: 'howTested', label: 'How it was tested', group: 'Change', hint: 'How it was tried before going live; blank means no record of testing.', kind: NOTE, headers: NO_HEADERS, column: { name: 'HowTested' } },
    { key: 'approvedBy', label: 'Approved by', group: 'Change', hint: 'Who approved the change.', kind: TEXT, headers: NO_HEADERS, column: { name: 'ApprovedBy' } },
    { key: 'staffTold', label: 'How staff were told', group: 'Change', hint: 'How staff heard about the change.', kind: NOTE, headers: NO_HEADERS, column: { name: 'StaffTold' } },
    {
      key: 'goLiveOn', label: 'Go-live date', group: 'Change', hint: 'The day the change reached staff or patients.',
      kind: { type: 'date', noun: 'Go-live date', pastOnly: false }, headers: NO_HEADERS, column: { name: 'GoLiveOn', indexed: true },
    },
    {
      key: 'workloadCheckDue', label: 'Workload check due', group: 'Change', hint: 'Six weeks after go-live: "where has the workload gone?"',
      kind: { type: 'date', noun: 'Workload check due date', pastOnly: false }, headers: NO_HEADERS, column: { name: 'WorkloadCheckDue' },
    },
    { key: 'recordedBy', label: 'Recorded by', group: 'Record', hint: 'Who recorded the change.', kind: TEXT, headers: NO_HEADERS, column: { name: 'RecordedBy' } },
    {
      key: 'recordedAt', label: 'Recorded at', group: 'Record', hint: 'When it was recorded, as an ISO instant in UTC.',
      kind: TEXT, headers: NO_HEADERS, column: { name: 'RecordedAt', displayName: 'Recorded at (UTC)' },
    },
  ],
  groups: ['Change', 'Record'],
};

/**
 * Columns no row can say, kept by hand in their places: the workload check is one nested object (a
 * check not yet made is null, so its yes/no is null too); the gate's outcome is JSON read through
 * zod; the lifecycle before go-live is a nullable code held as its label in a text column.
 */
const AFTER_WORKLOAD_CHECK_DUE: readonly ListColumn[] = [
  { name: 'WorkloadCheckedOn', displayName: 'Workload checked on', kind: 'date' },
  { name: 'WorkloadCheckedBy', displayName: 'Workload checked by', kind: 'text' },
  { name: 'WorkloadFinding', displayName: 'Where the workload went', kind: 'note' },
  { name: 'WorkloadActionNeeded', displayName: 'Workload action needed', kind: 'choice', choices: YES_NO },
  { name: 'GateOutcomes', displayName: 'Go-live gate (JSON)', kind: 'note' },
  { name: 'FromLifecycle', displayName: 'Lifecycle before', kind: 'text' },
];

export const CHANGES_LIST: ListDefinition = {
  name: CHANGES_LIST_NAME,
  description: 'Changes to the services in the Digital Services Register and their go-lives: what changed, how it was tested, who approved it, how staff were told, and the workload check. Written by the register tab.',
  columns: columnsOf(CHANGE_SCHEMA, { workloadCheckDue: AFTER_WORKLOAD_CHECK_DUE }),
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
    // Title is composed (the service's name has no column of its own): see serviceTitleOf.
    Title: changeTitle(change),
    ...toListFields<PlainChange>(CHANGE_SCHEMA, change),
    WorkloadCheckedOn: dateToField(check?.on ?? null),
    WorkloadCheckedBy: check?.by ?? '',
    WorkloadFinding: check?.finding ?? '',
    WorkloadActionNeeded: check === null ? null : check.actionNeeded ? 'Yes' : 'No',
    GateOutcomes: change.gates.length === 0 ? '' : JSON.stringify({ v: 1, gates: change.gates }),
    FromLifecycle: change.fromLifecycle === null ? '' : labelOf(LIFECYCLES, change.fromLifecycle),
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

/** What the rows read when a value is missing: the blanks fieldsToChange refuses. */
const UNREAD: PlainChange = {
  key: '', entryId: '', kind: '', whatChanged: '', howTested: '', approvedBy: '', staffTold: '', goLiveOn: null, workloadCheckDue: null, recordedBy: '', recordedAt: '',
};

/** @returns the record, or null when the item is not one the register can read (edited by hand). */
export function fieldsToChange(fields: ListItemFields): ChangeRecord | null {
  const { kind, goLiveOn, workloadCheckDue, key, entryId, ...plain } = fromListFields(CHANGE_SCHEMA, fields, UNREAD);
  const gates = readGates(fields.GateOutcomes);
  if (kind === '' || goLiveOn === null || workloadCheckDue === null || gates === null || key === '' || entryId === '') return null;
  const checkedOn = fieldToDate(fields.WorkloadCheckedOn);
  const from = codeOf(LIFECYCLES, text(fields.FromLifecycle)) as Lifecycle | undefined;
  return {
    ...plain,
    key,
    entryId,
    serviceTitle: serviceTitleOf(text(fields.Title), kind),
    kind,
    goLiveOn,
    workloadCheckDue,
    workloadCheck: checkedOn === null ? null : {
      on: checkedOn, by: text(fields.WorkloadCheckedBy), finding: text(fields.WorkloadFinding), actionNeeded: fields.WorkloadActionNeeded === 'Yes',
    },
    gates,
    fromLifecycle: from ?? null,
  };
}
