/**
 * Where a practice's site and register are. Teams' installation activity names the team, not its
 * SharePoint site, and under Sites.Selected the service cannot ask Graph for a group's site
 * (`/groups/{id}/sites/root` is documented with Sites.Read.All and up only: site-get.md). The admin
 * who grants the app `write` on the practice's site (POST /sites/{id}/permissions) knows its URL, so
 * they record it once: `npm run reminders -- --set-site <team id> <site URL>`. The site is then read
 * by its documented path (site-getbypath.md), the register and its settings list found in it (the
 * tab creates both together), and the ids kept in the installation, so every run after reads the
 * register and its audit log straight away.
 */
import { findTeamSiteByUrl, type GraphClient } from '@graph';
import { findPracticeLists } from './practiceLists';
import type { InstallationStore } from './store/installations';

/**
 * Why a practice without a recorded site is skipped (runs and the ledger migration alike). The
 * service never asks for the team's site through its group: `/groups/{id}/sites/root` is documented
 * for Sites.Read.All and up only (site-get.md), and the service holds Sites.Selected.
 */
export const NO_SITE_REASON = (teamId: string): string =>
  `no SharePoint site recorded for this practice (the service cannot look a team's site up under Sites.Selected): record it once with "npm run reminders -- --set-site ${teamId} <site URL>"`;

export async function registerSite(
  graph: GraphClient,
  installations: InstallationStore,
  teamId: string,
  siteUrl: string,
): Promise<{ siteId: string; listId: string | null; settingsId: string | null }> {
  const install = await installations.get(teamId);
  if (!install) throw new Error(`The bot is not installed in team ${teamId} (install the app in the team first).`);
  const site = await findTeamSiteByUrl(graph, siteUrl);
  const { listId, settingsId } = await findPracticeLists(graph, site.id);
  await installations.rememberLists(teamId, site.id, listId, settingsId);
  return { siteId: site.id, listId, settingsId };
}
