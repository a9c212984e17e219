/**
 * First-start seeding (only when storage is empty): the synthetic directory, the demo practice
 * team with its channels and site, and the register list with its entries (written through the
 * same item store as Graph writes, so each has a version), and the empty settings list beside it
 * (as first-run setup provisions it: no downtime pack printed yet). The leaver is then deleted from the
 * directory, as Entra would. Last, the demo PCN and its four other practices (demoNetworkSeed.ts).
 */
import { randomUUID } from 'node:crypto';
import {
  londonDateOf,
  REGISTER_COLUMNS,
  REGISTER_LIST_NAME,
  toColumnDefinition,
  entryToFields,
  REGISTER_SETTINGS_COLUMNS,
  REGISTER_SETTINGS_LIST_NAME,
} from '@domain';
import { TEAM_MEMBERS_SEEN_SETTING } from '@domain/people';
import { coerceFields, isoSeconds } from '../model/fieldValues';
import { columnFromDefinition, type ListDoc } from '../model/lists';
import type { EmulatorState } from '../model/state';
import type { ChannelDoc, SiteDoc, TeamDoc } from '../model/teams';
import { identityOf, type UserDoc } from '../model/user';
import { seededGuid, seededRandom } from '../prng';
import { DEMO, type DemoPerson } from './demoPractice';
import { generateDirectory } from './directory';
import { demoItemId, withDemoDependencies } from './demoDependencies';
import { demoEntries } from './registerEntries';
import { seedDemoChanges } from './demoChanges';
import { grantDemoApp } from './appGrant';
import { seedDemoNetwork } from './demoNetworkSeed';

export { grantDemoApp } from './appGrant';

export const DEFAULT_DIRECTORY_SIZE = 20_000;
const DIRECTORY_SEED = 20_260_101;
/** The demo site's grant to the app: a fixed id, so tests can name it. */
export const DEMO_GRANT_ID = 'ZGVtby1hcHAtb3duZXI';

function demoUser(p: DemoPerson): UserDoc {
  const inPractice = p.teamRole !== 'none' || p === DEMO.leaver;
  const companyName = inPractice ? DEMO.organisation : p === DEMO.formerMember ? 'Northgate PCN' : 'NHS West Yorkshire ICB';
  return {
    id: p.id, displayName: p.displayName, givenName: p.givenName, surname: p.surname, mail: p.upn, userPrincipalName: p.upn,
    jobTitle: p.jobTitle, department: inPractice ? 'General practice' : 'Digital', companyName,
    officeLocation: inPractice ? DEMO.organisation : 'Leeds', accountEnabled: p !== DEMO.disabledOwner, businessPhones: [], mobilePhone: null, preferredLanguage: 'en-GB',
  };
}

export function isSeeded(state: EmulatorState): boolean {
  return state.storage.get('meta', 'seeded') !== undefined;
}

/**
 * Seeds an empty store, then the demo PCN of five practices (demoNetworkSeed.ts). When already
 * seeded, adds what a store seeded by an older release lacks: the demo site's grant and the PCN.
 */
