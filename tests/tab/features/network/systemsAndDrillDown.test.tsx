/**
 * @jest-environment jsdom
 */
/**
 * "Systems across the network" and its filters, the read-only drill-down with the network's notes
 * (add a note; an empty note is refused; a failed save keeps the text and retries with the same key),
 * "Member practices" refusing a bad site address, and the Charts tab's table equivalents.
 */
import '../../../support/domSetup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { findOpenDialog, renderTab, rowsOf, textOf } from '../../../support/renderTab';
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

/** Shows the roll-up, once its practices are read, on the tab named `name`. */
async function openTab(name: string, canManage = false): Promise<UserEvent> {
  const user = userEvent.setup();
  renderTab(<NetworkRollup home={HOME} today={TODAY} me={ME} canManage={canManage} />);
  await screen.findByRole('table', { name: 'Practices side by side' });
  await user.click(screen.getAllByRole('tab').find((item) => textOf(item.querySelector('.fui-Tab__content')) === name) as HTMLElement);
  return user;
}

/** Replaces a text box's text, as a person selecting it all and typing. */
async function retype(user: UserEvent, box: HTMLElement, text: string): Promise<void> {
  await user.clear(box);
  await user.type(box, text);
}

test('systems across the network: one row per service across practices, narrowed by category and flag', async () => {
  const user = await openTab('Systems across the network');
  const matrix = await screen.findByRole('table', { name: 'Systems across the network' });
  expect(within(matrix).getAllByRole('columnheader').map((th) => textOf(th))).toEqual(['Service', 'Ashby Surgery', 'Riverside Medical Practice']);
  expect(rowsOf(matrix).map((row) => row[0])).toEqual(['AI ScribeAI tool', 'cloud Telephony.Telephony']); // two spellings, one row
  // "Which practices have no downtime process for cloud telephony?"
  await user.selectOptions(screen.getByLabelText('Category'), 'telephony');
  await user.selectOptions(screen.getByLabelText('Flag'), 'no-downtime-process');
  const rows = rowsOf(screen.getByRole('table', { name: 'Systems across the network' }));
  expect(rows).toHaveLength(1);
  expect(rows[0]?.[1]).toBe('Not recorded');
  expect(rows[0]?.[2]).toContain('Owner: Priya');
  expect(rows[0]?.[2]).toContain('No downtime process');
  expect(textOf(screen.getAllByRole('status').at(-1))).toBe('Showing 1 of 2 services');
  // "Where is the AI scribe in trial without a DPIA?"
  await user.selectOptions(screen.getByLabelText('Category'), '');
  await user.selectOptions(screen.getByLabelText('Flag'), 'personal-data-no-dpia');
  await user.selectOptions(screen.getByLabelText('Lifecycle'), 'trial');
  expect(rowsOf(screen.getByRole('table', { name: 'Systems across the network' })).map((row) => row[0])).toEqual(['AI ScribeAI tool']);
});

test('a cell drills down to the practice entry, read-only, with the network notes and a form to add one', async () => {
  const user = await openTab('Systems across the network');
  await user.click(await screen.findByRole('button', { name: 'Cloud telephony at Riverside Medical Practice' }));
  // The open dialog, and what is in it, is found with { hidden: true }: see findOpenDialog.
  const dialog = await findOpenDialog();
  expect(textOf(within(dialog).getByRole('heading', { level: 2, hidden: true }))).toBe('Riverside Medical Practice: Cloud telephony');
  expect(dialog.querySelectorAll('input:not([type="hidden"]), select').length).toBe(0);
  const fields = [...dialog.querySelectorAll('dt')].map((dt) => `${textOf(dt)}: ${textOf(dt.nextElementSibling)}`);
  expect(fields).toContain('Supplier: X-on');
  expect(fields).toContain('Owner: Priya');
  const link = within(dialog).getByRole('link', { name: 'https://learn.example.com/phones', hidden: true });
  expect(link.getAttribute('href')).toBe('https://learn.example.com/phones');
  expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  expect(mocked.listCommentsFor).toHaveBeenCalledWith(expect.anything(), HOME, 'site-riverside');
  const notes = await within(dialog).findByRole('list', { name: 'Notes from the network', hidden: true });
  expect(textOf(notes)).toContain('Please write the <b>downtime</b> process.');
  expect(notes.querySelector('b')).toBeNull();
  expect(textOf(notes)).not.toContain('About the scribe');
  const addNote = () => within(dialog).getByRole('button', { name: 'Add note', hidden: true });
  const noteBox = () => within(dialog).getByLabelText('Note to Riverside Medical Practice') as HTMLTextAreaElement;

  // An empty note is refused in words; nothing is sent.
  await user.click(addNote());
  expect(textOf(dialog)).toContain('Write the note first.');
  expect(mocked.addComment).not.toHaveBeenCalled();

  // A failed save keeps the text; the retry carries the same key, so it cannot add the note twice.
  mocked.addComment.mockRejectedValueOnce(new Error('connection lost'));
  await retype(user, noteBox(), 'Please test the analogue line.');
  await user.click(addNote());
  await waitFor(() => expect(textOf(dialog)).toContain('The note was not saved'));
  expect(noteBox().value).toBe('Please test the analogue line.');
  mocked.addComment.mockImplementationOnce(async (_client, _home, note) => note);
  await user.click(addNote());
  await waitFor(() => expect(noteBox().value).toBe(''));
  const [first, second] = mocked.addComment.mock.calls.map((call) => call[2]);
  expect(second?.key).toBe(first?.key);
  expect(second).toMatchObject({ practiceSiteId: 'site-riverside', entryItemId: 'r1', entryTitle: 'Cloud telephony', text: 'Please test the analogue line.', authorName: 'Pat Lead', authorId: 'lead-1' });
  expect(textOf(within(dialog).getByRole('list', { name: 'Notes from the network', hidden: true }))).toContain('Please test the analogue line.');
});

