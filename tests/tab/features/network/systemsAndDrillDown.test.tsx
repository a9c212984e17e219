/**
 * @jest-environment ./tests/tab/features/network/exports/domEnvironment.js
 */
/**
 * "Systems across the network" and its filters, the read-only drill-down with the network's notes
 * (add a note; an empty note is refused; a failed save keeps the text and retries with the same key),
 * "Member practices" refusing a bad site address, and the Charts tab's table equivalents.
 */
import { button, click, choose, control, queryButton, render, rowsOf, settle, table, textOf } from './render';
import * as graphNetwork from '../../../../src/graph/network';
import { GraphError } from '../../../../src/graph';
import { NetworkRollup } from '../../../../src/tab/features/network/NetworkRollup';
import { HOME, LOADS, TODAY } from './fixtures';

jest.mock('@graph/network', () => ({
  listRoster: jest.fn(),
  loadNetwork: jest.fn(),
  loadPractice: jest.fn(),
  listCommentsFor: jest.fn(),
  addComment: jest.fn(),
  newCommentKey: jest.fn(),
  resolvePracticeSite: jest.fn(),
  addToRoster: jest.fn(),
  removeFromRoster: jest.fn(),
  readEntryVersions: jest.fn(),
}));
jest.mock('../../../../src/tab/features/network/exports/NetworkExports', () => ({ NetworkExports: () => null }));
// The drawn charts need a browser (d3 is ES modules); their numbers are checked through the tables.
jest.mock('../../../../src/tab/features/network/ChartDrawings', () => ({ CoverageBars: () => <p>bars</p>, MonthBars: () => <p>bars</p> }));

const mocked = graphNetwork as jest.Mocked<typeof graphNetwork>;
const ME = { id: 'lead-1', displayName: 'Pat Lead' };
const EARLIER_NOTE = {
  key: 'cmt-11111111-1111-4111-8111-111111111111', practiceSiteId: 'site-riverside', entryItemId: 'r1', entryTitle: 'Cloud telephony',
  text: 'Please write the <b>downtime</b> process.', authorName: 'Pat Lead', authorId: 'lead-1', writtenAt: '2026-06-01T09:00:00Z',
};

beforeEach(() => {
  jest.clearAllMocks();
  mocked.listRoster.mockResolvedValue(LOADS.map((load, index) => ({ itemId: String(index + 1), eTag: '"1"', practice: load.practice })));
  mocked.loadNetwork.mockResolvedValue(LOADS);
  mocked.listCommentsFor.mockResolvedValue([EARLIER_NOTE, { ...EARLIER_NOTE, key: 'cmt-2', entryItemId: 'r2', text: 'About the scribe' }]);
  let next = 0;
  mocked.newCommentKey.mockImplementation(() => `cmt-0000000${(next += 1)}-0000-4000-8000-000000000000`);
  mocked.readEntryVersions.mockResolvedValue([]);
});

afterEach(() => {
  document.body.innerHTML = '';
});

async function openTab(name: string, canManage = false) {
  await render(<NetworkRollup home={HOME} today={TODAY} me={ME} canManage={canManage} />);
  await settle();
  const tab = [...document.querySelectorAll('[role="tab"]')].find((item) => textOf(item.querySelector('.fui-Tab__content')) === name);
  await click(tab as HTMLElement);
}

test('systems across the network: one row per service across practices, narrowed by category and flag', async () => {
  await openTab('Systems across the network');
  const matrix = table('Systems across the network');
  expect([...matrix.querySelectorAll('thead th')].map((th) => textOf(th))).toEqual(['Service', 'Ashby Surgery', 'Riverside Medical Practice']);
  expect(rowsOf(matrix).map((row) => row[0])).toEqual(['AI ScribeAI tool', 'cloud Telephony.Telephony']); // two spellings, one row
  // "Which practices have no downtime process for cloud telephony?"
  await choose(control('Category'), 'telephony');
  await choose(control('Flag'), 'no-downtime-process');
  const rows = rowsOf(table('Systems across the network'));
  expect(rows).toHaveLength(1);
  expect(rows[0]?.[1]).toBe('Not recorded');
  expect(rows[0]?.[2]).toContain('Owner: Priya');
  expect(rows[0]?.[2]).toContain('No downtime process');
  expect(textOf([...document.querySelectorAll('[role="status"]')].at(-1))).toBe('Showing 1 of 2 services');
  // "Where is the AI scribe in trial without a DPIA?"
  await choose(control('Category'), '');
  await choose(control('Flag'), 'personal-data-no-dpia');
  await choose(control('Lifecycle'), 'trial');
  expect(rowsOf(table('Systems across the network')).map((row) => row[0])).toEqual(['AI ScribeAI tool']);
});

