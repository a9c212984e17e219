/**
 * Where a practice's site and register are. Teams' installation activity names the team, not its
 * SharePoint site, and under Sites.Selected the service cannot ask Graph for a group's site
 * (`/groups/{id}/sites/root` is documented with Sites.Read.All and up only: site-get.md). The admin
 * who grants the app `write` on the practice's site (POST /sites/{id}/permissions) knows its URL, so
 * they record it once: `npm run reminders -- --set-site <team id> <site URL>`. The site is then read
 * by its documented path (site-getbypath.md), the register found in it, and both ids kept in the
 * installation, so every run after reads the register straight away.
 */
import { findRegisterList, findTeamSiteByUrl, type GraphClient } from '../graph';
import type { InstallationStore } from './store/installations';

export async function registerSite(graph: GraphClient, installations: InstallationStore, teamId: string, siteUrl: string): Promise<{ siteId: string; listId: string | null }> {
  const install = await installations.get(teamId);
  if (!install) throw new Error(`The bot is not installed in team ${teamId} (install the app in the team first).`);
  const site = await findTeamSiteByUrl(graph, siteUrl);
  const listId = await findRegisterList(graph, site.id);
  await installations.rememberLists(teamId, site.id, listId);
  return { siteId: site.id, listId };
}
