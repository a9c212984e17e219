/**
 * Seeds the demo PCN (demoNetwork.ts) after the demo practice: the PCN team, channel and site with
 * its register of PCN-shared services, its settings (`network.self`), its roster and comments lists;
 * four new practices with their registers, settings and (two of them) an open incident; each
 * practice's opt-in; the Visitors both ways; the app's Sites.Selected grants; and the lead, who can
 * sign in locally. Written straight into storage, deterministic (seeded ids), idempotent.
 */
import { addDays, londonDateOf, toColumnDefinition } from '@domain';
import { incidentKeyFor, incidentToFields, INCIDENTS_LIST, type Incident } from '@domain/incidents';
import { memberPracticeToFields, membershipSettingKey, NETWORK_COMMENTS_LIST, NETWORK_PRACTICES_LIST, NETWORK_SELF_SETTING, type NetworkMembership, type NetworkSelf } from '@domain/network';
import { isoSeconds } from '../model/fieldValues';
import { addSignInUser } from '../model/signInUsers';
import { addSiteVisitor } from '../model/siteVisitors';
import type { EmulatorState } from '../model/state';
import type { SiteDoc } from '../model/teams';
import type { UserDoc } from '../model/user';
import { seededGuid, seededRandom, type Random } from '../prng';
import { DEMO_NETWORK, DEMO_NETWORK_STAFF, type DemoNetworkPractice } from './demoNetwork';
import { networkPracticeEntries, pcnSharedEntries } from './demoNetworkRegisters';
import { DEMO, type DemoPerson } from './demoPractice';
import { grantDemoApp } from './appGrant';
import { putItem, putList, putRegister, putSettings, putTeamSite } from './seedParts';

const { pcn, lead } = DEMO_NETWORK;

/** How many services each new practice records, and where its review states start. */
const PLANS: Readonly<Record<string, { count: number; offset: number }>> = {
  'Northgate Surgery': { count: 18, offset: 1 },
  'Hillside Health Centre': { count: 14, offset: 2 },
  'Brook Lane Practice': { count: 26, offset: 4 },
  'Castle Street Surgery': { count: 12, offset: 5 },
};

function userOf(p: DemoPerson, organisation: string): UserDoc {
  return {
    id: p.id, displayName: p.displayName, givenName: p.givenName, surname: p.surname, mail: p.upn, userPrincipalName: p.upn, jobTitle: p.jobTitle,
    department: organisation === pcn.name ? 'Digital' : 'General practice', companyName: organisation, officeLocation: organisation,
    accountEnabled: true, businessPhones: [], mobilePhone: null, preferredLanguage: 'en-GB',
  };
}

function membershipOf(by: string, changedOn: string): NetworkMembership {
  return { state: 'joined', kind: 'pcn', networkName: pcn.name, networkTeamId: pcn.teamId, networkSiteId: pcn.siteId, changedOn, changedBy: by };
}

/** The PCN's site: its register, settings, roster of all five practices and (empty) comments list. */
function seedPcn(state: EmulatorState, leadUser: UserDoc, random: Random, at: string, today: string): void {
  const site = putTeamSite(state, {
    teamId: pcn.teamId, name: pcn.name, description: pcn.description, siteId: pcn.siteId, siteUrl: pcn.siteUrl, channelId: pcn.channelId,
    members: [leadUser], owners: 1, visitorGroupIds: DEMO_NETWORK.practices.map((p) => p.teamId),
  }, at);
  putRegister(state, site, pcn.registerListId, pcnSharedEntries(lead, today), leadUser, random, at);
  const self: NetworkSelf = { kind: 'pcn', name: pcn.name };
  putSettings(state, site, pcn.settingsListId, { [NETWORK_SELF_SETTING]: self }, leadUser, random, at);
  const columns = (def: typeof NETWORK_PRACTICES_LIST) => def.columns.map(toColumnDefinition);
  const roster = putList(state, site, { id: pcn.practicesListId, displayName: NETWORK_PRACTICES_LIST.name, description: NETWORK_PRACTICES_LIST.description ?? '', columns: columns(NETWORK_PRACTICES_LIST) }, leadUser, random, at);
  putList(state, site, { id: pcn.commentsListId, displayName: NETWORK_COMMENTS_LIST.name, description: NETWORK_COMMENTS_LIST.description ?? '', columns: columns(NETWORK_COMMENTS_LIST) }, leadUser, random, at);
  for (const practice of DEMO_NETWORK.practices) {
    const member = { key: practice.key, name: practice.name, siteUrl: practice.siteUrl, teamId: practice.teamId, odsCode: practice.odsCode, settingsListId: practice.settingsListId, addedBy: lead.displayName, addedAt: at };
    putItem(state, roster.id, memberPracticeToFields(member), leadUser);
  }
  grantDemoApp(state, site.id, 'demo-network-pcn');
}

