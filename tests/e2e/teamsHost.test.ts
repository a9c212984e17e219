/**
 * The tab as Teams hosts it: a host page on the tab's own origin frames the tab and answers
 * teams-js's messages (initialise, context, theme change, configuration save), so the tab's Teams
 * code paths run in real Chromium against the emulator: the team from the context, theme switching,
 * the configuration page saving the tab's settings, a 403 explained, and a deep link to an entry.
 */
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { createGraphClient, openRegisterStore } from '../../src/graph';
import { launchBrowser, requireBuiltTab } from '../support/browser';
import { DEMO, startTestEmulator, tokenSourceFor, type RunningEmulator } from '../support/emulator';

const HOST_PATH = '/__test__/teams-host.html';
const HOST_FIXTURE = path.join(__dirname, 'fixtures/teamsHost.html');

let emulator: RunningEmulator | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  emulator = await startTestEmulator({ staticDir: requireBuiltTab() });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

interface HostOptions {
  readonly frameContext: 'content' | 'settings';
  readonly tabPath: string;
  readonly subEntityId?: string;
  readonly theme?: string;
}

/** Teams' legacy context shape, which teams-js turns into `app.Context`. */
function teamsContext(options: HostOptions) {
  return {
    groupId: DEMO.team.id,
    teamId: '19:riverside@thread.tacv2',
    // teams-js turns these into context.sharePointSite (teamSiteUrl, teamSiteDomain, teamSitePath).
    teamSiteUrl: DEMO.site.webUrl,
    teamSiteDomain: new URL(DEMO.site.webUrl).hostname,
    teamSitePath: new URL(DEMO.site.webUrl).pathname,
    teamName: DEMO.team.displayName,
    channelId: '19:digital-services@thread.tacv2',
    channelName: 'Digital services',
    userObjectId: DEMO.manager.id,
    userPrincipalName: DEMO.manager.upn,
    loginHint: DEMO.manager.upn,
    tid: '00000000-0000-4000-8000-0000000000aa',
    theme: options.theme ?? 'default',
    frameContext: options.frameContext,
    entityId: options.frameContext === 'content' ? 'register' : undefined,
    subEntityId: options.subEntityId,
    hostClientType: 'web',
    locale: 'en-GB',
  };
}

/** Opens the host page, which frames the tab; returns the tab's frame once it has loaded. */
async function openInHost(options: HostOptions): Promise<{ page: Page; tab: Frame }> {
  if (!browser || !emulator) throw new Error('The browser or emulator did not start (see beforeAll).');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(`${emulator.url}${HOST_PATH}`, (route) => route.fulfill({ path: HOST_FIXTURE, contentType: 'text/html' }));
  const page = await context.newPage();
  await page.goto(`${emulator.url}${HOST_PATH}`);
  await page.evaluate((hostOptions) => (window as unknown as { startHost(o: unknown): void }).startHost(hostOptions), {
    frameContext: options.frameContext,
    tabUrl: `${emulator.url}${options.tabPath}`,
    context: teamsContext(options),
  });
  const handle = await page.waitForSelector('iframe');
  const tab = await handle.contentFrame();
  if (!tab) throw new Error('The tab frame did not load.');
  return { page, tab };
}

async function signInAs(tab: Frame, displayName: string): Promise<void> {
  await tab.getByRole('button', { name: new RegExp(`Sign in as ${displayName}`) }).click();
}

type LogEntry = { func: string; args: unknown[] };
const hostLog = (page: Page) => page.evaluate(() => (window as unknown as { hostLog: LogEntry[] }).hostLog);
const sendToTab = (page: Page, func: string, args: unknown[]) =>
  page.evaluate(([f, a]) => (window as unknown as { sendToTab(f: unknown, a: unknown): void }).sendToTab(f, a), [func, args] as const);

async function providerBackground(tab: Frame): Promise<string> {
  return tab.locator('.fui-FluentProvider').first().evaluate((element) => getComputedStyle(element).backgroundColor);
}

