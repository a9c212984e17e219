/**
 * @jest-environment jsdom
 */
/**
 * "Practices side by side" in the roll-up: loaded, not opted in and unavailable rows; Retry reads
 * that one practice again and replaces its row; sorting by a heading; "Filter by flag".
 * The Graph calls are replaced (jest.mock): the network room has its own tests against the emulator.
 */
import '../../../support/domSetup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderTab, rowsOf, textOf } from '../../../support/renderTab';
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

/** Shows the roll-up once it has started reading the practices and says how far it has got. */
async function showRollup() {
  const user = userEvent.setup();
  renderTab(<NetworkRollup home={HOME} today={TODAY} me={ME} canManage={false} />);
  await waitFor(() => expect(mocked.loadNetwork).toHaveBeenCalled());
  await screen.findAllByRole('status');
  return user;
}

const sideBySide = () => screen.findByRole('table', { name: 'Practices side by side' });
const statusText = () => textOf(screen.getAllByRole('status')[0]);

test('each practice is a row: its numbers, or "Not opted in", or "Unavailable" with why and a Retry of its own', async () => {
  await showRollup();
  expect(mocked.loadNetwork).toHaveBeenCalledWith(expect.anything(), LOADS.map((load) => load.practice), expect.objectContaining({ kind: 'pcn', networkSiteId: 'site-pcn' }));
  const tabs = screen.getAllByRole('tab').map((tab) => textOf(tab.querySelector('.fui-Tab__content')));
  expect(tabs).toEqual(['Practices side by side', 'Systems across the network', 'Charts', 'Exports', 'Member practices']);
  const table = await sideBySide();
  const headings = within(table).getAllByRole('columnheader').map((th) => textOf(th));
  expect(headings).toEqual(['Practice', 'Ten questions', 'Overdue reviews', 'Risk flags', 'Open incidents', 'Last register change']);
  const rows = rowsOf(table);
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
  expect(screen.queryByRole('button', { name: 'Retry Hillside Health Centre' })).toBeNull();
  expect(statusText()).toBe('Showing 4 of 4 practices');
});

test('Retry reads only that practice again and replaces its row', async () => {
  const back: PracticeLoad = { state: 'loaded', practice: BROOK, membership: MEMBERSHIP, entries: [stored('b1', { title: 'Docman', category: 'document-management' })], openIncidents: [] };
  let answer: (load: PracticeLoad) => void = () => undefined;
  mocked.loadPractice.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
  const user = await showRollup();
  await sideBySide();
  await user.click(screen.getByRole('button', { name: 'Retry Brook Lane Surgery' }));
  expect(mocked.loadPractice).toHaveBeenCalledTimes(1);
  expect(mocked.loadPractice).toHaveBeenCalledWith(expect.anything(), BROOK, expect.objectContaining({ networkSiteId: 'site-pcn' }));
  expect((screen.getByRole('button', { name: 'Retry Brook Lane Surgery' }) as HTMLButtonElement).disabled).toBe(true);
  answer(back);
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Retry Brook Lane Surgery' })).toBeNull());
  const rows = rowsOf(await sideBySide());
  expect(rows.map((row) => row[0])).toEqual(['Ashby Surgery1 service', 'Brook Lane Surgery1 service', 'Riverside Medical Practice2 services', 'Hillside Health Centre']);
  expect(mocked.loadNetwork).toHaveBeenCalledTimes(1);
});

test('a heading sorts its column (aria-sort says which way); unread practices stay last', async () => {
  const user = await showRollup();
  const table = await sideBySide();
  const heading = (name: string) => within(table).getByRole('columnheader', { name });
  expect(heading('Practice').getAttribute('aria-sort')).toBe('ascending');
  await user.click(within(heading('Overdue reviews')).getByRole('button'));
  expect(heading('Overdue reviews').getAttribute('aria-sort')).toBe('ascending');
  expect(heading('Practice').getAttribute('aria-sort')).toBe('none');
  let names = rowsOf(table).map((row) => row[0]);
  expect(names).toEqual(['Ashby Surgery1 service', 'Riverside Medical Practice2 services', 'Brook Lane Surgery', 'Hillside Health Centre']);
  await user.click(within(heading('Overdue reviews')).getByRole('button'));
  expect(heading('Overdue reviews').getAttribute('aria-sort')).toBe('descending');
  names = rowsOf(table).map((row) => row[0]);
  expect(names).toEqual(['Riverside Medical Practice2 services', 'Ashby Surgery1 service', 'Brook Lane Surgery', 'Hillside Health Centre']);
});

test('"Filter by flag" keeps the practices with that gap, and those whose gaps are not known', async () => {
  const user = await showRollup();
  await sideBySide();
  await user.selectOptions(screen.getByLabelText('Filter by flag'), 'no-downtime-process');
  const names = rowsOf(await sideBySide()).map((row) => row[0]);
  expect(names).toEqual(['Riverside Medical Practice2 services', 'Brook Lane Surgery', 'Hillside Health Centre']);
  expect(statusText()).toBe('Showing 3 of 4 practices with "No downtime process" (and any not known)');
});

test('progress is shown while the practices load', async () => {
  let finish: (loads: PracticeLoad[]) => void = () => undefined;
  mocked.loadNetwork.mockImplementation((_client, roster, options) => {
    options.onProgress?.(3, roster.length + 1);
    return new Promise((resolve) => (finish = resolve));
  });
  await showRollup();
  expect(statusText()).toBe('Loaded 3 of 5 practices');
  expect(screen.getByRole('progressbar').getAttribute('aria-label')).toBe('Loading the member practices');
  finish(LOADS);
  await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
});

test('Refresh reads the practices again with the same cache, so each asks only for what changed', async () => {
  const user = await showRollup();
  await sideBySide();
  const firstCache = mocked.loadNetwork.mock.calls[0]?.[2].cache;
  expect(firstCache).toBeDefined();
  await user.click(screen.getByRole('button', { name: 'Refresh' }));
  await waitFor(() => expect(mocked.loadNetwork).toHaveBeenCalledTimes(2));
  expect(mocked.loadNetwork.mock.calls[1]?.[2].cache).toBe(firstCache);
  await sideBySide();
});
