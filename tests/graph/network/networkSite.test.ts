/** The network's own site (setup, roster, notes) and a practice's opt-in, against the emulator over HTTP. */
import { randomUUID } from 'node:crypto';
import type { NetworkComment } from '../../../src/domain/network';
import {
  addComment,
  addToRoster,
  commentsForMyPractice,
  findNetworkHome,
  listCommentsFor,
  listRoster,
  newCommentKey,
  readMembership,
  removeFromRoster,
  resolvePracticeSite,
  setUpNetwork,
  writeMembership,
} from '../../../src/graph/network';
import { findRegisterSettings } from '../../../src/graph/register';
import { startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { appClient, membershipFor, revokeAppGrant, rosterEntryOf } from './networkFixture';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 10, benchPractices: { count: 3, entriesPerPractice: 5 } });
});
afterAll(() => emulator.close());

const network = () => emulator.benchPractices[0]!;
const practiceA = () => emulator.benchPractices[1]!;
const practiceB = () => emulator.benchPractices[2]!;

it('a team is not a network until set up; setting up makes the lists and network.self, and is safe to repeat', async () => {
  const { client } = appClient(emulator.url);
  expect(await findNetworkHome(client, network().siteId)).toBeNull();

  const home = await setUpNetwork(client, network().siteId, { kind: 'pcn', name: '  Test PCN ' });
  expect(home.self).toEqual({ kind: 'pcn', name: 'Test PCN' });
  expect(await findNetworkHome(client, network().siteId)).toEqual(home);

  const again = await setUpNetwork(client, network().siteId, { kind: 'pcn', name: 'Test PCN' });
  expect(again).toEqual(home);
  await expect(setUpNetwork(client, network().siteId, { kind: 'pcn', name: ' ' })).rejects.toThrow(/name/);
});

it('the roster: a practice found by its site URL is added once however often it is added, and removed', async () => {
  const { client } = appClient(emulator.url);
  const home = await setUpNetwork(client, network().siteId, { kind: 'pcn', name: 'Test PCN' });
  const entry = rosterEntryOf(practiceA());

  const site = await resolvePracticeSite(client, entry.siteUrl);
  expect(site).toEqual({ siteId: practiceA().siteId, name: practiceA().name, webUrl: entry.siteUrl });
  await expect(resolvePracticeSite(client, 'http://emulator.sharepoint.com/sites/Plain')).rejects.toThrow(/Not a SharePoint site URL/);

  const added = await addToRoster(client, home, entry);
  const twice = await addToRoster(client, home, entry);
  await addToRoster(client, home, rosterEntryOf(practiceB()));
  expect(twice.itemId).toBe(added.itemId);
  expect(added.practice).toEqual(entry);
  expect((await listRoster(client, home)).map((stored) => stored.practice.key)).toEqual([practiceA().siteId, practiceB().siteId]);

  await removeFromRoster(client, home, added.itemId);
  await removeFromRoster(client, home, added.itemId); // already gone: nothing to do
  expect((await listRoster(client, home)).map((stored) => stored.practice.key)).toEqual([practiceB().siteId]);
  await expect(addToRoster(client, home, { ...entry, siteUrl: 'javascript:alert(1)' })).rejects.toThrow(/https/);
});

it("a practice opts in and withdraws in its own settings; the other kind's setting is separate", async () => {
  const { client } = appClient(emulator.url);
  const siteId = practiceB().siteId;
  // No settings list yet: no opt-in, and the first write creates the list.
  expect(await readMembership(client, siteId, 'pcn')).toBeNull();

  const joined = membershipFor(network().siteId, 'joined');
  expect(await writeMembership(client, siteId, joined)).toEqual(joined);
  expect(await readMembership(client, siteId, 'pcn')).toEqual(joined);
  expect(await readMembership(client, siteId, 'icb')).toBeNull();

  const withdrawn = { ...joined, state: 'withdrawn' as const, changedOn: '2026-03-09' };
  await writeMembership(client, siteId, withdrawn);
  expect(await readMembership(client, siteId, 'pcn')).toEqual(withdrawn);
  await expect(writeMembership(client, siteId, { ...joined, networkSiteId: '' })).rejects.toThrow(/Not a network membership/);
});

it('notes: added once by key in the network site, listed per practice, and read from the practice side', async () => {
  const { client } = appClient(emulator.url);
  const home = await setUpNetwork(client, network().siteId, { kind: 'pcn', name: 'Test PCN' });
  const note = (practiceSiteId: string, text: string, writtenAt: string): NetworkComment => ({
    key: newCommentKey(), practiceSiteId, entryItemId: '3', entryTitle: 'Cloud telephony', text, authorName: 'Test lead', authorId: randomUUID(), writtenAt,
  });
  const later = note(practiceA().siteId, 'Please add the downtime process.', '2026-03-05T10:00:00Z');
  const earlier = note(practiceA().siteId, "O'Neill's team asked about the DPIA.", '2026-03-04T10:00:00Z');
  const other = note(practiceB().siteId, 'Review is overdue.', '2026-03-04T11:00:00Z');
  expect(await addComment(client, home, later)).toEqual(later);
  expect(await addComment(client, home, later)).toEqual(later); // a retried add finds the first
  await addComment(client, home, earlier);
  await addComment(client, home, other);

  expect(await listCommentsFor(client, home, practiceA().siteId)).toEqual([earlier, later]);
  expect(await commentsForMyPractice(client, network().siteId, practiceB().siteId)).toEqual([other]);
  // A site that is not a network has no notes for anyone.
  expect(await commentsForMyPractice(client, practiceB().siteId, practiceA().siteId)).toEqual([]);

  await expect(addComment(client, home, { ...later, key: newCommentKey(), text: '   ' })).rejects.toThrow(/some text/);
  await expect(addComment(client, home, { ...later, key: newCommentKey(), text: 'x'.repeat(2_001) })).rejects.toThrow(/at most/);
  await expect(addComment(client, home, { ...later, key: 'not-a-key' })).rejects.toThrow(/GUID/);
});

it("adding a practice records its settings list's id; when the practice's site cannot be read yet, '' and the practice is added all the same", async () => {
  const { client } = appClient(emulator.url);
  const home = await setUpNetwork(client, network().siteId, { kind: 'pcn', name: 'Test PCN' });
  for (const practice of [practiceA(), practiceB()]) await writeMembership(client, practice.siteId, membershipFor(network().siteId, 'joined'));
  for (const stored of await listRoster(client, home)) await removeFromRoster(client, home, stored.itemId);

  const settingsListId = await findRegisterSettings(client, practiceB().siteId);
  expect(settingsListId).not.toBeNull();
  expect((await addToRoster(client, home, rosterEntryOf(practiceB()))).practice.settingsListId).toBe(settingsListId);

  // No access to the practice's site yet (here the app's grant is gone: 403): the look-up of its lists fails.
  await revokeAppGrant(emulator.url, practiceA().siteId);
  const added = await addToRoster(client, home, rosterEntryOf(practiceA()));
  expect(added.practice.settingsListId).toBe('');
  expect((await listRoster(client, home)).map((stored) => [stored.practice.key, stored.practice.settingsListId])).toEqual([
    [practiceA().siteId, ''],
    [practiceB().siteId, settingsListId],
  ]);
});
