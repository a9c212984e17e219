/**
 * The register end to end, in real headless Chromium against the emulator serving the built tab:
 * sign in as the practice manager, see the seeded register, add / validate / delete services, and
 * check through Graph that what the page shows is what was (or was not) written.
 */
import type { Browser, Page } from 'playwright-core';
import { motionSettled } from '../support/axe';
import { createGraphClient, openRegisterStore } from '../../src/graph';
import type { RegisterStore } from '../../src/graph/types';
import { emptyEntry } from '../../src/domain';
import { launchBrowser, requireBuiltTab, screenshotPath } from '../support/browser';
import { DEMO, startTestEmulator, tokenSourceFor, type RunningEmulator } from '../support/emulator';
import { registerUrl } from './registerUrl';

let emulator: RunningEmulator | undefined;
let browser: Browser | undefined;
let store: RegisterStore;

beforeAll(async () => {
  const staticDir = requireBuiltTab();
  emulator = await startTestEmulator({ staticDir });
  browser = await launchBrowser();
  const client = createGraphClient({ baseUrl: emulator.url, tokenSource: tokenSourceFor(emulator.url, DEMO.manager.upn) });
  store = openRegisterStore(client, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId });
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

async function newPage(): Promise<Page> {
  if (!browser || !emulator) throw new Error('The browser or emulator did not start (see beforeAll).');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(registerUrl(emulator.url));
  return page;
}

async function signInAsManager(page: Page): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`Sign in as ${DEMO.manager.displayName}`) }).click();
  await page.getByRole('table', { name: 'Digital services' }).waitFor();
}

function serviceLink(page: Page, title: string) {
  return page.getByRole('table', { name: 'Digital services' }).getByRole('button', { name: title, exact: true });
}

/** Saves a screenshot for a person to look at (only with E2E_SCREENSHOT_DIR), once Fluent's motion has settled. */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  const file = screenshotPath(name);
  if (!file) return;
  await motionSettled(page);
  await page.screenshot({ path: file, fullPage });
}

test('the practice manager signs in, adds a service, and still sees it after a reload', async () => {
  const page = await newPage();
  await signInAsManager(page);

  await page.getByText(`Signed in as ${DEMO.manager.displayName}`).waitFor();
  await page.getByRole('banner').getByText(DEMO.team.displayName).waitFor();
  const seeded = await store.list();
  expect(seeded.length).toBeGreaterThan(5);
  const firstSeeded = seeded[0]!.entry.title;
  await serviceLink(page, firstSeeded).waitFor();
  await shoot(page, 'register');

  await page.getByRole('button', { name: 'Add service' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a service' });
  await dialog.getByLabel(/^Service name/).fill('Ardens templates (e2e)');
  await dialog.getByLabel('Category', { exact: true }).selectOption({ label: 'Local templates and automations' });
  await dialog.getByLabel('Provision', { exact: true }).selectOption({ label: 'Practice-owned' });
  await dialog.getByRole('combobox', { name: 'Local owner' }).pressSequentially('Priya');
  await page.getByRole('option', { name: new RegExp(DEMO.manager.displayName) }).click();
  await dialog.getByLabel('Supplier', { exact: true }).fill('Ardens Ltd');
  await dialog.getByLabel('Support portal', { exact: true }).fill('https://support.example.com/ardens');
  await dialog.getByRole('checkbox', { name: 'No personal data' }).check();
  await shoot(page, 'add-service', false);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await serviceLink(page, 'Ardens templates (e2e)').waitFor();

  const written = (await store.list()).filter((stored) => stored.entry.title === 'Ardens templates (e2e)');
  expect(written).toHaveLength(1);
  expect(written[0]!.entry).toMatchObject({
    category: 'local-automation',
    supplier: 'Ardens Ltd',
    supportUrl: 'https://support.example.com/ardens',
    owner: { entraId: DEMO.manager.id, displayName: DEMO.manager.displayName },
    dataTypes: ['none'],
  });

  await page.reload();
  await serviceLink(page, 'Ardens templates (e2e)').waitFor();
  await page.getByText(`Signed in as ${DEMO.manager.displayName}`).waitFor();
  expect(await page.getByRole('button', { name: /Sign in as/ }).count()).toBe(0);
  if (screenshotPath('narrow')) {
    await page.setViewportSize({ width: 360, height: 740 });
    await shoot(page, 'narrow');
    await serviceLink(page, 'Ardens templates (e2e)').click();
    await page.getByRole('dialog', { name: 'Edit Ardens templates (e2e)' }).waitFor();
    await shoot(page, 'narrow-form', false);
  }
  await page.context().close();
});

test('invalid input shows field-level messages and nothing is written', async () => {
  const before = (await store.list()).length;
  const page = await newPage();
  await signInAsManager(page);

  await page.getByRole('button', { name: 'Add service' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a service' });
  const supportUrl = dialog.getByLabel('Support portal', { exact: true });
  await supportUrl.fill('http://support.example.com');
  await dialog.getByRole('button', { name: 'Save' }).click();

  await dialog.getByText('Enter the service name').waitFor();
  await dialog.getByText('Support portal must be a web address starting with https://').waitFor();
  expect(await dialog.getByLabel(/^Service name/).getAttribute('aria-invalid')).toBe('true');
  expect(await supportUrl.getAttribute('aria-invalid')).toBe('true');
  await dialog.getByText('Nothing has been saved yet', { exact: false }).waitFor();
  await shoot(page, 'validation', false);

  // After the first attempt, messages follow the input as the user types.
  await dialog.getByLabel(/^Service name/).fill('Half-finished service');
  await dialog.getByText('Enter the service name').waitFor({ state: 'detached' });
  expect(await dialog.getByText('Support portal must be a web address starting with https://').count()).toBe(1);

  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  // Found by role, so the closed dialog left the page visible to assistive technology.
  await page.getByRole('button', { name: 'Add service' }).waitFor();
  expect(await serviceLink(page, 'Half-finished service').count()).toBe(0);
  expect((await store.list()).length).toBe(before);
  await page.context().close();
});

test('deleting a service asks for confirmation naming it, then removes it', async () => {
  const doomed = await store.create({ ...emptyEntry(), title: 'Old fax gateway (e2e)' }, crypto.randomUUID());
  const page = await newPage();
  await signInAsManager(page);

  await serviceLink(page, 'Old fax gateway (e2e)').click();
  const editor = page.getByRole('dialog', { name: 'Edit Old fax gateway (e2e)' });
  await editor.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete Old fax gateway (e2e)?' });
  await shoot(page, 'delete-confirm', false);
  await confirm.getByRole('button', { name: 'Delete Old fax gateway (e2e)' }).click();

  await confirm.waitFor({ state: 'detached' });
  await editor.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Add service' }).waitFor();
  expect(await serviceLink(page, 'Old fax gateway (e2e)').count()).toBe(0);
  expect((await store.list()).some((stored) => stored.id === doomed.id)).toBe(false);
  await page.context().close();
});
