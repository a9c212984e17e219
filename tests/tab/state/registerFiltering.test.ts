import { reviewStatus, riskFlags, type RegisterEntry, type StoredEntry } from '../../../src/domain';
import { NO_FILTERS, NO_OWNER, activeFilterCount, applyFilters, indexRows } from '../../../src/tab/state/registerFiltering';
import { computeWindow } from '../../../src/tab/features/register/useRowWindow';
import { browserTheme } from '../../../src/tab/app/theme';
import { myServices } from '../../../src/tab/features/my-services/urgency';
import { PRIYA, TODAY, TOM, healthyEntry } from '../../domain/entryFixture';

function row(id: string, overrides: Partial<RegisterEntry>) {
  const entry = healthyEntry(overrides);
  const stored: StoredEntry = { id, eTag: '"1"', entry, createdAt: '', createdBy: '', modifiedAt: '', modifiedBy: '' };
  return { stored, status: reviewStatus(entry, TODAY), flags: riskFlags(entry, TODAY, { ownerLeft: false }) };
}

const rows = [
  row('1', { title: 'EMIS Web', supplier: 'Optum', provision: 'icb-core' }),
  row('2', { title: 'Accurx', purpose: 'SMS and online requests', provision: 'icb-core', owner: null }),
  row('3', { title: 'NHS App', provision: 'national', nextReviewDue: '2026-01-01' }),
  row('4', { title: 'Docman', provision: 'icb-core', owner: TOM, nextReviewDue: '2026-06-30' }),
];
const indexed = indexRows(rows);
const titles = (list: readonly { stored: StoredEntry }[]) => list.map((item) => item.stored.entry.title);

test('search matches name, supplier and purpose, ignoring case', () => {
  expect(titles(applyFilters(indexed, { ...NO_FILTERS, search: 'OPTUM' }))).toEqual(['EMIS Web']);
  expect(titles(applyFilters(indexed, { ...NO_FILTERS, search: 'online req' }))).toEqual(['Accurx']);
  expect(titles(applyFilters(indexed, { ...NO_FILTERS, search: '  ' }))).toHaveLength(4);
});

test('filters combine, and "no owner" / "any flag" are choices of their own', () => {
  expect(titles(applyFilters(indexed, { ...NO_FILTERS, provision: 'icb-core', owner: NO_OWNER }))).toEqual(['Accurx']);
  expect(titles(applyFilters(indexed, { ...NO_FILTERS, owner: TOM.entraId }))).toEqual(['Docman']);
  expect(titles(applyFilters(indexed, { ...NO_FILTERS, flag: 'review-overdue' }))).toEqual(['NHS App']);
  expect(titles(applyFilters(indexed, { ...NO_FILTERS, flag: 'none' }))).toEqual(['Docman', 'EMIS Web']);
  expect(titles(applyFilters(indexed, { ...NO_FILTERS, status: 'due-soon' }))).toEqual(['Docman']);
  expect(activeFilterCount({ ...NO_FILTERS, search: 'x', flag: 'any' })).toBe(2);
});

test('sorts by any column both ways, with the name breaking ties', () => {
  expect(titles(applyFilters(indexed, NO_FILTERS))).toEqual(['Accurx', 'Docman', 'EMIS Web', 'NHS App']);
  expect(titles(applyFilters(indexed, NO_FILTERS, { column: 'title', direction: 'descending' }))).toEqual(['NHS App', 'EMIS Web', 'Docman', 'Accurx']);
  expect(titles(applyFilters(indexed, NO_FILTERS, { column: 'status', direction: 'ascending' }))).toEqual(['NHS App', 'Docman', 'Accurx', 'EMIS Web']);
  expect(titles(applyFilters(indexed, NO_FILTERS, { column: 'owner', direction: 'ascending' }))[0]).toBe('Accurx');
});

test('the row window covers the visible rows plus a margin, and spacers keep the full height', () => {
  const window = computeWindow(2000, 4400, 600, 44);
  expect(window.start).toBeLessThanOrEqual(100);
  expect(window.end).toBeGreaterThanOrEqual(100 + Math.ceil(600 / 44));
  expect(window.before + (window.end - window.start) * 44 + window.after).toBe(2000 * 44);
  expect(computeWindow(10, 0, 600, 44)).toEqual({ start: 0, end: 10, before: 0, after: 0 });
});

test('the browser theme: ?theme= wins, then forced colours, then dark mode', () => {
  const media = (matching: string[]) => (query: string) => ({ matches: matching.includes(query) });
  expect(browserTheme('?theme=contrast', media([]))).toBe('contrast');
  expect(browserTheme('?theme=nonsense', media(['(prefers-color-scheme: dark)']))).toBe('dark');
  expect(browserTheme('', media(['(forced-colors: active)', '(prefers-color-scheme: dark)']))).toBe('contrast');
  expect(browserTheme('', undefined)).toBe('default');
});

test('my services: owned or deputised, overdue first, then due soon, then flagged', () => {
  const mine = [
    row('a', { title: 'Fine', owner: PRIYA }),
    row('b', { title: 'Flagged', owner: PRIYA, downtimeProcess: '' }),
    row('c', { title: 'Due soon', owner: TOM, deputy: PRIYA, nextReviewDue: '2026-06-20' }),
    row('d', { title: 'Overdue', owner: PRIYA, nextReviewDue: '2026-01-01' }),
    row('e', { title: 'Someone else', owner: TOM, deputy: TOM }),
    row('f', { title: 'Retired', owner: PRIYA, lifecycle: 'retired' }),
  ];
  expect(titles(myServices(mine, PRIYA.entraId))).toEqual(['Overdue', 'Due soon', 'Flagged', 'Fine']);
});
