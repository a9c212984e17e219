/**
 * The incident card and an update, posted through the delegated fallback, rendered in the emulator's
 * channel viewer by the official adaptivecards renderer in real Chromium: the card parses, hostile
 * text stays literal, the contact buttons carry tel:/mailto:/https links only, and the update sits
 * in the thread under the card.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { addIncidentUpdate, declareIncident, incidentKeyFor, incidentUpdateKey, INCIDENTS_LIST } from '../../../src/domain/incidents';
import { entryDeepLink } from '../../../src/domain/reminders/entryLink';
import { createGraphClient, openRegisterStore } from '../../../src/graph';
import { openIncidentStore, postUnpostedCards } from '../../../src/graph/incidents';
import { findOrProvisionList } from '../../../src/graph/lists';
import { launchBrowser } from '../../support/browser';
import { DEMO, startTestEmulator, tokenSourceFor, type RunningEmulator } from '../../support/emulator';
import { fullEntry } from '../fullEntry';

let emulator: RunningEmulator;
let browser: Browser;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

test('the incident card renders in the channel with its update threaded under it', async () => {
  const client = createGraphClient({ baseUrl: emulator.url, tokenSource: tokenSourceFor(emulator.url, DEMO.manager.upn) });
  const register = openRegisterStore(client, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId });
  const hostile = '[Click here](https://evil.example) <img src=x onerror=alert(1)>';
  const service = await register.create(
    fullEntry(hostile, { supplier: 'Optum', supportPhone: '0300 123 4567', supportEmail: 'desk@optum.example', supportUrl: 'javascript:alert(1)', downtimeWorkaround: '**Paper** lists' }),
    randomUUID(),
  );
  const list = await findOrProvisionList(client, DEMO.site.id, INCIDENTS_LIST);
  const store = openIncidentStore(client, { siteId: DEMO.site.id, listId: list.id });
  const key = incidentKeyFor(randomUUID());
  let stored = await store.create(
    declareIncident(
      { key, entryId: service.id, serviceTitle: hostile, impact: 'down', seen: 'Screens frozen', declaredBy: { displayName: DEMO.manager.displayName, entraId: DEMO.manager.id } },
      new Date(),
    ),
  );
  stored = await store.change(stored, (i) => addIncidentUpdate(i, { key: incidentUpdateKey(key, 1), text: 'Supplier investigating <b>now</b>', by: DEMO.manager.displayName }, new Date()));
  const entries = await register.list();
  const entryLink = (id: string) => entryDeepLink({ teamsAppId: 'app', entityId: 'register', channelId: DEMO.channel.id }, id);
  stored = await postUnpostedCards({ client, store, channel: { teamId: DEMO.team.id, channelId: DEMO.channel.id }, entries, entryLink }, stored);
  expect(stored.incident.postedKeys).toHaveLength(2);

  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${emulator.url}/emulator/channel`);
  const root = page.locator('#messages > li.message').filter({ hasText: 'Incident: service down' });
  await root.waitFor();
  const card = root.locator('.ac-adaptiveCard').first();
  const text = ((await card.textContent()) ?? '').replace(/\u200B/g, '');
  expect(text).toContain(`${hostile} is down`);
  expect(text).toContain('**Paper** lists');
  expect(text).toContain('Who to call');
  expect(await card.locator('img').count()).toBe(0);
  expect(await card.locator('a[href^="https://evil"], a[href^="javascript"]').count()).toBe(0);
  const buttons = await card.locator('.ac-pushButton').allTextContents();
  expect(buttons).toEqual(expect.arrayContaining(['Call Optum', 'Email Optum']));
  expect(buttons.some((b) => /portal/i.test(b))).toBe(false);

  const reply = root.locator('ol.replies > li.message.reply');
  expect(await reply.count()).toBe(1);
  expect(((await reply.textContent()) ?? '').replace(/\u200B/g, '')).toContain('Supplier investigating <b>now</b>');
  expect(dialogs).toEqual([]);
  if (process.env.HI_SHOT) await page.screenshot({ path: process.env.HI_SHOT, fullPage: true });
  await page.close();
});
