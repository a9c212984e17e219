/**
 * The dependency map end to end in Chromium (issue 16), on the demo practice's seeded dependencies
 * (src/emulator/seed/demoDependencies.ts): the drawn map shows every service with the critical ones
 * marked in words; the list view gives the same as headings, lists and links; "what else breaks"
 * for EMIS Web lists the services that depend on it, directly and through GP Connect, each with its
 * path and downtime process; the map, the list and the panel pass axe in the three themes.
 */
import type { Page } from 'playwright-core';
import { DEMO } from '../support/emulator';
import { AXE_THEMES, axeViolations } from '../support/axe';
import { useTabRig } from '../support/tabRig';
import { registerUrl } from './registerUrl';

const rig = useTabRig();

async function openMap(query = '', bypassCSP = false): Promise<Page> {
  const { browser, emulator } = rig();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP });
  const page = await context.newPage();
  await page.goto(registerUrl(emulator.url, `view=dependency-map${query ? `&${query}` : ''}`));
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${DEMO.manager.displayName}`) }).click();
  await page.getByRole('heading', { name: 'Dependency map', level: 2 }).waitFor();
  await page.locator('[data-map-ready="true"]').waitFor();
  return page;
}

const node = (page: Page, title: string) => page.locator('.react-flow__node').filter({ has: page.getByText(title, { exact: true }) });

test('the map draws the services and their links, critical ones marked in words; a click opens what else breaks', async () => {
  const page = await openMap();
  const nodes = page.locator('.react-flow__node');
  expect(await nodes.count()).toBeGreaterThanOrEqual(15);
  expect(await page.locator('.react-flow__edge').count()).toBeGreaterThanOrEqual(10);
  // Critical: an icon and the word, not colour alone; the accessible name says it too.
  await expect(node(page, 'EMIS Web').innerText()).resolves.toContain('Critical');
  await expect(node(page, 'EMIS Web').getAttribute('aria-label')).resolves.toMatch(/^EMIS Web, Critical/);
  await expect(node(page, 'Docman').innerText()).resolves.not.toContain('Critical');

  // Filters: only the critical services and what they need.
  await page.getByRole('checkbox', { name: 'Only critical services and what they need' }).check();
  await page.locator('[data-node-count="4"][data-map-ready="true"]').waitFor();
  expect(await node(page, 'Smartcard readers and HSCN connection').count()).toBe(1);
  expect(await node(page, 'Docman').count()).toBe(0);
  await page.getByRole('checkbox', { name: 'Only critical services and what they need' }).uncheck();

  // Keyboard: Enter on a focused service opens the panel.
  await node(page, 'EMIS Web').focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: /What else breaks if EMIS Web fails/ });
  await panel.waitFor();
  await expect(panel.getByRole('listitem', { name: 'Docman' }).innerText()).resolves.toContain('Hold post in the locked tray');
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  await page.context().close();
});

test('the list view: headings, lists and links; what else breaks shows dependents through others with their downtime process', async () => {
  const page = await openMap();
  await page.getByRole('tab', { name: 'List' }).click();
  const list = page.getByRole('list', { name: 'Services and their dependencies' });
  await list.waitFor();
  await page.getByRole('heading', { name: /^EMIS Web/, level: 3 }).waitFor();
  await page.getByRole('heading', { name: 'What depends on EMIS Web', level: 4 }).waitFor();
  // A link moves focus to that service's heading in the list.
  const docman = list.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Docman/, level: 3 }) });
  await docman.getByRole('link', { name: 'EMIS Web' }).click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toMatch(/^dependency-service-/);
  await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toMatch(/^EMIS Web/);

  await page.getByRole('button', { name: 'What else breaks if EMIS Web fails' }).click();
  const panel = page.getByRole('dialog', { name: /What else breaks if EMIS Web fails/ });
  await panel.waitFor();
  const booking = panel.getByRole('listitem', { name: 'PCN shared booking system' });
  await expect(booking.innerText()).resolves.toContain('EMIS Web → GP Connect → PCN shared booking system');
  await expect(booking.innerText()).resolves.toContain('Hub books by phone from a printed list.');
  const accurx = panel.getByRole('listitem', { name: 'Accurx' });
  await expect(accurx.innerText()).resolves.toContain('Phone patients back; post a website banner.');

  // "Open the entry" opens the register with that entry's dialog.
  await accurx.getByRole('button', { name: 'Open the entry for Accurx' }).click();
  await page.getByRole('dialog', { name: /Accurx/ }).waitFor();
  await page.context().close();
});

describe.each(AXE_THEMES)('in the %s theme', (theme) => {
  test('the map, the list and the panel have no WCAG 2.2 A/AA violations', async () => {
    const page = await openMap(`theme=${theme}`, true);
    const found: Record<string, string[]> = {};
    found.map = await axeViolations(page);
    await node(page, 'EMIS Web').click();
    const panel = page.getByRole('dialog', { name: /What else breaks if EMIS Web fails/ });
    await panel.waitFor();
    found.panel = await axeViolations(page);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'List' }).click();
    await page.getByRole('list', { name: 'Services and their dependencies' }).waitFor();
    found.list = await axeViolations(page);
    await page.context().close();
    expect(found).toEqual({ map: [], panel: [], list: [] });
  });
});
