/**
 * An older register (made before the structured downtime fields) in the tab: it still opens,
 * read-only, saying what is missing and who can fix it; a team owner's tab brings it up to date
 * (explaining a `write` grant's 403 first), after which it opens normally again.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { ADMIN_APP } from '../../src/emulator/model/appPrincipal';
import { DEMO_GRANT_ID } from '../../src/emulator/seed/seed';
import { call } from '../emulator/call';
import { appTokenFor, DEMO } from '../support/emulator';
import { useTabRig } from '../support/tabRig';
import { registerUrl } from './registerUrl';

const rig = useTabRig();
const SITE = `/v1.0/sites/${encodeURIComponent(DEMO.site.id)}`;
const COLUMNS = `${SITE}/lists/${DEMO.registerListId}/columns`;
const DOWNTIME = ['DowntimeNotice', 'DowntimeWorkaround', 'DowntimePatients', 'DowntimeBackfill'];

async function admin(): Promise<string> {
  return appTokenFor(rig().emulator.url, ADMIN_APP.appId);
}

async function setGrant(role: 'write' | 'owner') {
  expect((await call(rig().emulator.url, await admin(), `${SITE}/permissions/${DEMO_GRANT_ID}`, { method: 'PATCH', body: { roles: [role] } })).status).toBe(200);
}

async function columnNames(): Promise<string[]> {
  return ((await call(rig().emulator.url, await admin(), COLUMNS)).body.value as { name: string }[]).map((column) => column.name);
}

async function openAs(displayName: string, theme = 'default'): Promise<Page> {
  const context = await rig().browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(registerUrl(rig().emulator.url, `theme=${theme}`));
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${displayName}`) }).click();
  await page.getByRole('table', { name: 'Digital services' }).waitFor();
  return page;
}

/** The register as an older release made it: without the four downtime columns (columndefinition-delete.md). */
async function makeRegisterOld() {
  const token = await admin();
  for (const column of (await call(rig().emulator.url, token, COLUMNS)).body.value as { id: string; name: string }[]) {
    if (DOWNTIME.includes(column.name)) expect((await call(rig().emulator.url, token, `${COLUMNS}/${column.id}`, { method: 'DELETE' })).status).toBe(204);
  }
}

beforeAll(() => makeRegisterOld());

test('a staff member opens an older register read-only, told what is missing and who can fix it', async () => {
  const page = await openAs(DEMO.staff.displayName);
  await page.getByText('The register is open read-only').waitFor();
  await page.getByText(/Ask a team owner to open Setup and bring the register up to date\./).first().waitFor();
  const missing = page.getByRole('list', { name: 'What is missing' });
  expect(await missing.innerText()).toContain('Digital Services Register: 4 missing columns (How you will notice it is down, Paper workaround, What to tell patients, Back-filling records afterwards)');
  expect(await page.getByRole('button', { name: 'Bring the register up to date' }).count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  expect(await columnNames()).not.toContain('DowntimeNotice');
  await page.context().close();
  for (const theme of ['dark', 'contrast']) {
    const themed = await openAs(DEMO.staff.displayName, theme);
    await themed.getByText('The register is open read-only').waitFor();
    expect([theme, await axeViolations(themed)]).toEqual([theme, []]);
    await themed.context().close();
  }
});

test('a team owner under a write grant is told why it failed; with an owner grant the register is brought up to date', async () => {
  await setGrant('write');
  try {
    const page = await openAs(DEMO.manager.displayName);
    // The owner's tab tries at once; the write grant refuses it, explained as the setup explains a 403.
    await page.getByText(/^Permission needed to bring the register's lists/).waitFor();
    await page.getByText(/"owner" or "fullcontrol"/).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await setGrant('owner');
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('The register is up to date').waitFor();
    expect(await columnNames()).toEqual(expect.arrayContaining(DOWNTIME));
    await page.getByRole('button', { name: 'Reload the register' }).click();
    await page.getByRole('table', { name: 'Digital services' }).waitFor();
    await page.getByRole('tab').first().waitFor();
    expect(await page.getByText('The register is open read-only').count()).toBe(0);
    expect(await page.getByText('The register needs bringing up to date').count()).toBe(0);
    await page.context().close();
  } finally {
    await setGrant('owner');
  }
});

/** The configuration page in a Teams host page on the tab's origin (as tests/e2e/teamsHost.test.ts does). */
async function openSetupInTeams(): Promise<{ page: Page; tab: Frame }> {
  const { browser, emulator } = rig();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const hostPath = '/__test__/teams-host.html';
  await context.route(`${emulator.url}${hostPath}`, (route) => route.fulfill({ path: path.join(__dirname, 'fixtures/teamsHost.html'), contentType: 'text/html' }));
  const page = await context.newPage();
  await page.goto(`${emulator.url}${hostPath}`);
  const site = new URL(DEMO.site.webUrl);
  await page.evaluate((hostOptions) => (window as unknown as { startHost(o: unknown): void }).startHost(hostOptions), {
    frameContext: 'settings',
    tabUrl: `${emulator.url}/?view=config`,
    context: {
      groupId: DEMO.team.id, teamId: '19:riverside@thread.tacv2', teamSiteUrl: DEMO.site.webUrl, teamSiteDomain: site.hostname, teamSitePath: site.pathname,
      teamName: DEMO.team.displayName, channelId: '19:digital-services@thread.tacv2', channelName: 'Digital services', userObjectId: DEMO.manager.id,
      userPrincipalName: DEMO.manager.upn, loginHint: DEMO.manager.upn, tid: '00000000-0000-4000-8000-0000000000aa', theme: 'default',
      frameContext: 'settings', hostClientType: 'web', locale: 'en-GB',
    },
  });
  const tab = await (await page.waitForSelector('iframe')).contentFrame();
  if (!tab) throw new Error('The tab frame did not load.');
  return { page, tab };
}

test('Setup in Teams shows "Bring the register up to date" with progress, adds the columns, then offers Save', async () => {
  await makeRegisterOld();
  const { page, tab } = await openSetupInTeams();
  await tab.getByRole('button', { name: new RegExp(`Sign in as ${DEMO.manager.displayName}`) }).click();
  // Slow Graph down so the step can be seen while it works.
  rig().emulator.faults.latencyMs = 400;
  try {
    const step = tab.getByRole('region', { name: 'Bring the register up to date' });
    await step.waitFor();
    expect(await step.getByRole('list', { name: 'What is missing' }).innerText()).toContain('Digital Services Register: 4 missing columns');
    await step.getByRole('progressbar', { name: 'Bringing the register up to date' }).waitFor();
    await step.getByRole('status').filter({ hasText: /^Adding the column “.+” to “Digital Services Register” \(\d of 4\)$/ }).first().waitFor();
    await tab.getByText('Press Save to add the tab.').waitFor();
  } finally {
    rig().emulator.faults.latencyMs = 0;
  }
  await tab.getByText(/Brought it up to date: Digital Services Register: 4 missing columns/).waitFor();
  expect(await columnNames()).toEqual(expect.arrayContaining(DOWNTIME));
  await page.context().close();
});