export function seedIfEmpty(state: EmulatorState, directorySize = DEFAULT_DIRECTORY_SIZE, options: { entries?: boolean } = {}): void {
  if (isSeeded(state)) {
    if (state.storage.get('site', DEMO.site.id)) grantDemoApp(state, DEMO.site.id, DEMO_GRANT_ID);
    seedDemoNetwork(state);
    return;
  }
  const { storage } = state;
  const now = state.now();
  const at = isoSeconds(now);
  const demoPeople = [...DEMO.signInUsers, DEMO.leaver, DEMO.formerMember, ...DEMO.contacts];
  const reserved = new Set(demoPeople.map((p) => p.upn));
  state.directory.add([...demoPeople.map(demoUser), ...generateDirectory(directorySize, DIRECTORY_SEED, reserved)]);

  storage.transaction(() => {
    const team: TeamDoc = {
      id: DEMO.team.id, displayName: DEMO.team.displayName, description: DEMO.team.description, siteId: DEMO.site.id, createdDateTime: at,
      members: [...DEMO.teamMembers, DEMO.leaver, DEMO.formerMember].map((p) => ({ userId: p.id, roles: p.teamRole === 'owner' ? ['owner'] : [] })),
    };
    storage.put('team', team.id, team);
    for (const channel of [DEMO.generalChannel, DEMO.channel]) {
      const doc: ChannelDoc = { id: channel.id, teamId: team.id, displayName: channel.displayName, description: '', createdDateTime: at };
      storage.put('channel', `${team.id}/${channel.id}`, doc, team.id);
    }
    const site: SiteDoc = { id: DEMO.site.id, teamId: team.id, name: DEMO.site.name, displayName: DEMO.site.displayName, webUrl: DEMO.site.webUrl, createdDateTime: at };
    storage.put('site', site.id, site);

    const random = seededRandom(7);
    const manager = identityOf(demoUser(DEMO.manager));
    const list: ListDoc = {
      id: DEMO.registerListId, siteId: site.id, teamId: team.id, name: REGISTER_LIST_NAME.replace(/[^A-Za-z0-9]/g, ''), displayName: REGISTER_LIST_NAME,
      description: 'Digital services this practice relies on.', template: 'genericList', createdDateTime: at, lastModifiedDateTime: at, createdBy: manager,
      columns: REGISTER_COLUMNS.map((c) => columnFromDefinition(toColumnDefinition(c), seededGuid(random))), nextItemId: 1, changeSeq: 0, epoch: randomUUID(),
    };
    storage.put('list', list.id, list, site.id);
    const reviewer = identityOf(demoUser(DEMO.teamMembers.find((p) => p.surname === 'Wilson') as DemoPerson));
    (options.entries === false ? [] : withDemoDependencies(demoEntries(londonDateOf(now)))).forEach((entry, index) => {
      const current = storage.get<ListDoc>('list', list.id) as ListDoc;
      const values = coerceFields(current, { ...entryToFields(entry), EntryKey: seededGuid(random) }, true);
      const item = state.items.create(current, values, manager);
      // The dependencies named the entries by the ids a new list gives them (demoDependencies.ts).
      if (item.id !== demoItemId(index)) throw new Error(`Demo entry ${index} got item id ${item.id}: the demo dependencies would point wrong.`);
      if (index % 4 === 0) state.items.update(storage.get<ListDoc>('list', list.id) as ListDoc, item, coerceFields(current, { Notes: `${entry.notes} Checked support contacts.`.trim() }, false), reviewer);
    });
    if (options.entries !== false) seedDemoChanges(state, { siteId: site.id, teamId: team.id, registerListId: list.id, by: manager, at, today: londonDateOf(now) });
    // Its own random stream, so adding it left the register's seeded ids unchanged.
    const settingsRandom = seededRandom(8);
    const settings: ListDoc = {
      id: DEMO.settingsListId, siteId: site.id, teamId: team.id, name: REGISTER_SETTINGS_LIST_NAME.replace(/[^A-Za-z0-9]/g, ''), displayName: REGISTER_SETTINGS_LIST_NAME,
      description: "The Digital Services Register's shared settings.", template: 'genericList', createdDateTime: at, lastModifiedDateTime: at, createdBy: manager,
      columns: REGISTER_SETTINGS_COLUMNS.map((c) => columnFromDefinition(c, seededGuid(settingsRandom))), nextItemId: 1, changeSeq: 0, epoch: randomUUID(),
    };
    storage.put('list', settings.id, settings, site.id);
    // The practice's "team members seen" record (domain/people/teamMembersSeen.ts), as the tab would
    // have written it while the leaver and the former member were still in the team.
    const seen = { ids: team.members.map((m) => m.userId.toLowerCase()) };
    const seenValues = { Title: TEAM_MEMBERS_SEEN_SETTING, SettingKey: TEAM_MEMBERS_SEEN_SETTING, Value: JSON.stringify(seen) };
    state.items.create(settings, coerceFields(settings, seenValues, true), manager);
    // The leaver: removed from the team, then deleted from the directory. The former member moved
    // to another organisation: removed from the team, still in the directory.
    const gone = new Set([DEMO.leaver.id, DEMO.formerMember.id]);
    storage.put('team', team.id, { ...team, members: team.members.filter((m) => !gone.has(m.userId)) });
    grantDemoApp(state, site.id, DEMO_GRANT_ID);
    storage.put('meta', 'seeded', { at });
  });
  state.directory.remove(DEMO.leaver.id);
  seedDemoNetwork(state);
}
