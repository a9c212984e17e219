/**
 * Incident mode end to end in Chromium against the emulator serving the built tab: the practice
 * manager declares an incident from the register row; the banner shows at the top and the badges on
 * the failing service and on those that depend on it; the card reaches the channel (the channel
 * viewer renders it, and its link opens the entry in the tab); an update lands in the thread;
 * restore and the review; the incident log shows it with its duration. axe finds no WCAG A/AA
 * violation on the declare dialog, the banner and the log in the three themes.
 */
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { INCIDENTS_LIST } from '../../src/domain/incidents';
import { createGraphClient } from '../../src/graph';
import { findOrProvisionList } from '../../src/graph/lists';
import { screenshotPath } from '../support/browser';
import { DEMO, tokenSourceFor } from '../support/emulator';
import { useTabRig } from '../support/tabRig';
import { registerUrl } from './registerUrl';

const FAILING = 'EMIS Web';
/** Depends on EMIS Web directly (demoDependencies.ts), and PCN shared booking through GP Connect. */
const DEPENDENT = 'Docman';
const INDIRECT = 'PCN shared booking system';

const rig = useTabRig();

interface ChannelMessage {
  id: string;
  replyToId?: string | null;
  from: { user: { id: string } | null };
  attachments: { contentType: string; content: string }[];
}

async function channelMessages(): Promise<ChannelMessage[]> {
  const response = await fetch(`${rig().emulator.url}/emulator/channel/messages`);
  return ((await response.json()) as { value: ChannelMessage[] }).value;
}

async function shoot(page: Page, name: string): Promise<void> {
  const file = screenshotPath(name);
  if (file) await page.screenshot({ path: file, fullPage: true });
}

async function scan(page: Page): Promise<string[]> {
  // The pointer rests where the last click was; a hovered row is not what this scan is about.
  await page.mouse.move(0, 0);
  return axeViolations(page);
}

async function signedIn(extra = ''): Promise<Page> {
  const { browser, emulator } = rig();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(registerUrl(emulator.url, extra));
  await page.getByRole('button', { name: new RegExp(`Sign in as ${DEMO.manager.displayName}`) }).click();
  await page.getByRole('table', { name: 'Digital services' }).waitFor();
  return page;
}

function rowOf(page: Page, title: string) {
  return page.getByRole('row').filter({ has: page.getByRole('button', { name: title, exact: true }) });
}

