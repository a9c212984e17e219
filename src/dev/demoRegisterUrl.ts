/**
 * The demo registers' addresses with their saved ids, in the form the tab's configuration page saves
 * as the tab's `websiteUrl` ("Open in browser"): outside Teams a bare address has no ids and tells the
 * person to open the tab in Teams once. Built from the emulator's demo seeds, never by hand.
 */
import { DEMO } from '../emulator/seed/demoPractice';
import { DEMO_NETWORK } from '../emulator/seed/demoNetwork';
import { locationUrl } from '../tab/state/savedLocation';

export function demoRegisterUrl(origin: string): string {
  return locationUrl(origin, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId, settingsId: DEMO.settingsListId });
}

/** The demo PCN team's tab, opened on its PCN and ICB view (docs/network.md). */
export function demoNetworkUrl(origin: string): string {
  const { pcn } = DEMO_NETWORK;
  const url = new URL(locationUrl(origin, { teamId: pcn.teamId, siteId: pcn.siteId, listId: pcn.registerListId, settingsId: pcn.settingsListId }));
  url.searchParams.set('view', 'network');
  return url.toString();
}
