import { questionCoverage } from '../../../../src/domain/network';
import { OVERDUE, TODAY, loaded, notOptedIn, practice, stored, unavailable } from './rollupFixtures';

const LOADS = [
  loaded(practice('a', 'Abbey'), [stored('a1'), stored('a2', { owner: null })]),
  loaded(practice('b', 'Beacon'), [stored('b1', OVERDUE)]),
  loaded(practice('c', 'Castle'), [stored('c1', { owner: null, ...OVERDUE })]),
  unavailable(practice('d', 'Dale')),
  notOptedIn(practice('e', 'Elm')),
];

const byId = (id: string) => questionCoverage(LOADS, TODAY).find((item) => item.questionId === id)!;

test('one item per question in the questions\' order, each practice counted once', () => {
  const coverage = questionCoverage(LOADS, TODAY);
  expect(coverage.map((item) => item.questionId)).toEqual(['rely-on', 'owners', 'provision', 'support', 'data', 'dpia', 'access', 'downtime', 'change-testing', 'still-works']);
  expect(coverage[0]!.question).toBe('What do we rely on every day?');
  for (const item of coverage) expect(item.answered + item.partial + item.gaps + item.notKnown).toBe(LOADS.length);
});

test('counts practices answering, partly answering and with gaps; the unread ones as not known', () => {
  expect(byId('owners')).toMatchObject({ answered: 1, partial: 0, gaps: 2, notKnown: 2 });
  expect(byId('still-works')).toMatchObject({ answered: 1, partial: 0, gaps: 2, notKnown: 2 });
  expect(byId('dpia')).toMatchObject({ answered: 0, partial: 3, gaps: 0 });
  expect(byId('support')).toMatchObject({ answered: 3, partial: 0, gaps: 0 });
});

test('with no practice read, every question is not known for all of them', () => {
  const coverage = questionCoverage([unavailable(practice('d', 'Dale'))], TODAY);
  expect(coverage).toHaveLength(10);
  expect(coverage.every((item) => item.notKnown === 1 && item.answered + item.partial + item.gaps === 0)).toBe(true);
});
