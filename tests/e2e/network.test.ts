/**
 * Across practices, end to end in Chromium: the Northgate PCN's lead signs in to the PCN team's tab,
 * sees its five practices (four opted in, Castle Street Surgery not), filters "No downtime process",
 * drills into a practice's cloud telephony read-only and leaves a note, which the practice's manager
 * then reads on the entry in the practice's own register; the ICB review pack downloads as XLSX; and every screen is
 * axe-clean in the Teams light, dark and high-contrast themes.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { AXE_THEMES, axeViolations } from '../support/axe';
import { DEMO, DEMO_NETWORK } from '../support/emulator';
import { useTabRig } from '../support/tabRig';
import { registerUrl } from './registerUrl';

const rig = useTabRig();
const { pcn, lead, practices } = DEMO_NETWORK;
const optedIn = practices.filter((practice) => practice.optedIn).map((practice) => practice.name);
const notOptedIn = practices.filter((practice) => !practice.optedIn).map((practice) => practice.name);

/** The PCN team's tab address, as its configuration page saves it. */
function pcnUrl(base: string, extra = ''): string {
  const url = new URL('/', base);
  url.searchParams.set('teamId', pcn.teamId);
  url.searchParams.set('siteId', pcn.siteId);
  url.searchParams.set('listId', pcn.registerListId);
  url.searchParams.set('settingsId', pcn.settingsListId);
  url.searchParams.set('view', 'network');
  for (const [key, value] of new URLSearchParams(extra)) url.searchParams.set(key, value);
  return url.toString();
}

async function openAs(url: string, who: string, options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const { browser } = rig();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${who}`) }).click();
  return page;
}

async function signInAsLead(extra = '', options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const page = await openAs(pcnUrl(rig().emulator.url, extra), lead.displayName, options);
  await sideBySide(page).waitFor();
  await page.getByRole('status').filter({ hasText: /^Showing 5 of 5 practices/ }).waitFor();
  return page;
}

const sideBySide = (page: Page) => page.getByRole('table', { name: 'Practices side by side' });
const bodyRows = (page: Page) => sideBySide(page).getByRole('rowgroup').last().getByRole('row');

test('the PCN lead sees five practices, four opted in, and filters those with no downtime process', async () => {
  const page = await signInAsLead();
  await expect(bodyRows(page).count()).resolves.toBe(5);
  for (const name of optedIn) await sideBySide(page).getByRole('button', { name, exact: true }).waitFor();
  for (const name of notOptedIn) {
    const row = bodyRows(page).filter({ hasText: name });
    await expect(row.innerText()).resolves.toMatch(/Not opted in/);
    // Nothing of a practice that has not opted in is shown: no button into its register.
    await expect(row.getByRole('button').count()).resolves.toBe(0);
  }

  await page.getByRole('combobox', { name: 'Filter by flag' }).selectOption({ label: 'No downtime process' });
  await page.getByRole('status').filter({ hasText: /with "No downtime process"/ }).waitFor();
  const shown = await bodyRows(page).allInnerTexts();
  // Riverside and Hillside run cloud telephony with no downtime process (the seed); Castle Street is "not known", so stays.
  for (const name of ['Riverside Medical Practice', 'Hillside Health Centre', ...notOptedIn]) expect(shown.join('\n')).toContain(name);
  for (const row of shown.filter((text) => !text.includes('Not opted in'))) expect(row).toMatch(/No downtime process: \d+/);
  await page.context().close();
});

test('drilling into a practice shows its entry read-only, and a note left there reaches the practice', async () => {
  const page = await signInAsLead();
  await page.getByRole('tab', { name: 'Systems across the network' }).click();
  await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Telephony' });
  await page.getByRole('combobox', { name: 'Flag' }).selectOption({ label: 'No downtime process' });
  const systems = page.getByRole('table', { name: 'Systems across the network' });
  await systems.getByRole('button', { name: 'Cloud telephony at Hillside Health Centre' }).waitFor();
  await systems.getByRole('button', { name: 'Cloud telephony at Riverside Medical Practice' }).click();

  const dialog = page.getByRole('dialog', { name: 'Riverside Medical Practice: Cloud telephony' });
  await dialog.waitFor();
  await dialog.getByText(/Read-only: only Riverside Medical Practice edits its register/).waitFor();
  // Read-only: the entry's values are text; the one text box is the note.
  await expect(dialog.getByRole('textbox').count()).resolves.toBe(1);
  const note = 'Please add a downtime process for the phones before the ICB review.';
  await dialog.getByRole('textbox', { name: 'Note to Riverside Medical Practice' }).fill(note);
  await dialog.getByRole('button', { name: 'Add note' }).click();
  await dialog.getByRole('list', { name: 'Notes from the network' }).getByText(note).waitFor();
  await page.context().close();

  // The practice's manager reads the note on the entry itself, and among all the PCN's notes.
  const manager = await openAs(registerUrl(rig().emulator.url), DEMO.manager.displayName);
  await manager.getByRole('table', { name: 'Digital services' }).getByRole('button', { name: 'Cloud telephony', exact: true }).click();
  const entry = manager.getByRole('dialog');
  await entry.getByRole('list', { name: 'Notes from Northgate PCN' }).getByText(note).waitFor();
  await manager.keyboard.press('Escape');
  await entry.waitFor({ state: 'detached' });
  await manager.getByRole('tab', { name: 'PCN and ICB' }).click();
  await manager.getByRole('heading', { name: 'Your PCN and ICB' }).waitFor();
  await manager.getByText(note).waitFor();
  await manager.context().close();
});

test('the ICB review pack for the PCN downloads as XLSX with the summary of services', async () => {
  const page = await signInAsLead();
  await page.getByRole('tab', { name: 'Exports' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download ICB review pack for ${pcn.name} (XLSX)` }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ICB review pack - Northgate PCN - \d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await file.path())) as never);
  const cells = workbook.worksheets.flatMap((sheet) => {
    const values: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value))));
    return values;
  });
  expect(workbook.worksheets.map((sheet) => sheet.name).join('|')).toMatch(/Summary of services/);
  expect(cells).toContain('Cloud telephony');
  for (const name of notOptedIn) expect(cells.join('\n')).toContain(name);
  await page.context().close();
});

