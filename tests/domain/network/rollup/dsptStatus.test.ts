import { UNAVAILABLE_REASONS, dsptStatusAcross, dsptStatusSheet } from '../../../../src/domain/network';
import { OVERDUE, TODAY, loaded, notOptedIn, practice, stored, unavailable } from './rollupFixtures';

const LOADS = [
  loaded(practice('m', 'Met Surgery'), [stored('m1'), stored('m2', { lifecycle: 'retired', owner: null, ...OVERDUE }), stored('m3', { lifecycle: 'proposed', owner: null })]),
  loaded(practice('g', 'Gaps Practice'), [
    stored('g1', { owner: null }),
    stored('g2', OVERDUE),
    stored('g3', { ...OVERDUE, owner: null }),
    stored('g4', { lifecycle: 'trial', lastReviewedOn: null, nextReviewDue: null }),
  ]),
  loaded(practice('e', 'Empty Register'), []),
  unavailable(practice('u', 'Unreachable'), 'not-found'),
  notOptedIn(practice('o', 'Opted Out')),
];

const byName = (name: string) => dsptStatusAcross(LOADS, TODAY).find((row) => row.practice === name)!;

test('met: every service in use has an owner and is within its review dates (retired and proposed entries do not count)', () => {
  expect(byName('Met Surgery')).toMatchObject({ practiceKey: 'm', status: 'met', reasons: [], servicesInUse: 1 });
  expect(byName('Met Surgery').detail).toBe('The one service in use has an owner and is within its review dates.');
});

test('gaps: each reason with the number of services in use it affects, in the flags\' order', () => {
  const gaps = byName('Gaps Practice');
  expect(gaps.status).toBe('gaps');
  expect(gaps.reasons).toEqual([
    { label: 'No owner', count: 2 },
    { label: 'Review overdue', count: 2 },
    { label: 'In use, never reviewed', count: 1 },
  ]);
  expect(gaps.detail).toBe('No owner: 2; Review overdue: 2; In use, never reviewed: 1.');
});

test('a register with no services in use is not "met"', () => {
  expect(byName('Empty Register')).toMatchObject({ status: 'gaps', servicesInUse: 0, detail: 'The register lists no services in use.' });
});

test('practices not read are "not known", with why; rows are in practice-name order', () => {
  const rows = dsptStatusAcross(LOADS, TODAY);
  expect(rows.map((row) => row.practice)).toEqual(['Empty Register', 'Gaps Practice', 'Met Surgery', 'Opted Out', 'Unreachable']);
  expect(byName('Unreachable')).toMatchObject({ status: 'not known', servicesInUse: null, detail: `Unavailable: ${UNAVAILABLE_REASONS['not-found']}` });
  expect(byName('Opted Out')).toMatchObject({ status: 'not known', servicesInUse: null });
  expect(byName('Opted Out').detail).toMatch(/^Not opted in/);
});

test('the sheet: title, network, date, then the table with its header in bold', () => {
  const sheet = dsptStatusSheet(dsptStatusAcross(LOADS, TODAY), 'Northgate PCN', TODAY);
  expect(sheet.name).toBe('DSPT 7.1.1 status');
  expect(sheet.rows[0]![0]).toMatch(/^DSPT 7\.1\.1 status across practices/);
  expect(sheet.rows[1]).toEqual(['Network', 'Northgate PCN']);
  expect(sheet.rows[2]).toEqual(['Produced on', '15 June 2026']);
  const header = sheet.boldRows![1]!;
  expect(sheet.rows[header]).toEqual(['Practice', 'DSPT 7.1.1 status', 'Services in use', 'Reasons']);
  expect(sheet.rows.slice(header + 1).map((row) => row.slice(0, 3))).toEqual([
    ['Empty Register', 'Gaps', '0'],
    ['Gaps Practice', 'Gaps', '4'],
    ['Met Surgery', 'Met', '1'],
    ['Opted Out', 'Not known', 'Not known'],
    ['Unreachable', 'Not known', 'Not known'],
  ]);
});
