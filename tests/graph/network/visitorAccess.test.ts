/**
 * The access model with delegated tokens, on the emulator's seeded demo PCN (seed/demoNetwork.ts):
 * the PCN lead is a member of the PCN team only, and reads the practices as a site visitor
 * (SharePoint's Read level), intersected with the app's Sites.Selected grants. A reader reads and
 * comments (in the network's own list) but cannot write to a practice's register or settings.
 */
import { randomUUID } from 'node:crypto';
import { emptyEntry } from '../../../src/domain';
import { GraphError, openRegisterStore } from '../../../src/graph';
import { addComment, commentsForMyPractice, findNetworkHome, listRoster, loadNetwork, newCommentKey, readMembership, writeMembership } from '../../../src/graph/network';
import { DEMO, DEMO_NETWORK, startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { recordedClient } from '../graphClient';
import { membershipFor } from './networkFixture';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 10 });
});
afterAll(() => emulator.close());

const lead = () => recordedClient(emulator.url, DEMO_NETWORK.lead.upn).client;
const riverside = DEMO_NETWORK.practices[0]!;

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof GraphError) return error.status;
    throw error;
  }
}

it('the PCN lead finds the network, its roster, and loads four opted-in practices and one that has not opted in', async () => {
  const client = lead();
  const home = await findNetworkHome(client, DEMO_NETWORK.pcn.siteId);
  expect(home?.self).toEqual({ kind: 'pcn', name: DEMO_NETWORK.pcn.name });
  const roster = await listRoster(client, home!);
  expect(new Set(roster.map((stored) => stored.practice.key))).toEqual(new Set(DEMO_NETWORK.practices.map((practice) => practice.key)));

  const loads = await loadNetwork(
    client,
    DEMO_NETWORK.practices.map((practice) => roster.find((stored) => stored.practice.key === practice.key)!.practice),
    { kind: 'pcn', networkSiteId: DEMO_NETWORK.pcn.siteId },
  );
  expect(loads.map((load) => load.state)).toEqual(DEMO_NETWORK.practices.map((practice) => (practice.optedIn ? 'loaded' : 'not-opted-in')));
  for (const load of loads) if (load.state === 'loaded') expect(load.entries.length).toBeGreaterThan(0);
});

it("a reader who is only a visitor cannot write to a practice's register or its settings (403)", async () => {
  const client = lead();
  const register = openRegisterStore(client, { teamId: riverside.teamId, siteId: riverside.key, listId: riverside.registerListId });
  expect((await register.list()).length).toBeGreaterThan(0);
  expect(await statusOf(register.create({ ...emptyEntry(), title: 'Written by the PCN', dataTypes: ['none'] }, randomUUID()))).toBe(403);
  const current = await readMembership(client, riverside.key, 'pcn');
  expect(current?.state).toBe('joined');
  expect(await statusOf(writeMembership(client, riverside.key, membershipFor(DEMO_NETWORK.pcn.siteId, 'withdrawn')))).toBe(403);
  expect(await readMembership(client, riverside.key, 'pcn')).toEqual(current);
});

it("the lead's note is written in the PCN's list and read by the practice, which cannot write there itself", async () => {
  const home = (await findNetworkHome(lead(), DEMO_NETWORK.pcn.siteId))!;
  const note = {
    key: newCommentKey(), practiceSiteId: riverside.key, entryItemId: '1', entryTitle: 'Clinical system', text: 'Please attach the DPIA.',
    authorName: DEMO_NETWORK.lead.displayName, authorId: DEMO_NETWORK.lead.id, writtenAt: '2026-03-06T09:00:00Z',
  };
  await addComment(lead(), home, note);
  const practice = recordedClient(emulator.url, DEMO.manager.upn).client;
  expect(await commentsForMyPractice(practice, DEMO_NETWORK.pcn.siteId, riverside.key)).toContainEqual(note);
  expect(await statusOf(addComment(practice, home, { ...note, key: newCommentKey() }))).toBe(403);
});
