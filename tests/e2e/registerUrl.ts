/**
 * The register's "open in browser" address, as the tab's configuration page saves it (websiteUrl):
 * the demo practice's team, site, register and settings list ids as URL parameters. A plain browser
 * has no documented way to find a team's site under Sites.Selected, so this is how people (and these
 * tests) open the register outside Teams; `extra` adds parameters such as `view=reminders`.
 */
import { DEMO } from '../support/emulator';

export function registerUrl(base: string, extra = ''): string {
  const url = new URL('/', base);
  url.searchParams.set('teamId', DEMO.team.id);
  url.searchParams.set('siteId', DEMO.site.id);
  url.searchParams.set('listId', DEMO.registerListId);
  url.searchParams.set('settingsId', DEMO.settingsListId);
  for (const [key, value] of new URLSearchParams(extra)) url.searchParams.set(key, value);
  return url.toString();
}
