/**
 * The first open of the tab inside a Teams host, with no ids in its address: the site comes from the
 * Teams context's `sharePointSite.teamSiteUrl` (the e2e test host page answers teams-js), found with
 * the lists by title in one $batch; the entries follow in a second round trip.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO } from '../tests/support/emulator';

const HOST_PATH = '/__test__/teams-host.html';
const HOST_FIXTURE = path.join(__dirname, '../tests/e2e/fixtures/teamsHost.html');

interface Timed {
  start: number;
  end: number;
}

export async function firstOpenInTeams(
  browser: Browser,
  url: string,
  watchTable: string,
  depth: (requests: readonly Timed[], until: number) => number,
): Promise<{ trips: number; renderMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.route(`${url}${HOST_PATH}`, (route) => route.fulfill({ path: HOST_FIXTURE, contentType: 'text/html' }));
    await context.addInitScript(watchTable); // every frame, before the tab's own scripts
    const page = await context.newPage();
    await page.goto(`${url}${HOST_PATH}`);
    const site = new URL(DEMO.site.webUrl);
    await page.evaluate(
      (options) => (window as unknown as { startHost(o: unknown): void }).startHost(options),
      {
        frameContext: 'content',
        tabUrl: `${url}/`,
        context: {
          groupId: DEMO.team.id, teamId: '19:riverside@thread.tacv2', tid: '00000000-0000-4000-8000-0000000000aa', teamName: DEMO.team.displayName, teamSiteUrl: DEMO.site.webUrl, teamSiteDomain: site.hostname, teamSitePath: site.pathname,
          channelId: DEMO.channel.id, userObjectId: DEMO.manager.id, userPrincipalName: DEMO.manager.upn, loginHint: DEMO.manager.upn,
          theme: 'default', frameContext: 'content', entityId: 'register', hostClientType: 'web', locale: 'en-GB',
        },
      },
    );
    const tab = await (await page.waitForSelector('iframe')).contentFrame();
    if (!tab) throw new Error('The tab frame did not load.');
    await tab.getByRole('button', { name: new RegExp(`^Sign in as ${DEMO.manager.displayName}`) }).click();
    await tab.getByRole('table', { name: 'Digital services' }).waitFor().catch(async (error: unknown) => {
      throw new Error(`The tab in the Teams host did not show the register: ${(await tab.locator('body').innerText()).slice(0, 300)} (${String(error)})`);
    });
    // The table is on screen: measure again from a reload with the sign-in kept and nothing cached.
    await tab.evaluate(() => {
      for (const key of Object.keys(sessionStorage)) if (key.startsWith('dsr.warm.') || key === 'dsr.teamId') sessionStorage.removeItem(key);
    });
    await tab.evaluate(() => window.location.reload());
    await page.waitForTimeout(500);
    const reloaded = page.frames().find((frame) => frame !== page.mainFrame()) ?? tab;
    await reloaded.waitForLoadState();
    await reloaded.getByRole('table', { name: 'Digital services' }).waitFor();
    await page.waitForTimeout(1500);
    const measured = await reloaded.evaluate(() => {
      const entries = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/v1.0/'));
      const table = document.querySelector('table[aria-label="Digital services"]');
      const renderMs = (window as unknown as { __tableAt?: number }).__tableAt ?? (table ? performance.now() : 0);
      return { renderMs, requests: entries.map((entry) => ({ start: entry.startTime, end: (entry as PerformanceResourceTiming).responseEnd })) };
    });
    return { trips: depth(measured.requests, measured.renderMs), renderMs: Math.round(measured.renderMs) };
  } finally {
    await context.close();
  }
}
