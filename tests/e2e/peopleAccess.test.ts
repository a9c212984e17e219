/**
 * People and access end to end in Chromium, by keyboard: before setup has created the lists the
 * view says who can; then the manager starts a leaver checklist for Helen Carter (a seeded person
 * who owns two services and deputises for a third), hands each over, ticks every line, exports
 * the DSPT access evidence (CSV and XLSX), and axe finds nothing in the light, dark and
 * high-contrast themes.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { ACCESS_REVIEWS_LIST, CHECKLISTS_LIST } from '../../src/domain/access';
import { createGraphClient } from '../../src/graph';
import { findOrProvisionList } from '../../src/graph/lists';
import { axeViolations, signedInForAxe } from '../support/axe';
import { tokenSourceFor } from '../support/emulator';
import { DEMO, isFocused, serviceLink, signedInPage, tabTo, useEditingRig, type EditingRig } from './editing.helpers';
import { registerUrl } from './registerUrl';

const theRig = useEditingRig();
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

/**
 * As a keyboard user: Tab to a tab list (one tab stop, its selected tab), arrow keys to `name`, Enter.
 * Backwards, from wherever focus is (a service in the table, say) up to the list.
 */
async function chooseTab(page: Page, list: Locator, name: string): Promise<void> {
  await tabTo(page, list.getByRole('tab', { selected: true }), { maxPresses: 300, backwards: true });
  const wanted = list.getByRole('tab', { name });
  for (let presses = 0; presses < 15 && !(await isFocused(wanted)); presses += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
}

async function openPeople(page: Page): Promise<void> {
  await chooseTab(page, page.getByRole('navigation', { name: 'Register views' }), 'People and access');
  await page.getByRole('heading', { name: 'People and access', level: 2 }).waitFor();
}

/** Types into a person picker and chooses the first match with the arrow keys and Enter. */
async function choosePerson(page: Page, picker: Locator, typed: string, name: string): Promise<void> {
  await tabTo(page, picker, { maxPresses: 200 });
  await picker.pressSequentially(typed, { delay: 40 });
  await page.getByRole('option', { name: new RegExp(name) }).first().waitFor();
  // The directory's answer can arrive after the team's and redraw the options: choose again if it did.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await picker.press('ArrowDown');
    await picker.press('Enter');
    const chosen = await page.getByText(new RegExp(`^Chosen: ${name}`)).first().waitFor({ timeout: 5000 }).then(() => true, () => false);
    if (chosen) return;
  }
  throw new Error(`Could not choose ${name}`);
}

const scan = axeViolations;

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
}, 180_000);

test('the entry’s admin rights editor, by keyboard: an external engineer, agreement on file, shown in "who holds admin rights" as needing review', async () => {
  const rig = theRig();
  await provisionLists(rig);
  const page = await signedInPage(rig, DEMO.manager.displayName);
  await press(page, serviceLink(page, 'Docman'));
  const dialog = page.getByRole('dialog', { name: 'Edit Docman' });
  await dialog.waitFor();
  await press(page, dialog.getByRole('button', { name: 'Add an admin' }));
  const group = dialog.getByRole('group', { name: /^Admin 1/ });
  // Focus moved into the new holder: its first control, the choice of directory or external.
  await expect(isFocused(group.getByRole('radio', { name: 'From the directory' }))).resolves.toBe(true);
  await page.keyboard.press('ArrowRight');
  await expect(group.getByRole('radio', { name: 'External (name and organisation)' }).isChecked()).resolves.toBe(true);
  // Tab into the text boxes (Enter there would submit the form).
  await tabTo(page, group.getByLabel('Name of admin 1'));
  await page.keyboard.type('Sam Engineer');
  await tabTo(page, group.getByLabel('Organisation of admin 1'));
  await page.keyboard.type('Docman Ltd');
  await press(page, group.getByRole('checkbox', { name: 'Agreement on file for admin 1' }), 'Space');
  await press(page, dialog.getByRole('button', { name: 'Save' }));
  await dialog.waitFor({ state: 'detached' });
  const [docman] = (await rig.store.list()).filter((stored) => stored.entry.title === 'Docman');
  expect(docman?.entry.adminRights).toEqual([{ person: null, externalName: 'Sam Engineer', organisation: 'Docman Ltd', agreementOnFile: true, reviewedOn: null }]);

  await openPeople(page);
  await chooseTab(page, page.getByRole('tablist', { name: 'People and access sections' }), 'Admin rights');
  const table = page.getByRole('table', { name: 'Who holds admin rights' });
  await table.getByRole('row', { name: /Docman Sam Engineer \(external\) Docman Ltd Yes Never Review needed/ }).waitFor();
  await page.context().close();
}, 120_000);

describe.each(['default', 'dark', 'contrast'] as const)('in the %s theme', (theme) => {
  test('People and access, a checklist and the admin rights view have no WCAG 2.2 A/AA violations', async () => {
    const { browser, emulator } = theRig();
    const page = await signedInForAxe(browser, registerUrl(emulator.url, `theme=${theme}&view=people`), DEMO.manager.displayName);
    const found: Record<string, string[]> = {};
    try {
      await page.getByRole('heading', { name: 'Access log' }).waitFor();
      found.home = await scan(page);
      await page.getByRole('tab', { name: 'Admin rights' }).click();
      await page.getByRole('heading', { name: 'Who holds admin rights' }).waitFor();
      found.adminRights = await scan(page);
      await page.getByRole('tab', { name: 'Access reviews' }).click();
      await page.getByRole('table', { name: 'Access review cycle per service' }).waitFor();
      found.reviews = await scan(page);
      await page.goto(registerUrl(emulator.url, `theme=${theme}`));
      await serviceLink(page, 'Docman').click();
      await page.getByRole('dialog', { name: 'Edit Docman' }).getByRole('button', { name: 'Add an admin' }).waitFor();
      // The editor only: the rest of the entry dialog is scanned by a11y.test.ts.
      found.adminRightsEditor = await scan(page, '[data-admin-rights-editor]');
      if (checklistId) {
        await page.goto(registerUrl(emulator.url, `theme=${theme}&view=people&checklist=${checklistId}`));
        await page.getByRole('heading', { name: 'Leaver checklist: Helen Carter' }).waitFor();
        found.checklist = await scan(page);
      }
    } finally {
      await page.context().close();
    }
    expect(found).toEqual({ home: [], adminRights: [], reviews: [], adminRightsEditor: [], ...(checklistId ? { checklist: [] } : {}) });
  });
});
