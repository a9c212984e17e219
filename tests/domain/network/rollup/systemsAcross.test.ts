import { filterSystems, normaliseServiceName, systemsAcross } from '../../../../src/domain/network';
import { PRIYA } from '../../entryFixture';
import { OVERDUE, TODAY, loaded, notOptedIn, practice, stored, unavailable } from './rollupFixtures';

const CLOUD_PHONES = { category: 'telephony', title: 'Cloud telephony', supplier: 'X-on' } as const;
const SCRIBE = { category: 'ai-tool', title: 'Accurx Scribe', lifecycle: 'trial', dataTypes: ['patient-identifiable', 'special-category'] } as const;

const NORTH = loaded(practice('n', 'North Street Surgery'), [
  stored('n1', { title: 'Accurx ', category: 'online-consultation' }),
  stored('n2', { ...CLOUD_PHONES, downtimeProcess: '' }),
  stored('n3', { ...SCRIBE, dpiaStatus: 'not-assessed' }),
  stored('n4', { title: 'Old fax', lifecycle: 'retired' }),
]);
const ABBEY = loaded(practice('a', 'Abbey Medical'), [
  stored('a1', { title: 'accuRx', category: 'online-consultation', owner: null }),
  stored('a2', { ...CLOUD_PHONES, title: 'Cloud  Telephony.' }),
  stored('a3', { ...SCRIBE, title: 'AccurxScribe', dpiaStatus: 'complete' }),
]);
const MILL = loaded(practice('m', 'Mill Lane'), [
  stored('m1', { title: 'Accurx', category: 'online-consultation', ...OVERDUE }),
  stored('m2', { ...CLOUD_PHONES, downtimeProcess: '', criticality: 'high' }),
  stored('m3', { ...SCRIBE, title: 'Accurx-Scribe', dpiaStatus: 'in-progress', lifecycle: 'live' }),
  stored('m4', { title: '' }),
  stored('m5', { title: '  ' }),
]);
const LOADS = [NORTH, unavailable(practice('u', 'Unreachable')), ABBEY, notOptedIn(practice('o', 'Opted Out')), MILL];

test('the name key ignores case, spaces, punctuation and accents', () => {
  expect(normaliseServiceName('Accurx ')).toBe('accurx');
  expect(normaliseServiceName('accuRx')).toBe('accurx');
  expect(normaliseServiceName(' Accurx-Scribe. ')).toBe('accurxscribe');
  expect(normaliseServiceName('e-RS')).toBe(normaliseServiceName('ERS'));
  expect(normaliseServiceName('Café  Système')).toBe('cafesysteme');
});

test('groups spelling variants across practices into one row labelled with the most common spelling', () => {
  const rows = systemsAcross(LOADS, TODAY);
  const accurx = rows.find((row) => row.systemKey === 'accurx')!;
  expect(accurx.label).toBe('Accurx');
  expect(accurx.category).toBe('online-consultation');
  expect(accurx.cells.map((cell) => [cell.practiceName, cell.title])).toEqual([
    ['Abbey Medical', 'accuRx'],
    ['Mill Lane', 'Accurx'],
    ['North Street Surgery', 'Accurx '],
  ]);
  const scribe = rows.find((row) => row.systemKey === 'accurxscribe')!;
  expect(scribe.cells).toHaveLength(3);
  expect(scribe.label).toBe('AccurxScribe');
});

test('each cell carries the practice\'s owner, review status, DPIA label, lifecycle, flags and downtime process', () => {
  const accurx = systemsAcross(LOADS, TODAY).find((row) => row.systemKey === 'accurx')!;
  const [abbey, mill, north] = accurx.cells;
  expect(abbey).toMatchObject({ practiceKey: 'a', entryId: 'a1', owner: '', reviewStatus: 'up-to-date', dpia: 'Complete', lifecycle: 'live', flags: ['no-owner'], hasDowntimeProcess: true });
  expect(mill).toMatchObject({ owner: PRIYA.displayName, reviewStatus: 'overdue', flags: ['review-overdue'] });
  expect(north).toMatchObject({ reviewStatus: 'up-to-date', flags: [] });
});

test('rows are sorted by label; retired entries and practices not read are left out; nameless entries stay apart', () => {
  const rows = systemsAcross(LOADS, TODAY);
  expect(rows.map((row) => row.label)).toEqual(['(no name)', '(no name)', 'Accurx', 'AccurxScribe', 'Cloud telephony']);
  expect(rows.flatMap((row) => row.cells.map((cell) => cell.practiceKey))).not.toContain('u');
  expect(rows.flatMap((row) => row.cells.map((cell) => cell.entryId))).not.toContain('n4');
});

test('"which practices have no downtime process for cloud telephony?"', () => {
  const rows = filterSystems(systemsAcross(LOADS, TODAY), { flag: 'no-downtime-process', category: 'telephony' });
  expect(rows.map((row) => row.label)).toEqual(['Cloud telephony']);
  expect(rows[0]!.cells.map((cell) => cell.practiceName)).toEqual(['Mill Lane', 'North Street Surgery']);
  expect(rows[0]!.cells.every((cell) => !cell.hasDowntimeProcess)).toBe(true);
});

test('"where is the AI scribe in trial without a DPIA?"', () => {
  const rows = filterSystems(systemsAcross(LOADS, TODAY), { name: 'scribe', flag: 'personal-data-no-dpia', lifecycle: 'trial' });
  expect(rows).toHaveLength(1);
  expect(rows[0]!.cells.map((cell) => [cell.practiceName, cell.dpia])).toEqual([['North Street Surgery', 'Not assessed']]);
  // Mill Lane's scribe lacks a complete DPIA too, but it is live, not in trial.
  const anyLifecycle = filterSystems(systemsAcross(LOADS, TODAY), { category: 'ai-tool', flag: 'personal-data-no-dpia' });
  expect(anyLifecycle[0]!.cells.map((cell) => cell.practiceName)).toEqual(['Mill Lane', 'North Street Surgery']);
});

test('an empty filter keeps everything; a filter nothing matches leaves no rows', () => {
  const rows = systemsAcross(LOADS, TODAY);
  expect(filterSystems(rows, {})).toEqual(rows);
  expect(filterSystems(rows, { category: 'prescribing' })).toEqual([]);
});
