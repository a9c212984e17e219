/**
 * The ICB summary's training and change-management headings: each service in use with its training
 * or quick guide, when staff were trained and its escalation route; the last 12 months' changes with
 * how each was tested (or that it was not) and the live services without a go-live record. Records
 * not yet read are said so, never counted as none.
 */
import { CHANGE_HEADING, TRAINING_HEADING, icbSummary, withTrainingAndChangeSections } from '../../../src/domain/export';
import { workloadCheckDueFor, type ChangeRecord } from '../../../src/domain/change';
import { TODAY, healthyEntry } from '../entryFixture';

const stored = (id: string, overrides: Parameters<typeof healthyEntry>[0]) => ({ id, entry: healthyEntry(overrides) });

const ENTRIES = [
  stored('1', { title: 'EMIS Web', trainingLink: 'https://learning.example.co.uk/emis', staffTrainedOn: '2026-02-01', escalationRoute: 'ICB service desk, then the supplier account manager' }),
  stored('2', { title: 'Accurx', lifecycle: 'trial', trainingLink: '', staffTrainedOn: null, escalationRoute: '' }),
  stored('3', { title: 'Old fax gateway', lifecycle: 'retired' }),
];

function change(overrides: Partial<ChangeRecord>): ChangeRecord {
  return {
    key: 'chg-1', entryId: '1', serviceTitle: 'EMIS Web', kind: 'change', whatChanged: 'New appointment template.',
    howTested: 'Tried on the training system first.', approvedBy: 'Priya Shah', staffTold: 'Practice meeting.',
    goLiveOn: '2026-05-01', workloadCheckDue: workloadCheckDueFor('2026-05-01'), workloadCheck: null, gates: [], fromLifecycle: null,
    recordedBy: 'Priya Shah', recordedAt: '2026-05-01T09:00:00.000Z', ...overrides,
  };
}

const base = () => icbSummary(ENTRIES.map((s) => s.entry), { practice: 'Riverside', today: TODAY });

test('the training heading lists each service in use with its guide, training date and escalation route', () => {
  const summary = base();
  const { rows, headingRows } = withTrainingAndChangeSections(summary, ENTRIES, [], TODAY);
  const start = summary.rows.length;
  expect(rows[start]).toEqual([TRAINING_HEADING]);
  expect(rows[start + 1]).toEqual(['Services in use: 2; with a training or quick-guide link: 1; staff trained in the last 12 months: 1; with an escalation route: 1.']);
  expect(rows[start + 2]).toEqual(['Service', 'Training or quick guide', 'Staff trained on', 'Escalation route']);
  // Sorted by name; the retired service is not listed.
  expect(rows.slice(start + 3, start + 5)).toEqual([
    ['Accurx', 'None recorded', 'Not recorded', 'None recorded'],
    ['EMIS Web', 'https://learning.example.co.uk/emis', '1 February 2026', 'ICB service desk, then the supplier account manager'],
  ]);
  expect(headingRows).toEqual(expect.arrayContaining([...summary.headingRows, start, start + 2]));
  expect(rows.flat()).not.toContain('Old fax gateway');
});

test('the change heading lists the last 12 months of changes, says which were untested, and names live services without a go-live record', () => {
  const changes = [
    change({}),
    change({ key: 'chg-2', entryId: '2', serviceTitle: 'Accurx', whatChanged: 'Patient triage form reworded.', howTested: '', goLiveOn: '2026-06-01', workloadCheckDue: workloadCheckDueFor('2026-06-01') }),
    change({ key: 'chg-3', whatChanged: 'Too old to count.', goLiveOn: '2025-01-10', workloadCheckDue: workloadCheckDueFor('2025-01-10') }),
  ];
  const summary = base();
  const { rows, headingRows } = withTrainingAndChangeSections(summary, ENTRIES, changes, TODAY);
  const start = rows.findIndex((row) => row[0] === CHANGE_HEADING);
  expect(start).toBeGreaterThan(summary.rows.length);
  expect(rows[start + 1]).toEqual(['Changes recorded in the last 12 months: 2; with a record of testing: 1; without: 1.']);
  // EMIS Web is live and its only records are changes: no go-live record.
  expect(rows[start + 2]).toEqual(['Live services with a go-live record: 0 of 1. Without: EMIS Web.']);
  expect(rows[start + 3]![0]).toBe('Service');
  expect(headingRows).toContain(start + 3);
  // Newest first; the untested change says so in words.
  expect(rows[start + 4]!.slice(0, 5)).toEqual(['Accurx', 'Change', '1 June 2026', 'Patient triage form reworded.', 'No record of testing']);
  expect(rows[start + 5]!.slice(0, 5)).toEqual(['EMIS Web', 'Change', '1 May 2026', 'New appointment template.', 'Tried on the training system first.']);
  expect(rows.flat()).not.toContain('Too old to count.');

  const withGoLive = withTrainingAndChangeSections(summary, ENTRIES, [...changes, change({ key: 'chg-4', kind: 'go-live', whatChanged: 'Went live', goLiveOn: '2026-04-01' })], TODAY);
  expect(withGoLive.rows).toContainEqual(['Live services with a go-live record: 1 of 1.']);
});

test('change records not yet read are said so, not reported as none', () => {
  const { rows } = withTrainingAndChangeSections(base(), ENTRIES, null, TODAY);
  const start = rows.findIndex((row) => row[0] === CHANGE_HEADING);
  expect(rows[start + 1]![0]).toMatch(/^The change records could not be read when this file was made/);
  expect(rows.flat().some((cell) => /Changes recorded in the last 12 months/.test(cell))).toBe(false);
  const none = withTrainingAndChangeSections(base(), ENTRIES, [], TODAY);
  expect(none.rows).toContainEqual(['No changes were recorded in the register in the last 12 months.']);
});
