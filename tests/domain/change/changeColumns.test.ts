/**
 * The changes list's plain fields are one schema row each: the list's columns come from the rows
 * (the workload check, the gate's outcome and the lifecycle before go-live are hand-written), the
 * columns are the ones every existing list was provisioned with, and records round-trip.
 */
import {
  CHANGE_FIELD_NAMES,
  CHANGE_SCHEMA,
  CHANGES_LIST,
  changeToFields,
  fieldsToChange,
  type ChangeRecord,
} from '../../../src/domain/change';
import { columnSummary, expectColumnsFromRows } from '../lists/listFromRows';

const change = (overrides: Partial<ChangeRecord> = {}): ChangeRecord => ({
  key: 'chg-1', entryId: '1', serviceTitle: 'EMIS Web', kind: 'change', whatChanged: 'Switched reminders to the new SMS template.',
  howTested: 'Sent to three staff phones first.', approvedBy: 'Priya Shah', staffTold: 'Practice meeting.', goLiveOn: '2026-05-01',
  workloadCheckDue: '2026-06-12', workloadCheck: null, gates: [], fromLifecycle: null, recordedBy: 'Priya Shah', recordedAt: '2026-05-01T09:00:00.000Z',
  ...overrides,
});

test('the columns are the schema rows’ columns, in their places among the hand-written ones', () => {
  expectColumnsFromRows(CHANGES_LIST, CHANGE_SCHEMA, [
    'WorkloadCheckedOn', 'WorkloadCheckedBy', 'WorkloadFinding', 'WorkloadActionNeeded', 'GateOutcomes', 'FromLifecycle',
  ]);
  expect(CHANGE_FIELD_NAMES).toEqual(['Title', ...CHANGES_LIST.columns.map((column) => column.name)]);
});

test('the columns are the ones existing lists were provisioned with', () => {
  expect(CHANGES_LIST.columns.map(columnSummary)).toEqual([
    'ChangeKey | Change key | text indexed unique',
    'EntryId | Register entry id | text indexed',
    'ChangeKind | Kind | choice [Go-live/Change]',
    'WhatChanged | What changed | note',
    'HowTested | How it was tested | note',
    'ApprovedBy | Approved by | text',
    'StaffTold | How staff were told | note',
    'GoLiveOn | Go-live date | date indexed',
    'WorkloadCheckDue | Workload check due | date',
    'WorkloadCheckedOn | Workload checked on | date',
    'WorkloadCheckedBy | Workload checked by | text',
    'WorkloadFinding | Where the workload went | note',
    'WorkloadActionNeeded | Workload action needed | choice [Yes/No]',
    'GateOutcomes | Go-live gate (JSON) | note',
    'FromLifecycle | Lifecycle before | text',
    'RecordedBy | Recorded by | text',
    'RecordedAt | Recorded at (UTC) | text',
  ]);
});

test('the plain fields are written as their rows say, beside the hand-written ones', () => {
  expect(changeToFields(change({ kind: 'go-live', fromLifecycle: 'trial' }))).toEqual({
    Title: 'EMIS Web: Go-live', ChangeKey: 'chg-1', EntryId: '1', ChangeKind: 'Go-live', WhatChanged: 'Switched reminders to the new SMS template.',
    HowTested: 'Sent to three staff phones first.', ApprovedBy: 'Priya Shah', StaffTold: 'Practice meeting.', GoLiveOn: '2026-05-01T12:00:00Z',
    WorkloadCheckDue: '2026-06-12T12:00:00Z', WorkloadCheckedOn: null, WorkloadCheckedBy: '', WorkloadFinding: '', WorkloadActionNeeded: null,
    GateOutcomes: '', FromLifecycle: 'Trial', RecordedBy: 'Priya Shah', RecordedAt: '2026-05-01T09:00:00.000Z',
  });
});

test.each([
  ['a change without a check', change()],
  ['a go-live with its gate and a check needing action', change({
    kind: 'go-live', fromLifecycle: 'trial', gates: [{ gate: 'dpia', state: 'met' }, { gate: 'escalation', state: 'waived', by: 'Priya Shah', reason: 'Supplier escalates.' }],
    workloadCheck: { on: '2026-06-15', by: 'Tom Reed', finding: 'More admin triage.', actionNeeded: true },
  })],
  ['a check needing nothing, blank testing and a colon in the name', change({ serviceTitle: 'Docman: Workflow', howTested: '', workloadCheck: { on: '2026-06-15', by: 'Tom', finding: 'None', actionNeeded: false } })],
])('%s round-trips through list item fields', (_name, record) => {
  expect(fieldsToChange(JSON.parse(JSON.stringify(changeToFields(record))))).toEqual(record);
});

test('a required plain field missing from an item makes it unreadable, as before', () => {
  const fields = changeToFields(change());
  for (const column of ['ChangeKey', 'EntryId', 'ChangeKind', 'GoLiveOn', 'WorkloadCheckDue']) expect(fieldsToChange({ ...fields, [column]: '' })).toBeNull();
  // A missing optional one reads blank; a choice holding its code instead of its label still reads.
  expect(fieldsToChange({ ...fields, ApprovedBy: undefined, ChangeKind: 'change' })).toEqual(change({ approvedBy: '' }));
});
