/**
 * @jest-environment ./tests/tab/features/network/exports/domEnvironment.js
 */
/**
 * "Practices side by side" in the roll-up: loaded, not opted in and unavailable rows; Retry reads
 * that one practice again and replaces its row; sorting by a heading; "Filter by flag".
 * The Graph calls are replaced (jest.mock): the network room has its own tests against the emulator.
 */
import { button, click, choose, control, queryButton, render, rowsOf, settle, table, textOf } from './render';
import * as graphNetwork from '../../../../src/graph/network';
import type { PracticeLoad } from '../../../../src/domain/network';
import { NetworkRollup } from '../../../../src/tab/features/network/NetworkRollup';
import { BROOK, HOME, LOADS, MEMBERSHIP, TODAY, stored } from './fixtures';

jest.mock('@graph/network', () => ({
  listRoster: jest.fn(),
  loadNetwork: jest.fn(),
  loadPractice: jest.fn(),
  listCommentsFor: jest.fn(async () => []),
  readEntryVersions: jest.fn(async () => []),
}));
// The exports tab is another helper's; it is not what these tests are about.
jest.mock('../../../../src/tab/features/network/exports/NetworkExports', () => ({ NetworkExports: () => null }));

const mocked = graphNetwork as jest.Mocked<typeof graphNetwork>;
const ME = { id: 'lead-1', displayName: 'Pat Lead' };

beforeEach(() => {
  jest.clearAllMocks();
  mocked.listRoster.mockResolvedValue(LOADS.map((load, index) => ({ itemId: String(index + 1), eTag: '"1"', practice: load.practice })));
  mocked.loadNetwork.mockImplementation(async (_client, roster, options) => {
    options.onProgress?.(roster.length, roster.length);
    return LOADS;
  });
});

afterEach(() => {
  document.body.innerHTML = '';
});

async function showRollup() {
  const view = await render(<NetworkRollup home={HOME} today={TODAY} me={ME} canManage={false} />);
  await settle();
  return view;
}

test('each practice is a row: its numbers, or "Not opted in", or "Unavailable" with why and a Retry of its own', async () => {
  await showRollup();
  expect(mocked.loadNetwork).toHaveBeenCalledWith(expect.anything(), LOADS.map((load) => load.practice), expect.objectContaining({ kind: 'pcn', networkSiteId: 'site-pcn' }));
  const tabs = [...document.querySelectorAll('[role="tab"]')].map((tab) => textOf(tab.querySelector('.fui-Tab__content')));
  expect(tabs).toEqual(['Practices side by side', 'Systems across the network', 'Charts', 'Exports', 'Member practices']);
  const sideBySide = table('Practices side by side');
  const headings = [...sideBySide.querySelectorAll('th')].map((th) => textOf(th));
  expect(headings).toEqual(['Practice', 'Ten questions', 'Overdue reviews', 'Risk flags', 'Open incidents', 'Last register change']);
  const rows = rowsOf(sideBySide);
  expect(rows.map((row) => row[0])).toEqual(['Ashby Surgery1 service', 'Riverside Medical Practice2 services', 'Brook Lane Surgery', 'Hillside Health Centre']);
  const riverside = rows[1] ?? [];
  expect(riverside[1]).toMatch(/^\d+ answered, \d+ partly, \d+ gaps?$/);
  expect(riverside[2]).toBe('1');
  expect(riverside[3]).toContain('No downtime process: 2');
  expect(riverside[3]).toContain('Personal data, no DPIA: 1');
  expect(riverside[4]).toBe('0');
  expect(rows[0]?.[4]).toBe('Not known');
  expect(riverside[5]).toBe('1 May 2026');
  expect(rows[2]?.[1]).toContain("Unavailable: You, or this app, cannot read the practice's site.");
  expect(rows[2]?.[1]).toContain('403 accessDenied');
  expect(rows[3]?.[1]).toMatch(/^Not opted in\./);
  expect(queryButton('Retry Hillside Health Centre')).toBeUndefined();
  expect(textOf(document.querySelector('[role="status"]'))).toBe('Showing 4 of 4 practices');
});

