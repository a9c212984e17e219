import type { RegisterEntry } from '../../../../src/domain';
import { monthEndsBefore, overdueOverTime, versionInForce, type EntryHistory } from '../../../../src/domain/network';
import { healthyEntry } from '../../entryFixture';

const version = (modifiedAt: string, overrides: Partial<RegisterEntry>) => ({ modifiedAt, entry: healthyEntry(overrides) });

test('the last N month ends before today, oldest first, across a year boundary and February', () => {
  expect(monthEndsBefore('2026-06-15', 3)).toEqual(['2026-03-31', '2026-04-30', '2026-05-31']);
  expect(monthEndsBefore('2026-03-01', 3)).toEqual(['2025-12-31', '2026-01-31', '2026-02-28']);
  expect(monthEndsBefore('2024-03-10', 1)).toEqual(['2024-02-29']);
  expect(monthEndsBefore('2026-06-15', 0)).toEqual([]);
});

test('today is never a month end, even on the last day of the month (the day is not over)', () => {
  expect(monthEndsBefore('2026-05-31', 2)).toEqual(['2026-03-31', '2026-04-30']);
  expect(() => monthEndsBefore('2026-02-30', 1)).toThrow(RangeError);
});

// The review is due on 15 May: due soon at the end of April, overdue at the end of May, and reviewed on 2 June.
const REVIEWED_LATE: EntryHistory = {
  practiceKey: 'a',
  entryId: '1',
  versions: [
    version('2026-06-02T09:00:00Z', { lastReviewedOn: '2026-06-02', nextReviewDue: '2027-06-02' }),
    version('2025-05-15T09:00:00Z', { lastReviewedOn: '2025-05-15', nextReviewDue: '2026-05-15' }),
  ],
};

test('counts each entry as it stood at each month end, so a late review shows as overdue across the month boundary', () => {
  expect(overdueOverTime([REVIEWED_LATE], ['2026-04-30', '2026-05-31', '2026-06-30'])).toEqual([
    { month: '2026-04-30', overdue: 0 },
    { month: '2026-05-31', overdue: 1 },
    { month: '2026-06-30', overdue: 0 },
  ]);
});

test('the version in force is the latest saved on or before the London date, whatever order the versions come in', () => {
  // 23:30 UTC on 31 May is 00:30 on 1 June in London (BST): not in force at the end of 31 May.
  const savedJustAfter: EntryHistory = {
    practiceKey: 'a',
    entryId: '2',
    versions: [
      version('2025-05-15T09:00:00Z', { lastReviewedOn: '2025-05-15', nextReviewDue: '2026-05-15' }),
      version('2026-05-31T23:30:00Z', { lastReviewedOn: '2026-06-01', nextReviewDue: '2027-06-01' }),
    ],
  };
  expect(versionInForce(savedJustAfter.versions, '2026-05-31')?.entry.lastReviewedOn).toBe('2025-05-15');
  expect(versionInForce(savedJustAfter.versions, '2026-06-01')?.entry.lastReviewedOn).toBe('2026-06-01');
  expect(overdueOverTime([savedJustAfter], ['2026-05-31'])).toEqual([{ month: '2026-05-31', overdue: 1 }]);
});

test('an entry created after a month end is not counted for it, and a retired version never counts', () => {
  const created: EntryHistory = { practiceKey: 'b', entryId: '3', versions: [version('2026-05-10T09:00:00Z', { lastReviewedOn: '2024-01-01', nextReviewDue: '2025-01-01' })] };
  const retired: EntryHistory = {
    practiceKey: 'b',
    entryId: '4',
    versions: [
      version('2026-01-05T09:00:00Z', { lastReviewedOn: '2024-01-01', nextReviewDue: '2025-01-01' }),
      version('2026-05-20T09:00:00Z', { lastReviewedOn: '2024-01-01', nextReviewDue: '2025-01-01', lifecycle: 'retired' }),
    ],
  };
  const none: EntryHistory = { practiceKey: 'b', entryId: '5', versions: [] };
  expect(overdueOverTime([created, retired, none, REVIEWED_LATE], ['2026-04-30', '2026-05-31'])).toEqual([
    { month: '2026-04-30', overdue: 1 },
    { month: '2026-05-31', overdue: 2 },
  ]);
  expect(versionInForce(created.versions, '2026-04-30')).toBeNull();
});
