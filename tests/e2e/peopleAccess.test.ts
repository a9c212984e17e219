/**
 * People and access end to end in Chromium, by keyboard: before setup has created the lists the
 * view says who can; then the manager starts a leaver checklist for Helen Carter (a seeded person
 * who owns two services and deputises for a third), hands each over, ticks every line, exports
 * the DSPT access evidence (CSV and XLSX), and axe finds nothing in the light, dark and
 * high-contrast themes.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { ACCESS_REVIEWS_LIST, CHECKLISTS_LIST } from '../../src/domain/access';
import { createGraphClient } from '../../src/graph';
import { findOrProvisionList } from '../../src/graph/lists';
import { tokenSourceFor } from '../support/emulator';
import { DEMO, signedInPage, tabTo, useEditingRig, type EditingRig } from './editing.helpers';
import { registerUrl } from './registerUrl';

const theRig = useEditingRig();
const AXE_SCRIPT = path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let checklistId = '';

async function provisionLists(rig: EditingRig): Promise<void> {
  const client = createGraphClient({ baseUrl: rig.emulator.url, tokenSource: tokenSourceFor(rig.emulator.url, DEMO.manager.upn) });
  await findOrProvisionList(client, DEMO.site.id, CHECKLISTS_LIST);
  await findOrProvisionList(client, DEMO.site.id, ACCESS_REVIEWS_LIST);
}

async function press(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target, { maxPresses: 200 });
  await page.keyboard.press(key);
}

async function openPeople(page: Page): Promise<void> {
  const tab = page.getByRole('tab', { name: 'People and access' });
  await tab.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'People and access', level: 2 }).waitFor();
}

async function choosePerson(page: Page, picker: Locator, typed: string, name: string): Promise<void> {
  await tabTo(page, picker, { maxPresses: 200 });
  await picker.pressSequentially(typed, { delay: 40 });
  await page.getByRole('option', { name: new RegExp(name) }).first().waitFor();
  await picker.press('ArrowDown');
  await picker.press('Enter');
}

async function scan(page: Page): Promise<string[]> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = (await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run({ include: [['html']], exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: tags } })).violations;
  }, TAGS)) as { id: string; help: string; nodes: { target: string[] }[] }[];
  return violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('before setup has created its lists, the view says a team owner can bring the register up to date', async () => {
  const page = await signedInPage(theRig(), DEMO.staff.displayName);
  await openPeople(page);
  await page.getByText('People and access is not set up in this team yet').waitFor();
  await page.getByText('Ask a team owner to open Setup and bring the register up to date.').waitFor();
  await page.context().close();
});

test('a leaver checklist, by keyboard: hand over two services and a deputy role, tick every line, export the evidence', async () => {
  const rig = theRig();
  await provisionLists(rig);
  const page = await signedInPage(rig, DEMO.manager.displayName);
  await openPeople(page);

  await choosePerson(page, page.getByRole('combobox', { name: 'Person' }), 'Helen', 'Helen Carter');
  await page.getByText('Chosen: Helen Carter (helen.carter@nhs.net)').waitFor();
  await expect(page.getByRole('combobox', { name: 'Kind' }).inputValue()).resolves.toBe('leaver');
  await press(page, page.getByRole('button', { name: 'Start checklist' }));
  const heading = page.getByRole('heading', { name: 'Leaver checklist: Helen Carter' });
  await heading.waitFor();
  checklistId = new URL(page.url()).searchParams.get('checklist') ?? '';
  expect(checklistId).not.toBe('');

  // The two services she owns: each handed to someone picked from the directory.
  for (const [service, typed, name] of [['e-Referral Service (e-RS)', 'Grace', 'Grace Lee'], ['AI scribe (trial)', 'Mark', 'Mark Wilson']] as const) {
    await press(page, page.getByRole('button', { name: `Pick someone else for ${service}` }));
    await choosePerson(page, page.getByRole('combobox', { name: `New owner for ${service}` }), typed, name);
    await press(page, page.getByRole('button', { name: `Hand over ${service}` }));
    await page.getByText(new RegExp(`^Done to ${name} by Priya Shah`)).waitFor();
  }
  // The service she deputises for: left without a deputy.
  await press(page, page.getByRole('button', { name: 'Leave EMIS Web without a deputy' }));
  await page.getByText(/^Done: no deputy now by Priya Shah/).waitFor();

  // Every access line ticked; focus moves on to the next line's action each time.
  const ticks = page.getByRole('button', { name: /^Tick / });
  for (let left = await ticks.count(); left > 0; left = await ticks.count()) {
    const next = ticks.first();
    const name = (await next.textContent()) ?? '';
    await press(page, next);
    await page.getByRole('button', { name, exact: true }).waitFor({ state: 'detached' });
  }
  await page.getByText('Complete: every line is done or not applicable.').waitFor();

  const entries = await rig.store.list();
  const owner = (title: string) => entries.find((stored) => stored.entry.title === title)?.entry;
  expect(owner('e-Referral Service (e-RS)')?.owner?.displayName).toBe('Grace Lee');
  expect(owner('AI scribe (trial)')?.owner?.displayName).toBe('Mark Wilson');
  expect(owner('EMIS Web')?.deputy).toBeNull();

  // Evidence: back to the view, then CSV and XLSX.
  await press(page, page.getByRole('button', { name: 'Back to People and access' }));
  const csvDownload = page.waitForEvent('download');
  await press(page, page.getByRole('button', { name: 'Export access evidence (CSV)' }));
  const csv = (await readFile(await (await csvDownload).path())).toString('utf8');
  expect(csv).toContain('Helen Carter,helen.carter@nhs.net');
  expect(csv).toContain('e-Referral Service (e-RS),Ownership handed over,Done: handed to Grace Lee,Priya Shah');
  expect(csv.split('\n').filter((line) => line.includes('Access removed,Done,Priya Shah')).length).toBeGreaterThanOrEqual(10);
  const xlsxDownload = page.waitForEvent('download');
  await press(page, page.getByRole('button', { name: 'Export access evidence (XLSX)' }));
  const xlsx = await readFile(await (await xlsxDownload).path());
  expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
  await page.context().close();
});

describe.each(['default', 'dark', 'contrast'] as const)('in the %s theme', (theme) => {
  test('People and access, a checklist and the admin rights view have no WCAG 2.2 A/AA violations', async () => {
    const { browser, emulator } = theRig();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    try {
      await page.goto(registerUrl(emulator.url, `theme=${theme}&view=people`));
      await page.getByRole('button', { name: new RegExp(`Sign in as ${DEMO.manager.displayName}`) }).click();
      await page.getByRole('heading', { name: 'Access log' }).waitFor();
      found.home = await scan(page);
      await page.getByRole('tab', { name: 'Admin rights' }).click();
      await page.getByRole('heading', { name: 'Who holds admin rights' }).waitFor();
      found.adminRights = await scan(page);
      await page.getByRole('tab', { name: 'Access reviews' }).click();
      await page.getByRole('table', { name: 'Access review cycle per service' }).waitFor();
      found.reviews = await scan(page);
      if (checklistId) {
        await page.goto(registerUrl(emulator.url, `theme=${theme}&view=people&checklist=${checklistId}`));
        await page.getByRole('heading', { name: 'Leaver checklist: Helen Carter' }).waitFor();
        found.checklist = await scan(page);
      }
    } finally {
      await context.close();
    }
    expect(found).toEqual({ home: [], adminRights: [], reviews: [], ...(checklistId ? { checklist: [] } : {}) });
  });
});
