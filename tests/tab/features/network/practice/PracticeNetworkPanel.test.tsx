/**
 * @jest-environment ./tests/tab/features/network/exports/domEnvironment.js
 */
/**
 * "Your PCN and ICB" in a practice's tab: opting in checks the site is a network of that kind
 * (resolve by URL, then findNetworkHome) before writing the opt-in in the practice's own settings;
 * a site that is not one is refused in plain words and nothing is written; withdrawing asks first;
 * the network's notes are listed per entry, as text. The Graph calls are replaced (jest.mock): the
 * network room has its own tests against the emulator.
 */
import type { NetworkComment, NetworkMembership } from '../../../../../src/domain/network';
import { GraphError, listJoinedTeams, type GraphClient } from '../../../../../src/graph';
import { commentsForMyPractice, findNetworkHome, readMembership, resolvePracticeSite, writeMembership, type NetworkHome } from '../../../../../src/graph/network';
import type { Workspace } from '../../../../../src/tab/state/workspace';
import { PracticeNetworkPanelView } from '../../../../../src/tab/features/network/practice/PracticeNetworkPanel';
import { TODAY } from '../../../../domain/entryFixture';
import { allByRole, byRole, cleanup, click, render, type } from '../exports/testRender';

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
  const section = byRole('heading', title).closest('section');
  if (!section) throw new Error(`No section for ${title}`);
  return section;
}

const PCN = 'Primary Care Network (PCN)';

async function showPanel(workspace: Workspace = WORKSPACE): Promise<void> {
  await render(<PracticeNetworkPanelView client={CLIENT} workspace={workspace} today={TODAY} />);
}

