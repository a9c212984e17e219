/** Issue 14: retired services hidden until asked for, counts that say "in use", and search that a double space cannot defeat. */
import { type RegisterEntry, type StoredEntry } from '../../../src/domain';
import { NO_FILTERS, applyFilters, indexRows } from '../../../src/tab/state/registerFiltering';
import { registerRowsOf, registerSummary } from '../../../src/tab/state/registerRows';
import { healthyEntry, TODAY } from '../../domain/entryFixture';

const stored = (id: string, overrides: Partial<RegisterEntry>): StoredEntry => ({ id, eTag: '"1"', entry: healthyEntry(overrides) }) as unknown as StoredEntry;
const rows = registerRowsOf(
  [
    stored('1', { title: 'EMIS Web' }),
    stored('2', { title: 'Old fax gateway', lifecycle: 'retired' }),
    stored('3', { title: 'Accurx', lifecycle: 'trial', supplier: 'Accurx  Ltd' }),
  ],
  TODAY,
  new Map(),
);
const titles = (list: readonly { stored: StoredEntry }[]) => list.map((row) => row.stored.entry.title);

test('retired services are hidden by default, shown by the toggle or by asking for Retired in the lifecycle filter', () => {
  const indexed = indexRows(rows);
  expect(titles(applyFilters(indexed, NO_FILTERS, undefined, { showRetired: false }))).toEqual(['Accurx', 'EMIS Web']);
  expect(titles(applyFilters(indexed, NO_FILTERS, undefined, { showRetired: true }))).toEqual(['Accurx', 'EMIS Web', 'Old fax gateway']);
  expect(titles(applyFilters(indexed, { ...NO_FILTERS, lifecycle: 'retired' }, undefined, { showRetired: false }))).toEqual(['Old fax gateway']);
});

test('the headline counts services in use, not the retired one', () => {
  expect(registerSummary(rows)).toBe('2 services in use · 0 overdue · 0 due soon · 0 with risk flags · 1 retired');
  expect(registerSummary(rows.slice(0, 1))).toBe('1 service in use · 0 overdue · 0 due soon · 0 with risk flags');
});

test('a double space in the search box, or in the data, does not defeat search', () => {
  const indexed = indexRows(rows);
  expect(titles(applyFilters(indexed, { ...NO_FILTERS, search: 'emis  web' }))).toEqual(['EMIS Web']);
  expect(titles(applyFilters(indexed, { ...NO_FILTERS, search: ' accurx ltd ' }))).toEqual(['Accurx']);
});
