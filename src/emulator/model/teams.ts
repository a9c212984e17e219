/** Teams, channels, channel messages and team sites as stored, plus the membership rule behind 403s. */
import { fail } from '../errors';
import type { Storage } from '../storage/types';
import { isAppPrincipal } from './appPrincipal';
import type { ListDoc } from './lists';
import type { UserDoc } from './user';

export interface TeamMemberDoc {
  userId: string;
  roles: string[];
}

export interface TeamDoc {
  id: string;
  displayName: string;
  description: string;
  siteId: string;
  createdDateTime: string;
  members: TeamMemberDoc[];
}

export interface ChannelDoc {
  id: string;
  teamId: string;
  displayName: string;
  description: string;
  createdDateTime: string;
}

export interface SiteDoc {
  id: string;
  teamId: string;
  name: string;
  displayName: string;
  webUrl: string;
  createdDateTime: string;
}

export interface MessageDoc {
  id: string;
  [key: string]: unknown;
}

export const channelKey = (teamId: string, channelId: string) => `${teamId}/${channelId}`;

export function isMember(team: TeamDoc, userId: string): boolean {
  return team.members.some((member) => member.userId === userId);
}

/**
 * The team, when `user` belongs to it.
 * @throws GraphHttpError 404 for an unknown team, 403 accessDenied for a non-member.
 */
export function requireTeam(storage: Storage, teamId: string, user: UserDoc): TeamDoc {
  const team = storage.get<TeamDoc>('team', teamId);
  if (!team) throw fail.notFound(`No team found with Group Id ${teamId}`, 'NotFound');
  // An app's access to a team (RSC or tenant-wide roles) is checked by the pipeline before any handler (permissions.ts).
  if (!isAppPrincipal(user) && !isMember(team, user.id)) throw fail.forbidden();
  return team;
}

/** @throws GraphHttpError 404 for an unknown site, 403 when `user` is not in the owning team. */
export function requireSite(storage: Storage, siteId: string, user: UserDoc): SiteDoc {
  const site = storage.get<SiteDoc>('site', siteId);
  if (!site) throw fail.notFound('Requested site could not be found', 'itemNotFound');
  requireTeam(storage, site.teamId, user);
  return site;
}

/** A list of `site` by id or display name. @throws GraphHttpError 404 itemNotFound. */
export function requireList(storage: Storage, site: SiteDoc, idOrName: string): ListDoc {
  const byId = storage.get<ListDoc>('list', idOrName);
  if (byId && byId.siteId === site.id) return byId;
  const wanted = idOrName.toLowerCase();
  const byName = storage.list<ListDoc>('list', site.id).find((list) => list.displayName.toLowerCase() === wanted || list.name.toLowerCase() === wanted);
  if (!byName) throw fail.notFound('The specified list was not found.', 'itemNotFound');
  return byName;
}

/** @throws GraphHttpError 404 for an unknown channel (after the team's 403 check). */
export function requireChannel(storage: Storage, team: TeamDoc, channelId: string): ChannelDoc {
  const channel = storage.get<ChannelDoc>('channel', channelKey(team.id, channelId));
  if (!channel) throw fail.notFound(`Channel ${channelId} was not found in team ${team.id}.`, 'NotFound');
  return channel;
}
