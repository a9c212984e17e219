/**
 * A group's team site: Graph documents `GET /groups/{group-id}/sites/root` (site-get.md, "Access a
 * group team site"), which has its own route (sites.ts), and nothing deeper. With
 * `strictness.groupSitePath` (default) a deeper path such as `/groups/{id}/sites/root/lists/...`
 * gets 400, as Graph does for an unsupported segment; the client must address the site by id or
 * by path. Off, such paths are rewritten to `/sites/{site-id}/...` (the lenient reading some
 * tenants' behaviour suggests).
 */
import { fail } from './errors';
import type { EmulatorState } from './model/state';
import { requireSite, type TeamDoc } from './model/teams';
import type { UserDoc } from './model/user';

const GROUP_SITE = /^\/v1\.0\/groups\/([^/]+)\/sites\/root\/(.+)$/i;

/**
 * @returns `path` unchanged, or (lenient mode) with `/groups/{id}/sites/root/` replaced by `/sites/{site-id}/`.
 * @throws GraphHttpError 400 for a deeper path in strict mode; 404/403 for an unknown team, or a site the user is neither a member nor a visitor of.
 */
export function resolveGroupSitePath(state: EmulatorState, path: string, user: UserDoc): string {
  const match = GROUP_SITE.exec(path);
  if (!match) return path;
  const rest = match[2] as string;
  if (state.strictness.groupSitePath)
    throw fail.badRequest(`Resource not found for the segment '${decodeURIComponent(rest.split('/')[0] ?? '')}'.`);
  const groupId = decodeURIComponent(match[1] as string);
  const team = state.storage.get<TeamDoc>('team', groupId);
  if (!team) throw fail.notFound(`No team found with Group Id ${groupId}`, 'NotFound');
  // A member or a visitor of the site gets through; what they may do there is the route's check.
  requireSite(state.storage, team.siteId, user, 'read');
  return `/v1.0/sites/${encodeURIComponent(team.siteId)}/${rest}`;
}
