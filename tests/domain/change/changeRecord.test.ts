/**
 * Change records: validation in the form's words, the workload check six weeks after go-live, the
 * list's columns (round trip, hand-edited items read as unreadable), and what the records mean for
 * risk flags and the Overview's question 9.
 */
import {
  CHANGES_LIST,
  changeErrors,
  changeToFields,
  fieldsToChange,
  recordRiskContexts,
  recordWorkloadCheck,
  untestedChanges,
  workloadCheckDueFor,
  workloadCheckErrors,
  workloadChecksDue,
  workloadState,
  workloadText,
  type ChangeRecord,
} from '../../../src/domain/change';
import { answerTenQuestions, reviewStatus, riskFlags, type MaturityRow, type RegisterEntry } from '../../../src/domain';
import { TODAY, healthyEntry } from '../entryFixture';

function change(overrides: Partial<ChangeRecord> = {}): ChangeRecord {
  return {
    key: 'chg-1', entryId: '1', serviceTitle: 'EMIS Web', kind: 'change',
    whatChanged: 'Switched appointment reminders to the new SMS template.',
    howTested: 'Sent to three staff phones first; checked the wording and the link.',
    approvedBy: 'Priya Shah', staffTold: 'Practice meeting and a note in the staff channel.',
    goLiveOn: '2026-05-01', workloadCheckDue: workloadCheckDueFor('2026-05-01'), workloadCheck: null,
    gates: [], fromLifecycle: null, recordedBy: 'Priya Shah', recordedAt: '2026-05-01T09:00:00.000Z',
    ...overrides,
  };
}

test('a change needs what changed, who approved it, how staff were told and a go-live date; testing may be blank', () => {
  expect(changeErrors(change(), TODAY)).toEqual({});
  expect(changeErrors(change({ howTested: '' }), TODAY)).toEqual({});
  expect(changeErrors(change({ whatChanged: ' ', approvedBy: '', staffTold: '', goLiveOn: '' }), TODAY)).toEqual({
    whatChanged: 'Say what changed.', approvedBy: 'Say who approved the change.', staffTold: 'Say how staff were told.', goLiveOn: 'Enter the go-live date.',
  });
  expect(changeErrors(change({ goLiveOn: '2030-01-01' }), TODAY).goLiveOn).toBe('The go-live date must be within a year from today.');
});

test('the workload check is due six weeks after go-live and reads as due, overdue or done', () => {
  const record = change();
  expect(record.workloadCheckDue).toBe('2026-06-12');
  expect(workloadState(record, '2026-06-01')).toBe('not-yet');
  expect(workloadState(record, '2026-06-12')).toBe('due');
  expect(workloadState(record, TODAY)).toBe('overdue');
  expect(workloadText(record, TODAY)).toBe('Workload check overdue since 12 June 2026');
  expect(workloadChecksDue([record], TODAY)).toEqual([record]);
  const checked = recordWorkloadCheck(record, { on: TODAY, by: ' Tom Reed ', finding: 'Reception calls down; no new admin work.', actionNeeded: false });
  expect(workloadState(checked, TODAY)).toBe('done');
  expect(workloadText(checked, TODAY)).toBe('Workload checked 15 June 2026 by Tom Reed: Reception calls down; no new admin work.');
  expect(workloadChecksDue([checked], TODAY)).toEqual([]);
  expect(workloadCheckErrors({ on: '2026-04-01', by: '', finding: '', actionNeeded: false }, record, TODAY)).toEqual({
    on: 'The check cannot be before the go-live date.', by: 'Say who checked.', finding: 'Say where the workload has gone.',
  });
});

test('the list has a unique, indexed key and indexed entry id and go-live date', () => {
  const byName = new Map(CHANGES_LIST.columns.map((column) => [column.name, column]));
  expect(CHANGES_LIST.name).toBe('Digital Services Changes');
  expect(byName.get('ChangeKey')).toMatchObject({ indexed: true, enforceUniqueValues: true });
  expect(byName.get('EntryId')?.indexed).toBe(true);
  expect(byName.get('GoLiveOn')?.indexed).toBe(true);
});