describe.each(AXE_THEMES)('in the %s theme', (theme) => {
  test('the PCN and ICB view has no WCAG 2.2 A/AA violations', async () => {
    const page = await signInAsLead(`theme=${theme}`, { bypassCSP: true });
    const found: Record<string, string[]> = {};
    try {
      found['side by side'] = await axeViolations(page);

      await sideBySide(page).getByRole('button', { name: 'Hillside Health Centre', exact: true }).click();
      const practiceDialog = page.getByRole('dialog', { name: 'Hillside Health Centre' });
      await practiceDialog.waitFor();
      await practiceDialog.getByRole('button', { name: 'Cloud telephony' }).click();
      await page.getByRole('dialog', { name: 'Hillside Health Centre: Cloud telephony' }).waitFor();
      found['drill-down'] = await axeViolations(page);
      await page.getByRole('button', { name: 'Close' }).click();

      await page.getByRole('tab', { name: 'Systems across the network' }).click();
      await page.getByRole('table', { name: 'Systems across the network' }).waitFor();
      found.systems = await axeViolations(page);

      await page.getByRole('tab', { name: 'Charts' }).click();
      await page.getByRole('figure').first().waitFor();
      found.charts = await axeViolations(page);

      await page.getByRole('tab', { name: 'Exports' }).click();
      await page.getByRole('button', { name: `Download ICB review pack for ${pcn.name} (XLSX)` }).waitFor();
      found.exports = await axeViolations(page);
    } finally {
      await page.context().close();
    }

    // The practice's side: opting in and the network's notes.
    const practice = await openAs(registerUrl(rig().emulator.url, `view=network&theme=${theme}`), DEMO.manager.displayName, { bypassCSP: true });
    try {
      await practice.getByRole('heading', { name: 'Your PCN and ICB' }).waitFor();
      await practice.getByText(/Opted in to Northgate PCN/).waitFor();
      found['practice panel'] = await axeViolations(practice);
    } finally {
      await practice.context().close();
    }
    expect(found).toEqual({ 'side by side': [], 'drill-down': [], systems: [], charts: [], exports: [], 'practice panel': [] });
  });
});
