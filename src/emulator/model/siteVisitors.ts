/**
 * A site's Visitors: Microsoft 365 groups whose members may read the site and nothing more.
 *
 * SharePoint gives every group-connected team site three SharePoint groups: Owners (Full Control),
 * Members (Edit) and Visitors (Read) ("Understanding permission levels in SharePoint",
 * learn.microsoft.com/sharepoint/understanding-permission-levels). A site owner may add another
 * Microsoft 365 group (another team) to the site's Visitors from Site permissions ("Sharing and
 * permissions in the SharePoint modern experience", learn.microsoft.com/sharepoint/
 * modern-experience-sharing-permissions): its members then read the lists and items, and any write
 * is refused. Visiting a site does not make anyone a member of the team: the team's channels,
 * members and `/me/joinedTeams` stay the team's own (model/teams.ts requireTeam).
 *
 * A delegated call through an app still gets only the intersection of the user's access and the
 * app's Sites.Selected grant (concepts/permissions-selected-overview.md; permissions.ts).
 * Graph has no documented call to change a site's SharePoint groups, so the emulator sets them with
 * its own control route (routes/siteVisitorControl.ts) and in its seeds.
 */
import { fail } from '../errors';
import type { Storage } from '../storage/types';
import type { SiteDoc, TeamDoc } from './teams';

/** The site, after a 404 for an unknown one. */
function siteOf(storage: Storage, siteId: string): SiteDoc {
  const site = storage.get<SiteDoc>('site', siteId);
  if (!site) throw fail.notFound('Requested site could not be found', 'itemNotFound');
  return site;
}

export function visitorsOf(storage: Storage, siteId: string): string[] {
  return [...(siteOf(storage, siteId).visitorGroupIds ?? [])];
}

/** Adds `groupId` to the site's Visitors (idempotent). @throws GraphHttpError 404 for an unknown site or group. */
export function addSiteVisitor(storage: Storage, siteId: string, groupId: string): string[] {
  const site = siteOf(storage, siteId);
  if (!storage.get<TeamDoc>('team', groupId)) throw fail.notFound(`No team found with Group Id ${groupId}`, 'NotFound');
  const visitors = site.visitorGroupIds ?? [];
  if (visitors.includes(groupId)) return [...visitors];
  const next = [...visitors, groupId];
  storage.put('site', site.id, { ...site, visitorGroupIds: next });
  return next;
}

/** Removes `groupId` from the site's Visitors (absent: nothing to do). @throws GraphHttpError 404 for an unknown site. */
export function removeSiteVisitor(storage: Storage, siteId: string, groupId: string): string[] {
  const site = siteOf(storage, siteId);
  const next = (site.visitorGroupIds ?? []).filter((id) => id !== groupId);
  storage.put('site', site.id, { ...site, visitorGroupIds: next });
  return next;
}