test('a record survives the round trip through list item fields, gate outcome and workload check included', () => {
  const record = change({
    kind: 'go-live', fromLifecycle: 'trial',
    gates: [{ gate: 'dpia', state: 'met' }, { gate: 'escalation', state: 'waived', by: 'Priya Shah', reason: 'Supplier escalates.' }],
    workloadCheck: { on: TODAY, by: 'Tom Reed', finding: 'More admin triage.', actionNeeded: true },
  });
  const fields = changeToFields(record);
  expect(fields.Title).toBe('EMIS Web: Go-live');
  expect(fields.WorkloadActionNeeded).toBe('Yes');
  // SharePoint gives dates back as instants: read them as London dates.
  const fromGraph = { ...fields, GoLiveOn: '2026-04-30T23:00:00Z', WorkloadCheckDue: '2026-06-11T23:00:00Z', WorkloadCheckedOn: '2026-06-14T23:00:00Z' };
  expect(fieldsToChange(fromGraph)).toEqual(record);
  expect(changeToFields(change()).WorkloadActionNeeded).toBeNull();
});

test('an item edited by hand into something else reads as unreadable (null), never half-shown', () => {
  const fields = changeToFields(change({ gates: [{ gate: 'dpia', state: 'met' }] }));
  expect(fieldsToChange({ ...fields, GateOutcomes: '{"v":1,"gates":[{"gate":"moon"}]}' })).toBeNull();
  expect(fieldsToChange({ ...fields, GateOutcomes: 'not json' })).toBeNull();
  expect(fieldsToChange({ ...fields, ChangeKind: 'Something else' })).toBeNull();
  expect(fieldsToChange({ ...fields, GoLiveOn: '' })).toBeNull();
});

test('the records give each entry its risk context: go-live record, untested change; unknown records raise nothing', () => {
  const records = [change({ entryId: '1', kind: 'go-live' }), change({ key: 'chg-2', entryId: '2', howTested: '' })];
  const contextOf = recordRiskContexts({ changes: records });
  expect(contextOf('1')).toEqual({ hasGoLiveRecord: true, untestedChange: false });
  expect(contextOf('2')).toEqual({ hasGoLiveRecord: false, untestedChange: true });
  expect(recordRiskContexts({})('1')).toEqual({});
  expect(recordRiskContexts({ overdueChecklistEntries: new Set(['3']) })('3')).toEqual({ checklistOverdue: true });
  expect(untestedChanges(records).map((record) => record.key)).toEqual(['chg-2']);
});

describe('question 9 answered from the change records', () => {
  function row(id: string, overrides: Partial<RegisterEntry>, records: readonly ChangeRecord[]): MaturityRow {
    const entry = healthyEntry({ title: `Service ${id}`, ...overrides });
    return { id, entry, status: reviewStatus(entry, TODAY), flags: riskFlags(entry, TODAY, { ownerLeft: false, ...recordRiskContexts({ changes: records })(id) }) };
  }
  const q9 = (rows: MaturityRow[], records: readonly ChangeRecord[]) => answerTenQuestions(rows, TODAY, { changes: records }).find((answer) => answer.id === 'change-testing')!;

  test('every change tested and every live service with its go-live: answered, per service', () => {
    const records = [change({ entryId: '1', kind: 'go-live' }), change({ key: 'chg-2', entryId: '1' }), change({ key: 'chg-3', entryId: '2', kind: 'go-live' })];
    const rows = [row('1', {}, records), row('2', {}, records)];
    const answer = q9(rows, records);
    expect(answer.outcome).toBe('answered');
    expect(answer.summary).toBe('3 changes recorded for 2 services; 3 of 3 say how they were tested before going live. 2 of 2 live services have a go-live record.');
    expect(answer.cannotTell).toBeUndefined();
  });

  test('changes without a record of testing and live services without a go-live record are listed', () => {
    const records = [change({ entryId: '1', kind: 'go-live' }), change({ key: 'chg-2', entryId: '1', howTested: '' })];
    const rows = [row('1', {}, records), row('2', {}, records), row('3', { lifecycle: 'trial' }, records)];
    const answer = q9(rows, records);
    expect(answer.outcome).toBe('gaps');
    expect(answer.summary).toBe('2 changes recorded for 1 service; 1 of 2 say how they were tested before going live. 1 of 2 live services has a go-live record.');
    expect(answer.gaps).toEqual([
      { label: 'Changes with no record of testing (1 change)', entryIds: ['1'], flag: 'change-untested' },
      { label: 'Live without a go-live record', entryIds: ['2'], flag: 'live-without-go-live-record' },
    ]);
  });

  test('without the records, question 9 answers from the notes as before', () => {
    const answer = answerTenQuestions([row('1', {}, [])], TODAY).find((item) => item.id === 'change-testing')!;
    expect(answer.outcome).toBe('partial');
    expect(answer.cannotTell).toMatch(/no field for how changes are tested/);
  });
});
