import { filterByFlag, sideBySide, sortSideBySide, totalFlags, type SideBySideRow } from '../../../../src/domain/network';
import { OVERDUE, TODAY, incident, loaded, notOptedIn, practice, stored, unavailable } from './rollupFixtures';

// Ashby: 1 gap question, 1 overdue, 2 flags, 2 incidents, changed 1 June.
// Beacon: 2 gap questions, 2 overdue, 3 flags, incidents not known, changed 10 June.
// Castle: healthy, 0 incidents, changed 5 May.
const ASHBY = loaded(practice('a', 'Ashby Surgery'), [stored('a1', OVERDUE, '2026-06-01T10:00:00Z'), stored('a2')], [incident('a1', 'Service a1'), incident('a2', 'Service a2')]);
const BEACON = loaded(practice('b', 'Beacon Practice'), [stored('b1', OVERDUE, '2026-06-10T10:00:00Z'), stored('b2', { ...OVERDUE, owner: null })], null);
const CASTLE = loaded(practice('c', 'castle Health Centre'), [stored('c1', {}, '2026-05-05T10:00:00Z')], []);
const DOWN = unavailable(practice('d', 'Dale Surgery'), 'failed');
const ABSENT = notOptedIn(practice('e', 'Abbey Road'));
const ROWS = sideBySide([DOWN, BEACON, ABSENT, CASTLE, ASHBY], TODAY);

const names = (rows: readonly SideBySideRow[]) => rows.map((row) => row.practice.name);
const LAST = ['Dale Surgery', 'Abbey Road'];

test('by name, either direction, ignoring case; unavailable and then not-opted-in practices last', () => {
  expect(names(sortSideBySide(ROWS, 'name', 'ascending'))).toEqual(['Ashby Surgery', 'Beacon Practice', 'castle Health Centre', ...LAST]);
  expect(names(sortSideBySide(ROWS, 'name', 'descending'))).toEqual(['castle Health Centre', 'Beacon Practice', 'Ashby Surgery', ...LAST]);
});

test.each([
  ['gaps', ['castle Health Centre', 'Ashby Surgery', 'Beacon Practice']],
  ['overdue', ['castle Health Centre', 'Ashby Surgery', 'Beacon Practice']],
  ['flags', ['castle Health Centre', 'Ashby Surgery', 'Beacon Practice']],
  ['lastChanged', ['castle Health Centre', 'Ashby Surgery', 'Beacon Practice']],
] as const)('by %s ascending and descending, the others always last', (by, ascending) => {
  expect(names(sortSideBySide(ROWS, by, 'ascending'))).toEqual([...ascending, ...LAST]);
  expect(names(sortSideBySide(ROWS, by, 'descending'))).toEqual([...[...ascending].reverse(), ...LAST]);
});

test('by open incidents: a practice whose incidents are not known sorts after the known ones in both directions', () => {
  expect(names(sortSideBySide(ROWS, 'incidents', 'ascending'))).toEqual(['castle Health Centre', 'Ashby Surgery', 'Beacon Practice', ...LAST]);
  expect(names(sortSideBySide(ROWS, 'incidents', 'descending'))).toEqual(['Ashby Surgery', 'castle Health Centre', 'Beacon Practice', ...LAST]);
});

test('ties keep name order in both directions; an empty register (no last change) sorts after dated ones', () => {
  const even = sideBySide([loaded(practice('y', 'Yew Tree'), [stored('y1', OVERDUE)]), loaded(practice('x', 'Oak Tree'), [stored('x1', OVERDUE)]), loaded(practice('z', 'Zeta'), [])], TODAY);
  expect(names(sortSideBySide(even, 'overdue', 'descending'))).toEqual(['Oak Tree', 'Yew Tree', 'Zeta']);
  expect(names(sortSideBySide(even, 'lastChanged', 'descending'))).toEqual(['Oak Tree', 'Yew Tree', 'Zeta']);
  expect(names(sortSideBySide(even, 'lastChanged', 'ascending'))).toEqual(['Oak Tree', 'Yew Tree', 'Zeta']);
});

test('total flags counts every flag raised', () => {
  const beacon = ROWS.find((row) => row.kind === 'summary' && row.practice.key === 'b');
  expect(beacon?.kind === 'summary' && totalFlags(beacon.summary)).toBe(3);
});

test('filter by flag keeps the practices raising it, and keeps those whose data is not known (never read as "none")', () => {
  expect(names(filterByFlag(ROWS, 'no-owner'))).toEqual(['Dale Surgery', 'Beacon Practice', 'Abbey Road']);
  expect(names(filterByFlag(ROWS, 'review-overdue'))).toEqual(['Dale Surgery', 'Beacon Practice', 'Abbey Road', 'Ashby Surgery']);
  expect(names(filterByFlag(ROWS, 'personal-data-no-dpia'))).toEqual(['Dale Surgery', 'Abbey Road']);
  expect(filterByFlag(ROWS, null)).toEqual(ROWS);
});
