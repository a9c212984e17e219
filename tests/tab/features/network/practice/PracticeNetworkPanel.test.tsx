/**
 * @jest-environment jsdom
 */
/**
 * "Your PCN and ICB" in a practice's tab: opting in checks the site is a network of that kind
 * (resolve by URL, then findNetworkHome) before writing the opt-in in the practice's own settings;
 * a site that is not one is refused in plain words and nothing is written; withdrawing asks first;
 * the network's notes are listed per entry, as text. The Graph calls are replaced (jest.mock): the
 * network room has its own tests against the emulator.
 */
import '../../../../support/domSetup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { NetworkComment, NetworkMembership } from '../../../../../src/domain/network';
import { GraphError, listJoinedTeams, type GraphClient } from '../../../../../src/graph';
import { commentsForMyPractice, findNetworkHome, readMembership, resolvePracticeSite, writeMembership, type NetworkHome } from '../../../../../src/graph/network';
import type { Workspace } from '../../../../../src/tab/state/workspace';
import { PracticeNetworkPanelView } from '../../../../../src/tab/features/network/practice/PracticeNetworkPanel';
import { TODAY } from '../../../../domain/entryFixture';
import { findOpenDialog, renderTab } from '../../../../support/renderTab';

jest.mock('@graph/network', () => ({
  readMembership: jest.fn(),
  writeMembership: jest.fn(),
  resolvePracticeSite: jest.fn(),
  findNetworkHome: jest.fn(),
  commentsForMyPractice: jest.fn(),
}));
jest.mock('@graph', () => ({ ...jest.requireActual('@graph'), listJoinedTeams: jest.fn() }));

const read = readMembership as jest.MockedFunction<typeof readMembership>;
const write = writeMembership as jest.MockedFunction<typeof writeMembership>;
const resolve = resolvePracticeSite as jest.MockedFunction<typeof resolvePracticeSite>;
const findHome = findNetworkHome as jest.MockedFunction<typeof findNetworkHome>;
const notes = commentsForMyPractice as jest.MockedFunction<typeof commentsForMyPractice>;
const teams = listJoinedTeams as jest.MockedFunction<typeof listJoinedTeams>;

const CLIENT = {} as GraphClient;
const PRACTICE_SITE = 'site-riverside';
const PCN_SITE = 'site-northgate';
const PCN_URL = 'https://contoso.sharepoint.com/sites/NorthgatePCN';
const MANAGER = { userId: 'u-manager', displayName: 'Mary Manager', email: 'mary@nhs.net', roles: ['owner'] };
const WORKSPACE: Workspace = {
  me: { id: 'u-manager', displayName: 'Mary Manager', userPrincipalName: 'mary@nhs.net' },
  team: { id: 'team-riverside', displayName: 'Riverside Medical Practice' },
  location: { teamId: 'team-riverside', siteId: PRACTICE_SITE, listId: 'register' },
  members: [MANAGER, { userId: 'u-gp', displayName: 'Dr Gupta', email: 'gp@nhs.net', roles: [] }],
};
const HOME: NetworkHome = { siteId: PCN_SITE, settingsListId: 's', practicesListId: 'p', commentsListId: 'c', self: { kind: 'pcn', name: 'Northgate PCN' } };
const JOINED: NetworkMembership = {
  state: 'joined', kind: 'pcn', networkName: 'Northgate PCN', networkTeamId: 'team-northgate', networkSiteId: PCN_SITE, changedOn: '2026-01-02', changedBy: 'Mary Manager',
};

function comment(key: string, entryTitle: string, text: string, authorName: string, writtenAt: string): NetworkComment {
  return { key, practiceSiteId: PRACTICE_SITE, entryItemId: '1', entryTitle, text, authorName, authorId: 'u-lead', writtenAt };
}

function sectionOf(title: string): HTMLElement {
  const section = screen.getByRole('heading', { name: title }).closest('section');
  if (!section) throw new Error(`No section for ${title}`);
  return section;
}

const PCN = 'Primary Care Network (PCN)';

/** Shows the panel once its opt-ins have been read (each kind says where it stands). */
async function showPanel(workspace: Workspace = WORKSPACE): Promise<UserEvent> {
  const user = userEvent.setup();
  renderTab(<PracticeNetworkPanelView client={CLIENT} workspace={workspace} today={TODAY} />);
  await waitFor(() => expect(screen.getAllByRole('status')).toHaveLength(2));
  return user;
}

/** The status line that says `words` (a status is named by its author, not its text, so it is found by its text). */
function status(words: string | RegExp): HTMLElement {
  return screen.getByText(words, { selector: '[role="status"]' });
}