async function declare(page: Page, title: string, seen: string): Promise<void> {
  await page.getByRole('button', { name: `Declare incident: ${title}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare an incident' });
  await dialog.getByLabel('What is seen').fill(seen);
  await dialog.getByRole('button', { name: 'Declare incident' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

beforeAll(async () => {
  // The demo site predates incidents: its list is made as "Bring the register up to date" would.
  const url = rig().emulator.url;
  const client = createGraphClient({ baseUrl: url, tokenSource: tokenSourceFor(url, DEMO.manager.upn) });
  await findOrProvisionList(client, DEMO.site.id, INCIDENTS_LIST);
});

test('declare from the row, banner and badges, card in the channel, update in the thread, restore and review, the log', async () => {
  const page = await signedIn();
  const before = (await channelMessages()).length;

  await declare(page, FAILING, 'EMIS will not load at reception');
  const banner = page.getByRole('region', { name: 'Open incidents' });
  await banner.getByText(`Incident: ${FAILING} is down`).waitFor();
  await banner.getByText(/Posted to #/).waitFor();
  await shoot(page, 'incident-banner');

  // Badges: the failing service, and the services that depend on it (directly, or through another).
  await rowOf(page, FAILING).getByText('Incident: down').waitFor();
  await rowOf(page, DEPENDENT).getByText(`Affected: depends on ${FAILING}`).waitFor();
  await rowOf(page, INDIRECT).getByText(`Affected: depends on ${FAILING}`).waitFor();

  // Exactly one card, from the manager, in the practice channel.
  const roots = (await channelMessages()).slice(before).filter((m) => !m.replyToId);
  expect(roots).toHaveLength(1);
  const root = roots[0] as ChannelMessage;
  expect(root.from.user?.id).toBe(DEMO.manager.id);
  expect(root.attachments[0]?.content).toContain(FAILING);

  // The banner's other views are on every view: My services tells the owner first.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await banner.getByText(`Incident: ${FAILING} is down`).waitFor();

  // Post an update: it lands in the thread, under the card.
  await banner.getByRole('button', { name: `Post update on ${FAILING}` }).click();
  const incident = page.getByRole('dialog', { name: `Incident: ${FAILING}` });
  await incident.getByLabel('Post an update to the channel thread').fill('Supplier says a fix is rolling out');
  await incident.getByRole('button', { name: 'Post update' }).click();
  await incident.getByText(/Update: Posted to #/).waitFor();
  const replies = (await channelMessages()).filter((m) => m.replyToId === root.id);
  expect(replies).toHaveLength(1);
  expect(replies[0]?.attachments[0]?.content).toContain('Supplier says a fix is rolling out');

  // Restore: the review follows; counting it as the continuity test.
  await incident.getByLabel('Cause').fill('Supplier data centre network fault');
  await incident.getByRole('button', { name: 'Mark restored' }).click();
  await incident.getByRole('region', { name: 'Review after restore' }).waitFor();
  await incident.getByText(/Restored: Posted to #/).waitFor();
  expect((await channelMessages()).filter((m) => m.replyToId === root.id)).toHaveLength(2);
  await incident.getByRole('radio', { name: 'Yes' }).first().check();
  await incident.getByRole('checkbox', { name: /Count this incident as the continuity test/ }).check();
  await incident.getByRole('button', { name: 'Save review' }).click();
  await incident.getByRole('region', { name: 'Review' }).waitFor();
  await incident.getByRole('button', { name: 'Close' }).click();
  await banner.waitFor({ state: 'detached' });

  // The incident log: start, restore and duration.
  await page.getByRole('tab', { name: 'Incident log' }).click();
  const log = page.getByRole('table', { name: 'Incident log' });
  const row = log.getByRole('row').filter({ hasText: FAILING });
  await row.waitFor();
  expect(await row.textContent()).toMatch(/less than a minute|\d+ minutes?/);
  expect(await row.textContent()).toContain('Supplier data centre network fault');
  await shoot(page, 'incident-log');

  // The channel viewer renders the card; its link opens the entry in the tab.
  await page.goto(`${rig().emulator.url}/emulator/channel`);
  const rendered = page.locator('#messages > li.message').filter({ hasText: `${FAILING} is down` }).first();
  await rendered.locator('.ac-adaptiveCard').first().waitFor();
  expect(await rendered.locator('ol.replies > li.message.reply').count()).toBe(2);
  await shoot(page, 'incident-channel');
  await rendered.locator('.ac-pushButton', { hasText: `Open ${FAILING} in the register` }).first().click();
  await page.getByRole('dialog', { name: `Edit ${FAILING}` }).waitFor();
  await page.context().close();
});

test('Teams throttling the post: the card is pending, retried, and posted once', async () => {
  const page = await signedIn();
  const before = (await channelMessages()).filter((m) => !m.replyToId).length;
  // More 429s than the Graph client's own retries (4): the queue takes over and waits.
  rig().emulator.faults.add({ method: 'POST', path: '/channels/[^/]+/messages$', status: 429, retryAfter: 1, times: 6 });
  await declare(page, 'Practice website', 'The website shows an error page');
  const banner = page.getByRole('region', { name: 'Open incidents' });
  await banner.getByText('Card pending: SharePoint/Teams is busy, retrying', { exact: false }).waitFor();
  await banner.getByText(/Incident card: Posted to #/).last().waitFor({ timeout: 45_000 });
  const roots = (await channelMessages()).filter((m) => !m.replyToId);
  expect(roots.length).toBe(before + 1);
  await page.context().close();
});

test('declared from the entry dialog: the entry lists its incident, focus returns to the button', async () => {
  const page = await signedIn();
  await page.getByRole('button', { name: 'NHSmail shared mailbox', exact: true }).click();
  const entry = page.getByRole('dialog', { name: 'Edit NHSmail shared mailbox' });
  const button = entry.getByRole('button', { name: 'Declare incident', exact: true });
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Declare an incident' });
  await dialog.getByRole('radio', { name: /Degraded/ }).check();
  await dialog.getByLabel('What is seen').fill('Mail arrives hours late');
  await dialog.getByRole('button', { name: 'Declare incident' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await entry.getByRole('button', { name: /^Open: started / }).waitFor();
  expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.press('Escape');
  await entry.waitFor({ state: 'hidden' });
  await page.getByRole('region', { name: 'Open incidents' }).getByText('Incident: NHSmail shared mailbox is degraded').waitFor();
  await page.context().close();
});

describe.each(['default', 'dark', 'contrast'] as const)('in the %s theme', (theme) => {
  test('the declare dialog, the banner, the incident and the incident log have no WCAG 2.2 A/AA violations', async () => {
    const page = await signedIn(`theme=${theme}`);
    await page.getByRole('button', { name: `Declare incident: ${DEPENDENT}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Declare an incident' });
    await dialog.getByLabel('What is seen').fill(`Letters not filing (${theme})`);
    expect(await scan(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Declare incident' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const banner = page.getByRole('region', { name: 'Open incidents' });
    await banner.getByText(/Posted to #/).first().waitFor();
    expect(await scan(page)).toEqual([]);
    // The incident itself: its facts, card status, updates and the restore form.
    await banner.getByRole('button', { name: 'Open incident' }).first().click();
    const incident = page.getByRole('dialog', { name: /^Incident: / });
    await incident.getByRole('button', { name: 'Mark restored' }).waitFor();
    expect(await scan(page)).toEqual([]);
    await incident.getByRole('button', { name: 'Close' }).click();
    await incident.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: 'Incident log' }).click();
    await page.getByRole('table', { name: 'Incident log' }).waitFor();
    expect(await scan(page)).toEqual([]);
    await shoot(page, `incident-log-${theme}`);
    await page.context().close();
  });
});