async function fillOptIn(url: string): Promise<void> {
  const section = sectionOf(PCN);
  await click(byRole('combobox', /Your PCN's team/, section));
  await click(byRole('option', 'Northgate PCN'));
  await type(byRole('textbox', /Your PCN's SharePoint site address/, section), url);
  await click(byRole('button', 'Opt in to this PCN', section));
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
afterEach(cleanup);

describe('Your PCN and ICB', () => {
  it('says what the network can see and that its team must be added as site visitors', async () => {
    await showPanel();
    expect(byRole('heading', 'Your PCN and ICB').tagName).toBe('H2');
    expect(document.body.textContent).toContain('read-only');
    expect(document.body.textContent).toContain('no copy is kept');
    expect(document.body.textContent).toContain("add the network's team as visitors");
    expect(byRole('status', 'Not opted in to a PCN.')).toBeTruthy();
    expect(byRole('status', "Not opted in to an ICB's digital review.")).toBeTruthy();
    expect(document.body.textContent).toContain('No notes: your practice has not opted in to a network.');
    expect(read).toHaveBeenCalledWith(CLIENT, PRACTICE_SITE, 'pcn');
    expect(read).toHaveBeenCalledWith(CLIENT, PRACTICE_SITE, 'icb');
  });

  it("opts in after checking the site is a PCN, writing the network's site id in the practice's settings", async () => {
    await showPanel();
    // Its own team is not offered as its network.
    await click(byRole('combobox', /Your PCN's team/, sectionOf(PCN)));
    expect(allByRole('option').map((option) => option.textContent)).toEqual(['Northgate PCN']);
    await click(byRole('option', 'Northgate PCN'));
    await type(byRole('textbox', /Your PCN's SharePoint site address/, sectionOf(PCN)), PCN_URL);
    await click(byRole('button', 'Opt in to this PCN', sectionOf(PCN)));

    expect(resolve).toHaveBeenCalledWith(CLIENT, PCN_URL);
    expect(findHome).toHaveBeenCalledWith(CLIENT, PCN_SITE);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith(CLIENT, PRACTICE_SITE, {
      state: 'joined', kind: 'pcn', networkName: 'Northgate PCN', networkTeamId: 'team-northgate', networkSiteId: PCN_SITE, changedOn: TODAY, changedBy: 'Mary Manager',
    });
    expect(findHome.mock.invocationCallOrder[0]).toBeLessThan(write.mock.invocationCallOrder[0] ?? 0);
    expect(byRole('status', /^Opted in to Northgate PCN on 15 June 2026 by Mary Manager/)).toBeTruthy();
    expect(byRole('button', 'Withdraw from Northgate PCN')).toBeTruthy();
    // Its notes are now read from the network's site.
    expect(notes).toHaveBeenCalledWith(CLIENT, PCN_SITE, PRACTICE_SITE);
  });

  it('refuses a site that is not a network, or not a PCN, or not found, and writes nothing', async () => {
    findHome.mockResolvedValueOnce(null);
    await showPanel();
    await fillOptIn('https://contoso.sharepoint.com/sites/SomeOtherTeam');
    expect(byRole('alert').textContent).toContain('is not set up as a PCN or ICB network');

    findHome.mockResolvedValueOnce({ ...HOME, self: { kind: 'icb', name: 'North ICB digital team' } });
    await click(byRole('button', 'Opt in to this PCN', sectionOf(PCN)));
    expect(byRole('alert').textContent).toBe("North ICB digital team is set up as an ICB's digital review, not as a PCN.");

    resolve.mockRejectedValueOnce(new GraphError(404, 'itemNotFound', 'Not found'));
    await click(byRole('button', 'Opt in to this PCN', sectionOf(PCN)));
    expect(byRole('alert').textContent).toContain('No SharePoint site was found at that address');

    await type(byRole('textbox', /Your PCN's SharePoint site address/, sectionOf(PCN)), 'http://contoso.sharepoint.com/sites/NorthgatePCN');
    await click(byRole('button', 'Opt in to this PCN', sectionOf(PCN)));
    expect(byRole('alert').textContent).toContain('starting https://');

    expect(write).not.toHaveBeenCalled();
    expect(byRole('status', 'Not opted in to a PCN.')).toBeTruthy();
  });

  it('withdraws only once confirmed, recording who and when', async () => {
    read.mockImplementation(async (_client, _site, kind) => (kind === 'pcn' ? JOINED : null));
    await showPanel();
    expect(byRole('status', /^Opted in to Northgate PCN on 2 January 2026 by Mary Manager/)).toBeTruthy();

    await click(byRole('button', 'Withdraw from Northgate PCN'));
    const dialog = byRole('dialog', 'Withdraw from Northgate PCN?');
    await click(byRole('button', 'Cancel', dialog));
    expect(allByRole('dialog')).toHaveLength(0);
    expect(write).not.toHaveBeenCalled();

    await click(byRole('button', 'Withdraw from Northgate PCN'));
    await click(byRole('button', 'Withdraw', byRole('dialog')));
    expect(write).toHaveBeenCalledWith(CLIENT, PRACTICE_SITE, { ...JOINED, state: 'withdrawn', changedOn: TODAY, changedBy: 'Mary Manager' });
    expect(byRole('status', /^Withdrawn from Northgate PCN on 15 June 2026 by Mary Manager/)).toBeTruthy();
    expect(byRole('button', 'Opt in to this PCN', sectionOf(PCN))).toBeTruthy();
  });

  it('lists the notes from the network per entry, with author and date, as text', async () => {
    read.mockImplementation(async (_client, _site, kind) => (kind === 'pcn' ? JOINED : null));
    notes.mockResolvedValue([
      comment('cmt-1', 'Docman', 'Please add a deputy owner.', 'Pat Lead', '2026-05-03T10:00:00Z'),
      comment('cmt-2', 'AccuRx', '<img src=x onerror="alert(1)">', 'Pat Lead', '2026-05-04T10:00:00Z'),
      comment('cmt-3', 'Docman', 'Thanks, looks good now.', 'Sam ICB', '2026-06-01T10:00:00Z'),
    ]);
    await showPanel();
    const list = byRole('list', 'Notes from Northgate PCN');
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
    await showPanel();
    const alert = byRole('alert');
    expect(alert.textContent).toContain('The notes from Northgate PCN could not be read');
    expect(alert.textContent).toContain('You do not have permission');
    await click(byRole('button', 'Retry', alert));
    expect(document.body.textContent).toContain('No notes from Northgate PCN.');
  });

  it('shows a member who is not an owner the opt-in, but not the means to change it', async () => {
    read.mockImplementation(async (_client, _site, kind) => (kind === 'pcn' ? JOINED : null));
    await showPanel({ ...WORKSPACE, me: { id: 'u-gp', displayName: 'Dr Gupta', userPrincipalName: 'gp@nhs.net' } });
    expect(byRole('status', /^Opted in to Northgate PCN/)).toBeTruthy();
    expect(allByRole('button', 'Withdraw from Northgate PCN')).toHaveLength(0);
    expect(allByRole('button', /Opt in/)).toHaveLength(0);
    expect(document.body.textContent).toContain('Only a team owner (the practice manager) can opt in or withdraw.');
  });
});
