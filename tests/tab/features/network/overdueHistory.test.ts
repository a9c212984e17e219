/**
 * Which entries' versions the overdue chart reads: only those changed within its months, at most the
 * cap; the rest are judged on their current fields (exact for the unchanged ones).
 */
import { monthEndsBefore } from '../../../../src/domain/network';
import { planHistory } from '../../../../src/tab/features/network/overdueHistory';
import { sessionCacheFor } from '../../../../src/tab/features/network/networkCache';
import { LOADS, RIVERSIDE, TODAY, stored } from './fixtures';

const months = monthEndsBefore(TODAY, 12);
const cache = sessionCacheFor('site-plan-test');
cache.set(RIVERSIDE.key, { registerListId: 'reg-riverside', settingsListId: 's', incidentsListId: null, deltaLink: 'https://graph.test/delta', entries: [] });

test('reads versions only for entries changed within the months, from practices whose register list is known', () => {
  const riverside = LOADS[0];
  if (riverside?.state !== 'loaded') throw new Error('fixture');
  const old = stored('r9', { title: 'Old fax' }, '2025-03-01T10:00:00Z');
  const plan = planHistory([{ ...riverside, entries: [...riverside.entries, old] }, ...LOADS.slice(1)], months, cache);
  expect(plan.toRead.map((read) => [read.registerListId, read.stored.id])).toEqual([['reg-riverside', 'r1'], ['reg-riverside', 'r2']]);
  expect(plan.known.map((history) => history.entryId)).toEqual(['r9']);
  // Ashby's list id is not in the cache: its changed entry is judged on its current fields.
  expect(plan.approximate.map((history) => history.entryId)).toEqual(['a1']);
});

test('beyond the cap, changed entries are judged on their current fields', () => {
  const plan = planHistory(LOADS, months, cache, 1);
  expect(plan.toRead).toHaveLength(1);
  expect(plan.approximate.map((history) => history.entryId).sort()).toEqual(['a1', 'r2']);
});
