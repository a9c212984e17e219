/**
 * `npm start` prints the demo register's address with its saved ids (src/dev/start.ts), because a
 * bare address outside Teams only says "open the tab in Teams once". The address is the tab's own
 * "Open in browser" form, and its ids are the seeded practice's: they open the demo register.
 */
import { demoNetworkUrl, demoRegisterUrl } from '../../src/dev/demoRegisterUrl';
import { savedLocationFrom } from '../../src/tab/state/savedLocation';
import { startTestEmulator, tokenFor, DEMO, DEMO_NETWORK, type RunningEmulator } from '../support/emulator';

let emulator: RunningEmulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

test('the printed address carries the demo team, site, register and settings ids, as the tab reads them', () => {
  const url = new URL(demoRegisterUrl('http://localhost:53000'));
  expect(`${url.origin}${url.pathname}`).toBe('http://localhost:53000/');
  expect(savedLocationFrom(url.search)).toEqual({ teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId, settingsId: DEMO.settingsListId });
});

test('its ids are the emulator\'s own: the manager reads the register and its settings list through them', async () => {
  emulator = await startTestEmulator();
  const saved = savedLocationFrom(new URL(demoRegisterUrl(emulator.url)).search);
  const token = await tokenFor(emulator.url, DEMO.manager.upn);
  for (const listId of [saved?.listId, saved?.settingsId]) {
    const response = await fetch(`${emulator.url}/v1.0/sites/${saved?.siteId}/lists/${listId}?$select=id,displayName`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
  }
});

test("the PCN's printed address opens the PCN team's register on its PCN and ICB view, readable by its lead", async () => {
  emulator = await startTestEmulator();
  const url = new URL(demoNetworkUrl(emulator.url));
  const { pcn, lead } = DEMO_NETWORK;
  expect(url.searchParams.get('view')).toBe('network');
  expect(savedLocationFrom(url.search)).toEqual({ teamId: pcn.teamId, siteId: pcn.siteId, listId: pcn.registerListId, settingsId: pcn.settingsListId });
  const token = await tokenFor(emulator.url, lead.upn);
  const response = await fetch(`${emulator.url}/v1.0/sites/${pcn.siteId}/lists/${pcn.registerListId}?$select=id`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
});
