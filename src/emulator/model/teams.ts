/** Teams, channels, channel messages and team sites as stored, plus the membership and visitor rules behind 403s. */
import { fail, GraphHttpError } from '../errors';
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
  /**
   * Microsoft 365 groups (team ids) added to the site's Visitors group: their members get SharePoint's
   * "Read" permission level on the site (model/siteVisitors.ts). Absent on sites stored before visitors.
   */
  visitorGroupIds?: string[];
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

/**
 * What a request does on a site, in SharePoint's permission levels (learn.microsoft.com/sharepoint/
 * understanding-permission-levels): `read` is what the Read level allows (view pages, list items
 * and their versions: ViewListItems, OpenItems, ViewVersions in SPBasePermissions); `write` is
 * anything more (add, edit or delete items, manage lists and columns, see or change permissions).
 */
export type SiteAccess = 'read' | 'write';

/**
 * The site, when `user` may do `access` on it: a member of the owning team (its Microsoft 365
 * group: Owners and Members, Full Control and Edit) may do anything; a member of a group in the
 * site's Visitors (`visitorGroupIds`) may only read. An app's own access is the pipeline's
 * (permissions.ts: tenant-wide permissions or its Sites.Selected grant), checked before any handler.
 * @throws GraphHttpError 404 for an unknown site; 403 accessDenied for a visitor's write, or for
 * someone neither in the team nor a visitor.
 */
export function requireSite(storage: Storage, siteId: string, user: UserDoc, access: SiteAccess): SiteDoc {
  const site = storage.get<SiteDoc>('site', siteId);
  if (!site) throw fail.notFound('Requested site could not be found', 'itemNotFound');
  if (isAppPrincipal(user)) return site;
  const team = storage.get<TeamDoc>('team', site.teamId);
  if (team && isMember(team, user.id)) return site;
  if (isSiteVisitor(storage, site, user.id)) {
    // SharePoint's own answer through Graph when the user's permission level lacks the right.
    if (access === 'write') throw new GraphHttpError(403, 'accessDenied', 'Access denied');
    return site;
  }
  // Neither member nor visitor: the owning team's rule (404 for a team gone, else 403).
  requireTeam(storage, site.teamId, user);
  return site;
}

/** True when `userId` is a member of a group in the site's Visitors. */
export function isSiteVisitor(storage: Storage, site: SiteDoc, userId: string): boolean {
  return (site.visitorGroupIds ?? []).some((groupId) => {
    const group = storage.get<TeamDoc>('team', groupId);
    return group !== undefined && isMember(group, userId);
  });
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