/** Replaces a text box's text, as a person selecting it all and typing. */
async function retype(user: UserEvent, box: HTMLElement, text: string): Promise<void> {
  await user.clear(box);
  await user.type(box, text);
}

async function fillOptIn(user: UserEvent, url: string): Promise<void> {
  const section = sectionOf(PCN);
  await user.click(within(section).getByRole('combobox', { name: /Your PCN's team/ }));
  await user.click(await screen.findByRole('option', { name: 'Northgate PCN' }));
  await retype(user, within(section).getByRole('textbox', { name: /Your PCN's SharePoint site address/ }), url);
  await user.click(within(section).getByRole('button', { name: 'Opt in to this PCN' }));
}

beforeEach(() => {
  jest.clearAllMocks();
  read.mockResolvedValue(null);
  teams.mockResolvedValue([{ id: 'team-riverside', displayName: 'Riverside Medical Practice' }, { id: 'team-northgate', displayName: 'Northgate PCN' }]);
  resolve.mockResolvedValue({ siteId: PCN_SITE, name: 'Northgate PCN', webUrl: PCN_URL });
  findHome.mockResolvedValue(HOME);
  write.mockImplementation(async (_client, _site, membership) => membership);
  notes.mockResolvedValue([]);
});

describe('Your PCN and ICB', () => {
  it('says what the network can see and that its team must be added as site visitors', async () => {
    await showPanel();
    expect(screen.getByRole('heading', { name: 'Your PCN and ICB' }).tagName).toBe('H2');
    expect(document.body.textContent).toContain('read-only');
    expect(document.body.textContent).toContain('no copy is kept');
    expect(document.body.textContent).toContain("add the network's team as visitors");
    expect(status('Not opted in to a PCN.')).toBeTruthy();
    expect(status("Not opted in to an ICB's digital review.")).toBeTruthy();
    expect(document.body.textContent).toContain('No notes: your practice has not opted in to a network.');
    expect(read).toHaveBeenCalledWith(CLIENT, PRACTICE_SITE, 'pcn');
    expect(read).toHaveBeenCalledWith(CLIENT, PRACTICE_SITE, 'icb');
  });

  it("opts in after checking the site is a PCN, writing the network's site id in the practice's settings", async () => {
    const user = await showPanel();
    // Its own team is not offered as its network.
    await user.click(within(sectionOf(PCN)).getByRole('combobox', { name: /Your PCN's team/ }));
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual(['Northgate PCN']);
    await user.click(screen.getByRole('option', { name: 'Northgate PCN' }));
    await retype(user, within(sectionOf(PCN)).getByRole('textbox', { name: /Your PCN's SharePoint site address/ }), PCN_URL);
    await user.click(within(sectionOf(PCN)).getByRole('button', { name: 'Opt in to this PCN' }));

    expect(await screen.findByText(/^Opted in to Northgate PCN on 15 June 2026 by Mary Manager/, { selector: '[role="status"]' })).toBeTruthy();
    expect(resolve).toHaveBeenCalledWith(CLIENT, PCN_URL);
    expect(findHome).toHaveBeenCalledWith(CLIENT, PCN_SITE);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith(CLIENT, PRACTICE_SITE, {
      state: 'joined', kind: 'pcn', networkName: 'Northgate PCN', networkTeamId: 'team-northgate', networkSiteId: PCN_SITE, changedOn: TODAY, changedBy: 'Mary Manager',
    });
    expect(findHome.mock.invocationCallOrder[0]).toBeLessThan(write.mock.invocationCallOrder[0] ?? 0);
    expect(screen.getByRole('button', { name: 'Withdraw from Northgate PCN' })).toBeTruthy();
    // Its notes are now read from the network's site.
    await waitFor(() => expect(notes).toHaveBeenCalledWith(CLIENT, PCN_SITE, PRACTICE_SITE));
  });

  it('refuses a site that is not a network, or not a PCN, or not found, and writes nothing', async () => {
    findHome.mockResolvedValueOnce(null);
    const user = await showPanel();
    await fillOptIn(user, 'https://contoso.sharepoint.com/sites/SomeOtherTeam');
    expect((await screen.findByRole('alert')).textContent).toContain('is not set up as a PCN or ICB network');

    findHome.mockResolvedValueOnce({ ...HOME, self: { kind: 'icb', name: 'North ICB digital team' } });
    await user.click(within(sectionOf(PCN)).getByRole('button', { name: 'Opt in to this PCN' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe("North ICB digital team is set up as an ICB's digital review, not as a PCN."));

    resolve.mockRejectedValueOnce(new GraphError(404, 'itemNotFound', 'Not found'));
    await user.click(within(sectionOf(PCN)).getByRole('button', { name: 'Opt in to this PCN' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('No SharePoint site was found at that address'));

    await retype(user, within(sectionOf(PCN)).getByRole('textbox', { name: /Your PCN's SharePoint site address/ }), 'http://contoso.sharepoint.com/sites/NorthgatePCN');
    await user.click(within(sectionOf(PCN)).getByRole('button', { name: 'Opt in to this PCN' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('starting https://'));

    expect(write).not.toHaveBeenCalled();
    expect(status('Not opted in to a PCN.')).toBeTruthy();
  });

  it('withdraws only once confirmed, recording who and when', async () => {
    read.mockImplementation(async (_client, _site, kind) => (kind === 'pcn' ? JOINED : null));
    const user = await showPanel();
    expect(status(/^Opted in to Northgate PCN on 2 January 2026 by Mary Manager/)).toBeTruthy();

    // The open dialog is found with { hidden: true }: see findOpenDialog.
    await user.click(screen.getByRole('button', { name: 'Withdraw from Northgate PCN' }));
    const dialog = await findOpenDialog('Withdraw from Northgate PCN?');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    await waitFor(() => expect(screen.queryAllByRole('dialog', { hidden: true })).toHaveLength(0));
    expect(write).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Withdraw from Northgate PCN' }));
    await user.click(within(await findOpenDialog()).getByRole('button', { name: 'Withdraw', hidden: true }));
    expect(await screen.findByText(/^Withdrawn from Northgate PCN on 15 June 2026 by Mary Manager/, { selector: '[role="status"]' })).toBeTruthy();
    expect(write).toHaveBeenCalledWith(CLIENT, PRACTICE_SITE, { ...JOINED, state: 'withdrawn', changedOn: TODAY, changedBy: 'Mary Manager' });
    // The page is hidden from the accessibility tree until the closing dialog has gone (slow under load).
    await waitFor(() => expect(screen.queryAllByRole('dialog', { hidden: true })).toHaveLength(0));
    await waitFor(() => expect(within(sectionOf(PCN)).getByRole('button', { name: 'Opt in to this PCN' })).toBeTruthy());
  });

  it('lists the notes from the network per entry, with author and date, as text', async () => {
    read.mockImplementation(async (_client, _site, kind) => (kind === 'pcn' ? JOINED : null));
    notes.mockResolvedValue([
      comment('cmt-1', 'Docman', 'Please add a deputy owner.', 'Pat Lead', '2026-05-03T10:00:00Z'),
      comment('cmt-2', 'AccuRx', '<img src=x onerror="alert(1)">', 'Pat Lead', '2026-05-04T10:00:00Z'),
      comment('cmt-3', 'Docman', 'Thanks, looks good now.', 'Sam ICB', '2026-06-01T10:00:00Z'),
    ]);
    await showPanel();
    const list = await screen.findByRole('list', { name: 'Notes from Northgate PCN' });
    const entries = [...list.children].map((item) => item.firstElementChild?.textContent);
    expect(entries).toEqual(['AccuRx', 'Docman']);
    expect(list.textContent).toContain('Please add a deputy owner.Pat Lead, Northgate PCN, 3 May 2026');
    expect(list.textContent).toContain('Thanks, looks good now.Sam ICB, Northgate PCN, 1 June 2026');
    expect(list.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(document.querySelector('img')).toBeNull();
  });

  it('says plainly when the notes cannot be read, or when there are none', async () => {
    read.mockImplementation(async (_client, _site, kind) => (kind === 'pcn' ? JOINED : null));
    notes.mockRejectedValueOnce(new GraphError(403, 'accessDenied', 'Access denied'));
    const user = await showPanel();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The notes from Northgate PCN could not be read');
    expect(alert.textContent).toContain('You do not have permission');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No notes from Northgate PCN.')).toBeTruthy();
  });

  it('shows a member who is not an owner the opt-in, but not the means to change it', async () => {
    read.mockImplementation(async (_client, _site, kind) => (kind === 'pcn' ? JOINED : null));
    await showPanel({ ...WORKSPACE, me: { id: 'u-gp', displayName: 'Dr Gupta', userPrincipalName: 'gp@nhs.net' } });
    expect(status(/^Opted in to Northgate PCN/)).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: 'Withdraw from Northgate PCN' })).toHaveLength(0);
    expect(screen.queryAllByRole('button', { name: /Opt in/ })).toHaveLength(0);
    expect(document.body.textContent).toContain('Only a team owner (the practice manager) can opt in or withdraw.');
  });
});
