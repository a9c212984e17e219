/**
 * The tab and the reminder service say the same words about an owner who is not in the practice
 * team (issue 14 gap c): both read the practice's shared "team members seen" record. An owner chosen
 * from the directory who never was in the team reads "Owner not in the practice team" in both; a
 * member who moved away (Kwame Mensah, in the record since the team was seeded) reads "Owner left".
 */
import { ownerLeftLabel, wasMemberFrom, type LocalDate, type PersonRef } from '../../src/domain';
import { addDays, londonDateOf } from '../../src/domain/localDate';
import { TEAM_MEMBERS_SEEN_SETTING } from '../../src/domain/people';
import { checkOwners, createGraphClient, listTeamMembers, openRegisterSettings, openRegisterStore, recordTeamMembersSeen, withScopes } from '../../src/graph';
import { ownerReasonsFrom } from '../../src/tab/state/ownerPresence';
import { healthyEntry } from '../domain/entryFixture';
import { DEMO, startTestEmulator, tokenSourceFor, type RunningEmulator } from '../support/emulator';
import { BASE_TIME, closeHarnesses, harness, sharedAzurite, stopSharedAzurite } from './harness';

let emulator: RunningEmulator;
beforeAll(async () => {
  await sharedAzurite();
  emulator = await startTestEmulator({ directorySize: 50 });
});
afterAll(async () => {
  await closeHarnesses();
  await emulator.close();
  await stopSharedAzurite();
});

const AT = new Date(BASE_TIME.getTime() + 3 * 86_400_000);
const person = (p: { id: string; displayName: string; upn: string }): PersonRef => ({ entraId: p.id, displayName: p.displayName, upn: p.upn });

test('the service dry run and the tab agree: never in the team versus owner left', async () => {
  const tab = createGraphClient({ baseUrl: emulator.url, tokenSource: tokenSourceFor(emulator.url, DEMO.manager.upn) });
  const location = { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId };
  // A new service whose owner was chosen from the directory (never in the team), due for review soon.
  const due = addDays(londonDateOf(AT), 5) as LocalDate;
  await openRegisterStore(tab, location).create(healthyEntry({ title: 'Outside owner service', owner: person(DEMO.outsider), deputy: null, nextReviewDue: due }), 'outside-owner-key');
  const settings = openRegisterSettings(tab, { siteId: DEMO.site.id, listId: DEMO.settingsListId });
  const before = await settings.read(TEAM_MEMBERS_SEEN_SETTING);
  expect(before).not.toBeNull();

  // The service's dry run: reads the record, writes nothing, and prints each owner who counts as left.
  const h = await harness(emulator.url);
  await h.run({ at: AT, dryRun: true });
  const said = (name: string) => h.logs.find((line) => line.includes(`[dry run] owner ${name}:`))?.split(`owner ${name}: `)[1];
  expect(said(DEMO.outsider.displayName)).toBe('Owner not in the practice team');
  expect(said(DEMO.formerMember.displayName)).toBe('Owner left (no longer in the practice team)');
  expect((await settings.read(TEAM_MEMBERS_SEEN_SETTING))?.eTag).toBe(before?.eTag);

  // The tab: the team's members merged into the same record, then the same owner status.
  const members = await listTeamMembers(tab, DEMO.team.id);
  const seen = await recordTeamMembersSeen(settings, members.map((member) => member.userId));
  const owners = [DEMO.outsider.id, DEMO.formerMember.id];
  const presence = await checkOwners(tab, owners, [withScopes('people')]);
  const reasons = ownerReasonsFrom(owners, members, presence, (id) => wasMemberFrom(seen, id));
  const tabSays = (id: string) => {
    const reason = reasons.get(id.toLowerCase());
    return reason ? ownerLeftLabel(reason) : 'active';
  };
  expect(tabSays(DEMO.outsider.id)).toBe(said(DEMO.outsider.displayName));
  expect(tabSays(DEMO.formerMember.id)).toBe(said(DEMO.formerMember.displayName));
});

test('a real run merges the team into the record, and never someone outside it', async () => {
  const tab = createGraphClient({ baseUrl: emulator.url, tokenSource: tokenSourceFor(emulator.url, DEMO.manager.upn) });
  const settings = openRegisterSettings(tab, { siteId: DEMO.site.id, listId: DEMO.settingsListId });
  const h = await harness(emulator.url);
  await h.run({ at: AT });
  const stored = (await settings.read(TEAM_MEMBERS_SEEN_SETTING))?.value as { ids: string[] };
  for (const member of DEMO.teamMembers) expect(stored.ids).toContain(member.id.toLowerCase());
  // Someone never in the team is not in it.
  expect(stored.ids).not.toContain(DEMO.outsider.id.toLowerCase());
});
