/**
 * The demo practice's register address with its saved ids, in the form the tab's configuration page
 * saves as the tab's `websiteUrl` ("Open in browser"): outside Teams a bare address has no ids and
 * tells the person to open the tab in Teams once. Built from the emulator's demo seed, never by hand.
 */
import { DEMO } from '../emulator/seed/demoPractice';
import { locationUrl } from '../tab/state/savedLocation';

export function demoRegisterUrl(origin: string): string {
  return locationUrl(origin, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId, settingsId: DEMO.settingsListId });
}
