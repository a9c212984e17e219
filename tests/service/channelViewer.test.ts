/**
 * The channel viewer in real Chromium: the service's digest rendered by the official adaptivecards
 * renderer, hostile user text shown literally, a strict CSP, an "Open" button that hands the local
 * tab the deep link's subEntityId exactly as Teams would (`entry:<id>`), and the app installed or
 * uninstalled from the page, which reaches the bot as Teams' activity.
 */
import type { Browser } from 'playwright-core';
import { emptyEntry } from '../../src/domain/entry';
import { createGraphClient, openRegisterStore } from '../../src/graph';
import { launchBrowser } from '../support/browser';
import { DEMO, startTestEmulator, tokenSourceFor, type RunningEmulator } from '../support/emulator';
import { closeHarnesses, harness, sharedAzurite, stopSharedAzurite } from './harness';

let emulator: RunningEmulator;
let browser: Browser;

beforeAll(async () => {
  await sharedAzurite();
  emulator = await startTestEmulator({ directorySize: 50 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeHarnesses();
  await browser?.close();
  await emulator?.close();
  await stopSharedAzurite();
});

test('the digest card renders with escaped text and a working deep link', async () => {
  const manager = createGraphClient({ baseUrl: emulator.url, tokenSource: tokenSourceFor(emulator.url, DEMO.manager.upn) });
  const store = openRegisterStore(manager, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId });
  const hostile = '[Click here](https://evil.example) <img src=x onerror=alert(1)>';
  const created = await store.create(
    { ...emptyEntry(), title: hostile, lifecycle: 'live', nextReviewDue: '2020-01-01', owner: { entraId: DEMO.staff.id, displayName: DEMO.staff.displayName, upn: DEMO.staff.upn } },
    'viewer-test-entry',
  );
  const h = await harness(emulator.url);
  expect((await h.run()).posted).toBe(1);

  const page = await browser.newPage();
  const response = await page.goto(`${emulator.url}/emulator/channel`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.getByText('1 message(s).').waitFor();
  const card = page.locator('.ac-adaptiveCard').first();
  await card.waitFor();
  // The escaper puts invisible zero-width spaces inside web addresses so Teams cannot auto-link them.
  const text = ((await card.textContent()) ?? '').replace(/\u200B/g, '');
  expect(text).toContain('Digital services: reviews due');
  expect(text).toContain('[Click here](https://evil.example) <img src=x onerror=alert(1)>');
  expect(await card.locator('img').count()).toBe(0);
  expect(await card.locator('a[href^="https://evil"]').count()).toBe(0);
  expect(await card.locator('.mention').first().textContent()).toMatch(/^@/);
  const visited: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url());
  });
  await card.locator('.ac-pushButton', { hasText: 'Open Click here https evil' }).click();
  await page.waitForURL((url) => url.searchParams.get('view') === 'register');
  // The subEntityId as Teams hands it to the tab: prefix included.
  expect(visited.map((url) => new URL(url).searchParams.get('entry'))).toContain(`entry:${created.id}`);
  await page.close();
});

test('the viewer uninstalls and reinstalls the app; the bot hears both from Teams', async () => {
  const h = await harness(emulator.url);
  const page = await browser.newPage();
  await page.goto(`${emulator.url}/emulator/channel`);
  await page.getByRole('button', { name: 'Uninstall the app' }).click();
  await page.getByRole('button', { name: 'Install the app' }).waitFor();
  expect((await h.stores.installations.get(DEMO.team.id))?.status).toBe('removed');
  await page.getByRole('button', { name: 'Install the app' }).click();
  await page.getByRole('button', { name: 'Uninstall the app' }).waitFor();
  expect(await h.stores.installations.get(DEMO.team.id)).toMatchObject({ status: 'installed', channelId: DEMO.channel.id });
  await page.close();
});
