/**
 * Where the register is, as the configuration page saved it: the tab's `contentUrl` (what Teams
 * loads) and `websiteUrl` ("open in browser") carry the team, site and list ids as URL parameters,
 * so a later open never looks them up again. Ids are hints, never proof: Graph authorises every
 * request with the user's token, and a wrong id only gets a 403/404.
 */
import type { RegisterLocation } from '@graph';

export interface SavedLocation extends RegisterLocation {
  /** The register's settings list, when the configuration page saved it. */
  readonly settingsId?: string;
}

const PARAMS = { teamId: 'teamId', siteId: 'siteId', listId: 'listId', settingsId: 'settingsId' } as const;
/** A Graph site id (`host,guid,guid`), a GUID, or a list id: letters, digits and a few separators only. */
const ID = /^[A-Za-z0-9.,:@_-]{1,200}$/;

/** The saved location in `search` (a URL's query string), or null when any of team, site or list is missing. */
export function savedLocationFrom(search: string): SavedLocation | null {
  const params = new URLSearchParams(search);
  const read = (name: string) => {
    const value = params.get(name)?.trim() ?? '';
    return ID.test(value) ? value : null;
  };
  const teamId = read(PARAMS.teamId);
  const siteId = read(PARAMS.siteId);
  const listId = read(PARAMS.listId);
  if (!teamId || !siteId || !listId) return null;
  const settingsId = read(PARAMS.settingsId);
  return { teamId, siteId, listId, ...(settingsId ? { settingsId } : {}) };
}

/** The team id alone (older tab configurations saved only that). */
export function savedTeamIdFrom(search: string): string | null {
  const value = new URLSearchParams(search).get(PARAMS.teamId)?.trim() ?? '';
  return ID.test(value) ? value : null;
}

/** `origin/` with the location's ids as parameters: the tab's contentUrl and websiteUrl. */
export function locationUrl(origin: string, location: SavedLocation): string {
  const url = new URL('/', origin);
  url.searchParams.set(PARAMS.teamId, location.teamId);
  url.searchParams.set(PARAMS.siteId, location.siteId);
  url.searchParams.set(PARAMS.listId, location.listId);
  if (location.settingsId) url.searchParams.set(PARAMS.settingsId, location.settingsId);
  return url.toString();
}