test('Retry reads only that practice again and replaces its row', async () => {
  const back: PracticeLoad = { state: 'loaded', practice: BROOK, membership: MEMBERSHIP, entries: [stored('b1', { title: 'Docman', category: 'document-management' })], openIncidents: [] };
  let answer: (load: PracticeLoad) => void = () => undefined;
  mocked.loadPractice.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
  await showRollup();
  await click(button('Retry Brook Lane Surgery'));
  expect(mocked.loadPractice).toHaveBeenCalledTimes(1);
  expect(mocked.loadPractice).toHaveBeenCalledWith(expect.anything(), BROOK, expect.objectContaining({ networkSiteId: 'site-pcn' }));
  expect(button('Retry Brook Lane Surgery').disabled).toBe(true);
  answer(back);
  await settle();
  expect(queryButton('Retry Brook Lane Surgery')).toBeUndefined();
  const rows = rowsOf(table('Practices side by side'));
  expect(rows.map((row) => row[0])).toEqual(['Ashby Surgery1 service', 'Brook Lane Surgery1 service', 'Riverside Medical Practice2 services', 'Hillside Health Centre']);
  expect(mocked.loadNetwork).toHaveBeenCalledTimes(1);
});

test('a heading sorts its column (aria-sort says which way); unread practices stay last', async () => {
  await showRollup();
  const heading = (name: string) => [...table('Practices side by side').querySelectorAll('th')].find((th) => textOf(th) === name) as HTMLElement;
  expect(heading('Practice').getAttribute('aria-sort')).toBe('ascending');
  await click(heading('Overdue reviews').querySelector('[role="button"]') as HTMLElement);
  expect(heading('Overdue reviews').getAttribute('aria-sort')).toBe('ascending');
  expect(heading('Practice').getAttribute('aria-sort')).toBe('none');
  let names = rowsOf(table('Practices side by side')).map((row) => row[0]);
  expect(names).toEqual(['Ashby Surgery1 service', 'Riverside Medical Practice2 services', 'Brook Lane Surgery', 'Hillside Health Centre']);
  await click(heading('Overdue reviews').querySelector('[role="button"]') as HTMLElement);
  expect(heading('Overdue reviews').getAttribute('aria-sort')).toBe('descending');
  names = rowsOf(table('Practices side by side')).map((row) => row[0]);
  expect(names).toEqual(['Riverside Medical Practice2 services', 'Ashby Surgery1 service', 'Brook Lane Surgery', 'Hillside Health Centre']);
});

test('"Filter by flag" keeps the practices with that gap, and those whose gaps are not known', async () => {
  await showRollup();
  await choose(control('Filter by flag'), 'no-downtime-process');
  const names = rowsOf(table('Practices side by side')).map((row) => row[0]);
  expect(names).toEqual(['Riverside Medical Practice2 services', 'Brook Lane Surgery', 'Hillside Health Centre']);
  expect(textOf(document.querySelector('[role="status"]'))).toBe('Showing 3 of 4 practices with "No downtime process" (and any not known)');
});

test('progress is shown while the practices load', async () => {
  let finish: (loads: PracticeLoad[]) => void = () => undefined;
  mocked.loadNetwork.mockImplementation((_client, roster, options) => {
    options.onProgress?.(3, roster.length + 1);
    return new Promise((resolve) => (finish = resolve));
  });
  await showRollup();
  expect(textOf(document.querySelector('[role="status"]'))).toBe('Loaded 3 of 5 practices');
  expect(document.querySelector('[role="progressbar"]')?.getAttribute('aria-label')).toBe('Loading the member practices');
  finish(LOADS);
  await settle();
  expect(document.querySelector('[role="progressbar"]')).toBeNull();
});
