import { answerTenQuestions } from '../../../../src/domain';
import { maturityRowsOf, sideBySide, summarisePractice } from '../../../../src/domain/network';
import { OVERDUE, TODAY, incident, loaded, notOptedIn, practice, stored, unavailable } from './rollupFixtures';

const RIVERSIDE = practice('site-r', 'Riverside Medical Practice');
const HILLTOP = practice('site-h', 'Hilltop Surgery');
const BROOK = practice('site-b', 'Brook Lane');

test('a healthy register answers eight questions and partly answers the two the register cannot settle', () => {
  const summary = summarisePractice(loaded(RIVERSIDE, [stored('1'), stored('2')]), TODAY);
  expect(summary.questions).toEqual({ answered: 8, partial: 2, gaps: 0 });
  expect(summary.outcomes).toMatchObject({ owners: 'answered', dpia: 'partial', 'change-testing': 'partial', 'still-works': 'answered' });
  expect(Object.keys(summary.outcomes)).toHaveLength(10);
  expect(summary.flagCounts).toEqual({});
  expect(summary.overdueReviews).toBe(0);
});

test('the tallies are the ten questions of the practice\'s own Overview, from the same rows', () => {
  const entries = [stored('1', { owner: null }), stored('2', OVERDUE), stored('3', { downtimeProcess: '', dpiaStatus: 'in-progress' })];
  const own = answerTenQuestions(maturityRowsOf(entries, TODAY), TODAY);
  const summary = summarisePractice(loaded(RIVERSIDE, entries), TODAY);
  expect(summary.outcomes).toEqual(Object.fromEntries(own.map((answer) => [answer.id, answer.outcome])));
  expect(summary.questions).toEqual({ answered: 5, partial: 2, gaps: 3 });
  expect(summary.outcomes).toMatchObject({ owners: 'gaps', downtime: 'gaps', 'still-works': 'gaps', dpia: 'partial' });
});

test('counts overdue reviews (not retired), flags, open incidents, entries and the last change', () => {
  const entries = [
    stored('1', OVERDUE, '2026-05-01T10:00:00Z'),
    stored('2', { ...OVERDUE, owner: null }, '2026-06-10T16:30:00Z'),
    stored('3', { ...OVERDUE, lifecycle: 'retired' }, '2026-03-01T10:00:00Z'),
    stored('4', {}, '2026-06-10T09:00:00Z'),
  ];
  const summary = summarisePractice(loaded(RIVERSIDE, entries, [incident('4', 'Service 4'), incident('1', 'Service 1')]), TODAY);
  expect(summary.overdueReviews).toBe(2);
  expect(summary.flagCounts).toEqual({ 'no-owner': 1, 'review-overdue': 2 });
  expect(summary.openIncidents).toBe(2);
  expect(summary.entryCount).toBe(4);
  expect(summary.lastChangedAt).toBe('2026-06-10T16:30:00Z');
  expect(summary.practiceKey).toBe('site-r');
  expect(summary.name).toBe('Riverside Medical Practice');
});

test('open incidents are "not known" (null) without an incidents list, never 0; an empty register has no last change', () => {
  const summary = summarisePractice(loaded(RIVERSIDE, [], null), TODAY);
  expect(summary.openIncidents).toBeNull();
  expect(summary.lastChangedAt).toBeNull();
  expect(summary.entryCount).toBe(0);
});

test('one row per practice on the roster: unavailable and not-opted-in practices say so, with the reason', () => {
  const rows = sideBySide([loaded(RIVERSIDE, [stored('1')]), unavailable(HILLTOP, 'throttled'), notOptedIn(BROOK)], TODAY);
  expect(rows.map((row) => [row.kind, row.practice.name])).toEqual([
    ['summary', 'Riverside Medical Practice'],
    ['unavailable', 'Hilltop Surgery'],
    ['not-opted-in', 'Brook Lane'],
  ]);
  expect(rows[1]).toMatchObject({ kind: 'unavailable', reason: 'throttled', detail: 'HTTP 403' });
  expect(rows[1]).not.toHaveProperty('summary');
});
