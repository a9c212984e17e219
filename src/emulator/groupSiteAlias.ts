/**
 * Graph addresses a team's site through its group as well as by id: `/groups/{id}/sites/root/lists/...`
 * is the same resource as `/sites/{site-id}/lists/...` (navigation through the group's `sites`
 * relationship). The tab's start-up batch uses the group form so it can ask for the site, its
 * register list and the list's items in one round trip, before it knows the site id.
 * `/groups/{id}/sites/root` itself has its own route (sites.ts); only deeper paths are rewritten.
 */
import type { EmulatorState } from './model/state';
import { requireTeam } from './model/teams';
import type { UserDoc } from './model/user';

const GROUP_SITE = /^\/v1\.0\/groups\/([^/]+)\/sites\/root\/(.+)$/i;

/**
 * @returns `path` with `/groups/{id}/sites/root/` replaced by `/sites/{site-id}/`, or `path` unchanged.
 * @throws GraphHttpError 404/403 for an unknown team or one the user is not in (as the group route does).
 */
export function resolveGroupSitePath(state: EmulatorState, path: string, user: UserDoc): string {
  const match = GROUP_SITE.exec(path);
  if (!match) return path;
  const team = requireTeam(state.storage, decodeURIComponent(match[1] as string), user);
  return `/v1.0/sites/${encodeURIComponent(team.siteId)}/${match[2] as string}`;
}