test('a cell drills down to the practice entry, read-only, with the network notes and a form to add one', async () => {
  await openTab('Systems across the network');
  await click(button('Cloud telephony at Riverside Medical Practice'));
  const dialog = document.querySelector('[role="dialog"]') as HTMLElement;
  expect(textOf(dialog.querySelector('h2'))).toBe('Riverside Medical Practice: Cloud telephony');
  expect(dialog.querySelectorAll('input:not([type="hidden"]), select').length).toBe(0);
  const fields = [...dialog.querySelectorAll('dt')].map((dt) => `${textOf(dt)}: ${textOf(dt.nextElementSibling)}`);
  expect(fields).toContain('Supplier: X-on');
  expect(fields).toContain('Owner: Priya');
  const link = [...dialog.querySelectorAll('a')].find((anchor) => textOf(anchor) === 'https://learn.example.com/phones');
  expect(link?.getAttribute('href')).toBe('https://learn.example.com/phones');
  expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  expect(mocked.listCommentsFor).toHaveBeenCalledWith(expect.anything(), HOME, 'site-riverside');
  const notes = dialog.querySelector('ul[aria-label="Notes from the network"]') as HTMLElement;
  expect(textOf(notes)).toContain('Please write the <b>downtime</b> process.');
  expect(notes.querySelector('b')).toBeNull();
  expect(textOf(notes)).not.toContain('About the scribe');

  // An empty note is refused in words; nothing is sent.
  await click(button('Add note'));
  expect(textOf(dialog)).toContain('Write the note first.');
  expect(mocked.addComment).not.toHaveBeenCalled();

  // A failed save keeps the text; the retry carries the same key, so it cannot add the note twice.
  mocked.addComment.mockRejectedValueOnce(new Error('connection lost'));
  await choose(control('Note to Riverside Medical Practice'), 'Please test the analogue line.');
  await click(button('Add note'));
  expect(textOf(dialog)).toContain('The note was not saved');
  expect((control('Note to Riverside Medical Practice') as HTMLTextAreaElement).value).toBe('Please test the analogue line.');
  mocked.addComment.mockImplementationOnce(async (_client, _home, note) => note);
  await click(button('Add note'));
  const [first, second] = mocked.addComment.mock.calls.map((call) => call[2]);
  expect(second?.key).toBe(first?.key);
  expect(second).toMatchObject({ practiceSiteId: 'site-riverside', entryItemId: 'r1', entryTitle: 'Cloud telephony', text: 'Please test the analogue line.', authorName: 'Pat Lead', authorId: 'lead-1' });
  expect(textOf(dialog.querySelector('ul[aria-label="Notes from the network"]'))).toContain('Please test the analogue line.');
  expect((control('Note to Riverside Medical Practice') as HTMLTextAreaElement).value).toBe('');
});

test('a practice row opens its services; choosing one shows it read-only', async () => {
  await openTab('Practices side by side');
  await click(button('Ashby Surgery'));
  expect(textOf(document.querySelector('[role="dialog"] h2'))).toBe('Ashby Surgery');
  await click(button('cloud Telephony.'));
  expect(textOf(document.querySelector('[role="dialog"] h2'))).toBe('Ashby Surgery: cloud Telephony.');
  expect(textOf(document.querySelector('[role="dialog"]'))).toContain('Read-only: only Ashby Surgery edits its register.');
});

test('member practices: a bad site address is refused in words before anything is sent', async () => {
  await openTab('Member practices', true);
  expect(rowsOf(table('Member practices')).map((row) => row[0])).toEqual(['Riverside Medical Practice', 'Ashby Surgery', 'Hillside Health Centre', 'Brook Lane Surgery']);
  await choose(control('Practice site URL'), 'javascript:alert(1)');
  await click(button('Add practice'));
  expect(textOf(document.body)).toContain('Enter the full address, starting with https://');
  expect(mocked.resolvePracticeSite).not.toHaveBeenCalled();
  await choose(control('Practice site URL'), 'https://contoso.sharepoint.com/sites/nowhere');
  mocked.resolvePracticeSite.mockRejectedValueOnce(new GraphError(404, 'itemNotFound', 'Not found'));
  await click(button('Add practice'));
  expect(textOf(document.body)).toContain('No SharePoint site was found at that address.');
  expect(mocked.addToRoster).not.toHaveBeenCalled();
});

test('only team owners are offered add and remove', async () => {
  await openTab('Member practices', false);
  expect(queryButton('Add practice')).toBeUndefined();
  expect(queryButton('Remove Ashby Surgery')).toBeUndefined();
});

test('charts: each has a caption and "Show as table" with the same numbers', async () => {
  await openTab('Charts');
  const captions = [...document.querySelectorAll('figcaption')].map((caption) => textOf(caption));
  expect(captions).toEqual([
    'The ten questions across 2 practices: answered, partly answered, gaps',
    'Overdue reviews across the network at each of the last 12 month ends',
  ]);
  const toggles = [...document.querySelectorAll('button')].filter((item) => textOf(item) === 'Show as table');
  expect(toggles).toHaveLength(2);
  for (const toggle of toggles) await click(toggle);
  const coverage = rowsOf(table('The ten questions across the practices'));
  expect(coverage).toHaveLength(10);
  for (const row of coverage) expect(Number(row[1]) + Number(row[2]) + Number(row[3])).toBe(2);
  const overdue = rowsOf(table('Overdue reviews at each month end'));
  expect(overdue.map((row) => row[0])).toHaveLength(12);
  expect(overdue.at(-1)?.[0]).toBe('31 May 2026');
});