test('a practice row opens its services; choosing one shows it read-only', async () => {
  const user = await openTab('Practices side by side');
  await user.click(screen.getByRole('button', { name: 'Ashby Surgery' }));
  // The open dialog, and what is in it, is found with { hidden: true }: see findOpenDialog.
  const dialog = await findOpenDialog();
  expect(textOf(within(dialog).getByRole('heading', { level: 2, hidden: true }))).toBe('Ashby Surgery');
  await user.click(within(dialog).getByRole('button', { name: 'cloud Telephony.', hidden: true }));
  // The pressed button is replaced by the entry, so the dialog need not hold the focus here.
  await waitFor(() => expect(textOf(within(screen.getByRole('dialog', { hidden: true })).getByRole('heading', { level: 2, hidden: true }))).toBe('Ashby Surgery: cloud Telephony.'));
  expect(textOf(screen.getByRole('dialog', { hidden: true }))).toContain('Read-only: only Ashby Surgery edits its register.');
});

test('member practices: a bad site address is refused in words before anything is sent', async () => {
  const user = await openTab('Member practices', true);
  expect(rowsOf(await screen.findByRole('table', { name: 'Member practices' })).map((row) => row[0])).toEqual(['Riverside Medical Practice', 'Ashby Surgery', 'Hillside Health Centre', 'Brook Lane Surgery']);
  await retype(user, screen.getByLabelText('Practice site URL'), 'javascript:alert(1)');
  await user.click(screen.getByRole('button', { name: 'Add practice' }));
  await waitFor(() => expect(textOf(document.body)).toContain('Enter the full address, starting with https://'));
  expect(mocked.resolvePracticeSite).not.toHaveBeenCalled();
  await retype(user, screen.getByLabelText('Practice site URL'), 'https://contoso.sharepoint.com/sites/nowhere');
  mocked.resolvePracticeSite.mockRejectedValueOnce(new GraphError(404, 'itemNotFound', 'Not found'));
  await user.click(screen.getByRole('button', { name: 'Add practice' }));
  await waitFor(() => expect(textOf(document.body)).toContain('No SharePoint site was found at that address.'));
  expect(mocked.addToRoster).not.toHaveBeenCalled();
});

test('only team owners are offered add and remove', async () => {
  await openTab('Member practices', false);
  await screen.findByRole('table', { name: 'Member practices' });
  expect(screen.queryByRole('button', { name: 'Add practice' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Remove Ashby Surgery' })).toBeNull();
});

test('charts: each has a caption and "Show as table" with the same numbers', async () => {
  const user = await openTab('Charts');
  await waitFor(() => expect(document.querySelectorAll('figcaption')).toHaveLength(2));
  const captions = [...document.querySelectorAll('figcaption')].map((caption) => textOf(caption));
  expect(captions).toEqual([
    'The ten questions across 2 practices: answered, partly answered, gaps',
    'Overdue reviews across the network at each of the last 12 month ends',
  ]);
  const toggles = screen.getAllByRole('button', { name: 'Show as table' });
  expect(toggles).toHaveLength(2);
  for (const toggle of toggles) await user.click(toggle);
  const coverage = rowsOf(await screen.findByRole('table', { name: 'The ten questions across the practices' }));
  expect(coverage).toHaveLength(10);
  for (const row of coverage) expect(Number(row[1]) + Number(row[2]) + Number(row[3])).toBe(2);
  const overdue = rowsOf(await screen.findByRole('table', { name: 'Overdue reviews at each month end' }));
  expect(overdue.map((row) => row[0])).toHaveLength(12);
  expect(overdue.at(-1)?.[0]).toBe('31 May 2026');
});
