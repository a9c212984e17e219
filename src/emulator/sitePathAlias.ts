/**
 * Graph addresses a site by its URL as well as by id: `/sites/{hostname}:/{server-relative-path}`
 * (api-reference/v1.0/api/site-get.md, "Access a site by server-relative URL"), and a second colon
 * returns to the resource model: `/sites/{hostname}:/{path}:/lists/...` (resources/sharepoint.md,
 * "Sites can also be addressed by path"). The tab finds a team's site this way from the Teams
 * context's `sharePointSite.teamSiteUrl`. Both forms are rewritten to `/sites/{site-id}[/...]`, so
 * every site route (and its permission checks) answers them unchanged; an unknown path is a 404.
 */
import { fail } from './errors';
import type { EmulatorState } from './model/state';
import type { SiteDoc } from './model/teams';

const SITE_PATH = /^\/v1\.0\/sites\/([^/:]+):(\/[^:]*?)\/?(?::(\/.*)?)?$/i;

/** @returns `path` with a path-addressed site replaced by its id, or `path` unchanged. @throws GraphHttpError 404. */
export function resolveSitePath(state: EmulatorState, path: string): string {
  const match = SITE_PATH.exec(path);
  if (!match) return path;
  const host = decodeURIComponent(match[1] as string).toLowerCase();
  const wanted = decodeURIComponent(match[2] as string).replace(/\/+$/, '').toLowerCase();
  const site = state.storage.list<SiteDoc>('site').find((candidate) => {
    const url = new URL(candidate.webUrl);
    return url.hostname.toLowerCase() === host && url.pathname.replace(/\/+$/, '').toLowerCase() === wanted;
  });
  if (!site) throw fail.notFound('Requested site could not be found', 'itemNotFound');
  return `/v1.0/sites/${encodeURIComponent(site.id)}${match[3] ?? ''}`;
}
