/**
 * A network of many practices, for the PCN and ICB benchmarks (`npm run bench`: icbFirstLoadRu,
 * icbWarmLoadRu with 100 practices; pcnRoundTrips with 8 x 200). The practices are bench practices
 * (benchPractices.ts, under their own label so they sit beside the reminder benchmark's), each also
 * with its settings list holding its opt-in to the network (`network.icb` or `network.pcn`, joined
 * with the network's site id) and the network's team in its site's Visitors. The network team has
 * its own site with an empty register, its settings (`network.self`), the roster of every practice
 * and an empty comments list; its Visitors are the practice teams. The reader is the network team's
 * only member and owner, and can sign in locally. The app holds an `owner` grant on every site.
 * Written straight into storage, deterministic for given options and day.
 */
import { addDays, londonDateOf, toColumnDefinition } from '@domain';
import {
  memberPracticeToFields, membershipSettingKey, NETWORK_COMMENTS_LIST, NETWORK_PRACTICES_LIST, NETWORK_SELF_SETTING,
  type NetworkKind, type NetworkMembership, type NetworkSelf,
} from '@domain/network';
import { isoSeconds } from '../model/fieldValues';
import { addSignInUser } from '../model/signInUsers';
import type { EmulatorState } from '../model/state';
import type { SiteDoc, TeamDoc } from '../model/teams';
import type { UserDoc } from '../model/user';
import { seededGuid, seededRandom } from '../prng';
import { grantDemoApp } from './appGrant';
import { seedBenchPractices, type BenchPractice } from './benchPractices';
import { putItem, putList, putRegister, putSettings, putTeamSite } from './seedParts';

export interface BenchNetworkOptions {
  /** How many member practices (100 for the ICB benchmark, 8 for the PCN one). */
  readonly practices: number;
  readonly entriesPerPractice: number;
  /** Default 'icb'. */
  readonly kind?: NetworkKind;
}

export interface BenchNetworkPractice extends BenchPractice {
  readonly siteUrl: string;
  readonly settingsListId: string;
}

export interface BenchNetwork {
  readonly kind: NetworkKind;
  readonly name: string;
  readonly teamId: string;
  readonly siteId: string;
  readonly siteUrl: string;
  readonly channelId: string;
  readonly registerListId: string;
  readonly settingsListId: string;
  readonly practicesListId: string;
  readonly commentsListId: string;
  /** The network's reader: a member and owner of the network team only; `POST /emulator/token {"upn"}` signs them in. */
  readonly reader: { readonly id: string; readonly upn: string; readonly displayName: string };
  /** Every practice on the roster, all opted in, in order. */
  readonly practices: readonly BenchNetworkPractice[];
}

/** Adds the network and its practices. @returns their ids. */
export function seedBenchNetwork(state: EmulatorState, options: BenchNetworkOptions): BenchNetwork {
  const kind = options.kind ?? 'icb';
  const label = kind === 'icb' ? 'ICB Bench Practice' : 'PCN Bench Practice';
  const practices = seedBenchPractices(state, { count: options.practices, entriesPerPractice: options.entriesPerPractice, label });
  const random = seededRandom(5_000 + options.practices + (kind === 'icb' ? 0 : 1));
  const now = state.now();
  const at = isoSeconds(now);
  const today = londonDateOf(now);
  const name = kind === 'icb' ? 'Bench ICB digital team' : 'Bench PCN';
  const path = name.replace(/[^A-Za-z0-9]/g, '');
  const upn = `${kind}.reader@bench.nhs.net`;
  const reader: UserDoc = {
    id: seededGuid(random), displayName: `${kind.toUpperCase()} Reader`, givenName: kind.toUpperCase(), surname: 'Reader', mail: upn, userPrincipalName: upn,
    jobTitle: kind === 'icb' ? 'ICB digital review lead' : 'PCN digital and transformation lead', department: 'Digital', companyName: name, officeLocation: name,
    accountEnabled: true, businessPhones: [], mobilePhone: null, preferredLanguage: 'en-GB',
  };
  state.directory.add([reader]);
  addSignInUser(state.storage, { id: reader.id, upn, displayName: reader.displayName, role: `${reader.jobTitle} (${name} team owner)` });
  const network = {
    kind, name, teamId: seededGuid(random), siteId: `emulator.sharepoint.com,${seededGuid(random)},${seededGuid(random)}`, siteUrl: `https://emulator.sharepoint.com/sites/${path}`,
    channelId: `19:${path.toLowerCase()}digital@thread.tacv2`, registerListId: seededGuid(random), settingsListId: seededGuid(random),
    practicesListId: seededGuid(random), commentsListId: seededGuid(random),
    reader: { id: reader.id, upn, displayName: reader.displayName },
  };
  const members: BenchNetworkPractice[] = [];
  state.storage.transaction(() => {
    const site = putTeamSite(state, {
      teamId: network.teamId, name, description: `${name} (benchmark data).`, siteId: network.siteId, siteUrl: network.siteUrl, channelId: network.channelId,
      members: [reader], owners: 1, visitorGroupIds: practices.map((p) => p.teamId),
    }, at);
    putRegister(state, site, network.registerListId, [], reader, random, at);
    const self: NetworkSelf = { kind, name };
    putSettings(state, site, network.settingsListId, { [NETWORK_SELF_SETTING]: self }, reader, random, at);
    const list = (id: string, def: typeof NETWORK_PRACTICES_LIST) => putList(state, site, { id, displayName: def.name, description: def.description ?? '', columns: def.columns.map(toColumnDefinition) }, reader, random, at);
    list(network.practicesListId, NETWORK_PRACTICES_LIST);
    list(network.commentsListId, NETWORK_COMMENTS_LIST);
    grantDemoApp(state, site.id, `bench-${kind}-network`);
    for (const practice of practices) {
      const practiceSite = state.storage.get<SiteDoc>('site', practice.siteId) as SiteDoc;
      state.storage.put('site', practiceSite.id, { ...practiceSite, visitorGroupIds: [...(practiceSite.visitorGroupIds ?? []), network.teamId] });
      const membership: NetworkMembership = { state: 'joined', kind, networkName: name, networkTeamId: network.teamId, networkSiteId: network.siteId, changedOn: addDays(today, -10), changedBy: '' };
      const settingsListId = seededGuid(random);
      // The practice's own setting, written by its manager (the team's first owner).
      const team = state.storage.get<TeamDoc>('team', practice.teamId) as TeamDoc;
      const manager = state.directory.find(team.members[0]?.userId ?? '') ?? reader;
      putSettings(state, practiceSite, settingsListId, { [membershipSettingKey(kind)]: { ...membership, changedBy: manager.displayName } }, manager, random, at);
      putItem(state, network.practicesListId, memberPracticeToFields({ key: practice.siteId, name: practice.name, siteUrl: practiceSite.webUrl, teamId: practice.teamId, odsCode: '', settingsListId, addedBy: reader.displayName, addedAt: at }), reader);
      members.push({ ...practice, siteUrl: practiceSite.webUrl, settingsListId });
    }
  });
  return { ...network, practices: members };
}