test('in a channel tab: the register opens with the site found from the Teams context, and the tab follows theme changes', async () => {
  const { page, tab } = await openInHost({ frameContext: 'content', tabPath: '/?teamId=' + DEMO.team.id });
  const graphPaths: string[] = [];
  tab.page().on('request', (request) => {
    if (request.url().includes('/v1.0/')) graphPaths.push(new URL(request.url()).pathname + ' ' + (request.postData() ?? ''));
  });
  await signInAs(tab, DEMO.manager.displayName);
  await tab.getByRole('table', { name: 'Digital services' }).waitFor();
  // The site came from sharePointSite.teamSiteUrl through GET /sites/{hostname}:/{path}, never through the group.
  const sent = graphPaths.join('\n');
  expect(sent).toContain(`/sites/${new URL(DEMO.site.webUrl).hostname}:${new URL(DEMO.site.webUrl).pathname}`);
  expect(sent).not.toContain('/groups/');
  await tab.getByRole('banner').getByText(DEMO.team.displayName).waitFor();
  const calls = (await hostLog(page)).map((entry) => entry.func);
  expect(calls).toEqual(expect.arrayContaining(['initialize', 'getContext']));

  const light = await providerBackground(tab);
  await page.waitForFunction(() =>
    (window as unknown as { hostLog: LogEntry[] }).hostLog.some((entry) => entry.func === 'registerHandler' && entry.args[0] === 'themeChange'),
  );
  await sendToTab(page, 'themeChange', ['dark']);
  await tab.waitForFunction((before) => {
    const element = document.querySelector('.fui-FluentProvider');
    return element !== null && getComputedStyle(element).backgroundColor !== before;
  }, light);
  const dark = await providerBackground(tab);
  const [r, g, b] = (dark.match(/\d+/g) ?? []).map(Number);
  expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(200); // a dark background
  await page.context().close();
});

test('the configuration page finds the team site and register, enables Save, and saves a URL carrying the ids', async () => {
  const { page, tab } = await openInHost({ frameContext: 'settings', tabPath: '/?view=config' });
  await signInAs(tab, DEMO.manager.displayName);
  await tab.getByText('Found the register').waitFor();
  await tab.getByText('Press Save to add the tab.').waitFor();
  await page.waitForFunction(() =>
    (window as unknown as { hostLog: LogEntry[] }).hostLog.some((entry) => entry.func === 'settings.setValidityState' && entry.args[0] === true),
  );

  await sendToTab(page, 'settings.save', [{}]); // the user pressed Save in Teams
  await page.waitForFunction(() => (window as unknown as { hostLog: LogEntry[] }).hostLog.some((entry) => entry.func === 'settings.save.success'));
  const saved = (await hostLog(page)).find((entry) => entry.func === 'settings.setSettings')?.args[0] as Record<string, string>;
  expect(saved).toMatchObject({ entityId: 'register', suggestedDisplayName: 'Digital services' });
  const contentUrl = new URL(saved.contentUrl ?? '');
  expect(contentUrl.origin).toBe(emulator?.url);
  expect(contentUrl.searchParams.get('teamId')).toBe(DEMO.team.id);
  expect(contentUrl.searchParams.get('siteId')).toBe(DEMO.site.id);
  expect(contentUrl.searchParams.get('listId')).toBe(DEMO.registerListId);
  expect(contentUrl.searchParams.get('settingsId')).toBeTruthy();
  expect(saved.websiteUrl).toBe(saved.contentUrl);
  await page.context().close();
});

test('someone outside the team is told what is missing and who can grant it, with Retry and no Save', async () => {
  const { page, tab } = await openInHost({ frameContext: 'settings', tabPath: '/?view=config' });
  await signInAs(tab, DEMO.outsider.displayName);
  const alert = tab.getByRole('alert');
  await alert.getByText("Permission needed to open the team's SharePoint site").waitFor();
  await alert.getByText(/not a member of Riverside Medical Practice/).waitFor();
  await alert.getByText(/team owner of Riverside Medical Practice/).waitFor();
  await alert.getByText(/Sites\.Selected/).waitFor();
  await alert.getByRole('button', { name: 'Retry' }).waitFor();
  const log = await hostLog(page);
  expect(log.some((entry) => entry.func === 'settings.setValidityState' && entry.args[0] === true)).toBe(false);
  await page.context().close();
});

test('a Teams deep link whose subEntityId is "entry:{id}" (as Teams hands it over, prefix and all) opens that entry', async () => {
  const client = createGraphClient({ baseUrl: emulator?.url ?? '', tokenSource: tokenSourceFor(emulator?.url ?? '', DEMO.manager.upn) });
  const entries = await openRegisterStore(client, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId }).list();
  const target = entries[entries.length - 1];
  if (!target) throw new Error('The seeded register is empty.');
  const { page, tab } = await openInHost({ frameContext: 'content', tabPath: '/', subEntityId: `entry:${target.id}` });
  await signInAs(tab, DEMO.manager.displayName);
  await tab.getByRole('dialog', { name: `Edit ${target.entry.title}` }).waitFor();
  await page.context().close();
});