/** One open incident on the practice's `serviceTitle` entry, declared two hours ago. */
function seedIncident(state: EmulatorState, site: SiteDoc, listId: string, entry: { id: string; title: string }, by: UserDoc, random: Random, at: string): void {
  putList(state, site, { id: listId, displayName: INCIDENTS_LIST.name, description: INCIDENTS_LIST.description ?? '', columns: INCIDENTS_LIST.columns.map(toColumnDefinition) }, by, random, at);
  const incident: Incident = {
    key: incidentKeyFor(seededGuid(random)), entryId: entry.id, serviceTitle: entry.title, impact: 'degraded',
    seen: 'Slow to load; some messages fail to send.', startedAt: isoSeconds(new Date(Date.parse(at) - 2 * 3_600_000)),
    declaredBy: { displayName: by.displayName, entraId: by.id }, state: 'open', restoredAt: null, cause: '', supplierReference: '', actions: '',
    updates: [], review: null, thread: null, postedKeys: [],
  };
  putItem(state, listId, incidentToFields(incident), by);
}

function seedPractice(state: EmulatorState, practice: DemoNetworkPractice, random: Random, at: string, today: string): void {
  const staff = DEMO_NETWORK_STAFF[practice.name] ?? [];
  const plan = PLANS[practice.name];
  if (!plan || staff.length === 0) throw new Error(`No demo plan for ${practice.name}.`);
  const users = staff.map((p) => userOf(p, practice.name));
  const manager = users[0] as UserDoc;
  const site = putTeamSite(state, {
    teamId: practice.teamId, name: practice.name, description: `Staff team of ${practice.name} (demo data).`, siteId: practice.key, siteUrl: practice.siteUrl,
    channelId: practice.channelId, members: users, owners: 1, visitorGroupIds: [pcn.teamId],
  }, at);
  const entries = networkPracticeEntries({ name: practice.name, ...plan, staff }, today);
  const items = putRegister(state, site, practice.registerListId, entries, manager, random, at);
  const settings = practice.optedIn ? { [membershipSettingKey('pcn')]: membershipOf(manager.displayName, addDays(today, -20)) } : {};
  putSettings(state, site, practice.settingsListId, settings, manager, random, at);
  if (practice.incidentsListId !== null) {
    const index = entries.findIndex((entry) => entry.title === 'Accurx');
    seedIncident(state, site, practice.incidentsListId, { id: (items[index] as { id: string }).id, title: 'Accurx' }, manager, random, at);
  }
  grantDemoApp(state, site.id, `demo-network-${practice.odsCode}`);
}

/** Riverside (the demo practice) opts in and admits the PCN's team as Visitors of its site. */
function joinRiverside(state: EmulatorState, today: string): void {
  if (!state.storage.get<SiteDoc>('site', DEMO.site.id)) return;
  addSiteVisitor(state.storage, DEMO.site.id, pcn.teamId);
  if (!state.storage.get('list', DEMO.settingsListId)) return;
  const manager = state.directory.find(DEMO.manager.id);
  if (manager) putItem(state, DEMO.settingsListId, { Title: membershipSettingKey('pcn'), SettingKey: membershipSettingKey('pcn'), Value: JSON.stringify(membershipOf(manager.displayName, addDays(today, -30))) }, manager);
}

/** Seeds the demo PCN, once (nothing when its team is already stored). */
export function seedDemoNetwork(state: EmulatorState): void {
  if (state.storage.get('team', pcn.teamId)) return;
  const now = state.now();
  const at = isoSeconds(now);
  const today = londonDateOf(now);
  const leadUser = userOf(lead, pcn.name);
  state.directory.add([leadUser, ...Object.entries(DEMO_NETWORK_STAFF).flatMap(([name, staff]) => staff.map((p) => userOf(p, name)))]);
  addSignInUser(state.storage, { id: lead.id, upn: lead.upn, displayName: lead.displayName, role: lead.role });
  const random = seededRandom(18);
  state.storage.transaction(() => {
    for (const practice of DEMO_NETWORK.practices) if (practice.key !== DEMO.site.id) seedPractice(state, practice, random, at, today);
    seedPcn(state, leadUser, random, at, today);
    joinRiverside(state, today);
  });
}
