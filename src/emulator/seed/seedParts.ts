/**
 * The pieces the network seeds (demoNetworkSeed.ts, benchNetwork.ts) put straight into storage, as
 * seed.ts does for the demo practice: a team with its "Digital services" channel and its site, a
 * list with its columns, register entries and settings. Written through the item store, so every
 * item has a version and counts for delta, and no Graph request is spent.
 */
import { entryToFields, REGISTER_COLUMNS, REGISTER_LIST_NAME, REGISTER_SETTINGS_COLUMNS, REGISTER_SETTINGS_LIST_NAME, toColumnDefinition, type RegisterEntry } from '@domain';
import { coerceFields } from '../model/fieldValues';
import type { ItemDoc } from '../model/items';
import { columnFromDefinition, type ListDoc } from '../model/lists';
import type { EmulatorState } from '../model/state';
import type { ChannelDoc, SiteDoc, TeamDoc } from '../model/teams';
import { identityOf, type UserDoc } from '../model/user';
import { seededGuid, type Random } from '../prng';

export interface TeamSitePlan {
  readonly teamId: string;
  readonly name: string;
  readonly description: string;
  readonly siteId: string;
  readonly siteUrl: string;
  readonly channelId: string;
  /** Team owners first (`owners` of them), then members. */
  readonly members: readonly UserDoc[];
  readonly owners: number;
  readonly visitorGroupIds: readonly string[];
}

/** A team, its "Digital services" channel and its site (with its Visitors). */
export function putTeamSite(state: EmulatorState, plan: TeamSitePlan, at: string): SiteDoc {
  const team: TeamDoc = {
    id: plan.teamId, displayName: plan.name, description: plan.description, siteId: plan.siteId, createdDateTime: at,
    members: plan.members.map((user, index) => ({ userId: user.id, roles: index < plan.owners ? ['owner'] : [] })),
  };
  state.storage.put('team', team.id, team);
  const channel: ChannelDoc = { id: plan.channelId, teamId: team.id, displayName: 'Digital services', description: '', createdDateTime: at };
  state.storage.put('channel', `${team.id}/${channel.id}`, channel, team.id);
  const site: SiteDoc = {
    id: plan.siteId, teamId: team.id, name: new URL(plan.siteUrl).pathname.split('/').pop() ?? plan.name, displayName: plan.name, webUrl: plan.siteUrl,
    createdDateTime: at, visitorGroupIds: [...plan.visitorGroupIds],
  };
  state.storage.put('site', site.id, site);
  return site;
}

export interface ListPlan {
  readonly id: string;
  readonly displayName: string;
  readonly description: string;
  /** Graph columnDefinitions. */
  readonly columns: readonly Record<string, unknown>[];
}

export function putList(state: EmulatorState, site: SiteDoc, plan: ListPlan, by: UserDoc, random: Random, at: string): ListDoc {
  const list: ListDoc = {
    id: plan.id, siteId: site.id, teamId: site.teamId, name: plan.displayName.replace(/[^A-Za-z0-9]/g, ''), displayName: plan.displayName,
    description: plan.description, template: 'genericList', createdDateTime: at, lastModifiedDateTime: at, createdBy: identityOf(by),
    columns: plan.columns.map((c) => columnFromDefinition(c, seededGuid(random))), nextItemId: 1, changeSeq: 0, epoch: seededGuid(random),
  };
  state.storage.put('list', list.id, list, site.id);
  return list;
}

/** Adds one item to `listId` with `fields` (coerced as a Graph create would be). */
export function putItem(state: EmulatorState, listId: string, fields: Record<string, unknown>, by: UserDoc): ItemDoc {
  const list = state.storage.get<ListDoc>('list', listId) as ListDoc;
  return state.items.create(list, coerceFields(list, fields, true), identityOf(by));
}

/** The register list with `entries`, each with its own EntryKey. @returns the items, in order. */
export function putRegister(state: EmulatorState, site: SiteDoc, id: string, entries: readonly RegisterEntry[], by: UserDoc, random: Random, at: string): ItemDoc[] {
  const list = putList(state, site, { id, displayName: REGISTER_LIST_NAME, description: 'Digital services this practice relies on.', columns: REGISTER_COLUMNS.map(toColumnDefinition) }, by, random, at);
  return entries.map((entry) => putItem(state, list.id, { ...entryToFields(entry), EntryKey: seededGuid(random) }, by));
}

/** The settings list with `settings` (key: value), each stored as the Graph layer writes it (Title and SettingKey the key, Value its JSON). */
export function putSettings(state: EmulatorState, site: SiteDoc, id: string, settings: Readonly<Record<string, unknown>>, by: UserDoc, random: Random, at: string): ListDoc {
  const list = putList(state, site, { id, displayName: REGISTER_SETTINGS_LIST_NAME, description: "The Digital Services Register's shared settings.", columns: REGISTER_SETTINGS_COLUMNS }, by, random, at);
  for (const [key, value] of Object.entries(settings)) putItem(state, list.id, { Title: key, SettingKey: key, Value: JSON.stringify(value) }, by);
  return list;
}
