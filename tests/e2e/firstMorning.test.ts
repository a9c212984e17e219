/**
 * Issue 14 ("the first morning") end to end in Chromium: the lifecycle badge and the retired toggle,
 * the Add form's duplicate warning, focus returning from every dialog, focus on the main heading
 * after sign-in, and a favicon (no console error on the page).
 */
import type { Page } from 'playwright-core';
import { registerUrl } from './registerUrl';
import { DEMO, isFocused, seedEntry, serviceLink, signedInPage, useEditingRig } from './editing.helpers';

const rig = useEditingRig();

/** Waits (up to ~5 s of animation frames) until `locator` has focus; false if it never does. */
async function focusedSoon(locator: Parameters<typeof isFocused>[0]): Promise<boolean> {
  for (let tries = 0; tries < 50; tries += 1) {
    if (await isFocused(locator)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });
const row = (page: Page, title: string) => page.getByRole('table', { name: 'Digital services' }).getByRole('row').filter({ has: page.getByRole('button', { name: title, exact: true }) });

test('after sign-in focus is on the main heading, and the page logs no error (a favicon is served)', async () => {
  const context = await rig().browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => (message.type() === 'error' ? errors.push(message.text()) : undefined));
  const missing: string[] = [];
  page.on('response', (response) => (response.status() === 404 ? missing.push(response.url()) : undefined));
  await page.goto(registerUrl(rig().emulator.url));
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${DEMO.manager.displayName}`) }).click();
  const heading = page.getByRole('heading', { level: 1, name: 'Digital Services Register' });
  expect(await focusedSoon(heading)).toBe(true);
  await page.getByRole('table', { name: 'Digital services' }).waitFor();
  expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
  expect(missing.filter((url) => /favicon/.test(url))).toEqual([]);
  expect(errors.filter((text) => /favicon|404/.test(text))).toEqual([]);
  await context.close();
});

test('a non-live row wears its lifecycle; a retired service is hidden until "Show retired services" is on, and not counted as in use', async () => {
  await seedEntry(rig(), 'Old fax gateway', { lifecycle: 'retired' });
  const page = await signedInPage(rig(), DEMO.manager.displayName);
  await expect(row(page, 'AI scribe (trial)').getByText('Trial', { exact: true }).count()).resolves.toBe(1);
  await expect(row(page, 'EMIS Web').getByText(/^(Proposed|Trial|Retiring|Retired)$/).count()).resolves.toBe(0);
  await expect(serviceLink(page, 'Old fax gateway').count()).resolves.toBe(0);
  await expect(page.getByText(/services in use · .* · 1 retired$/).count()).resolves.toBe(1);

  const toggle = page.getByRole('switch', { name: 'Show retired services (1)' });
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(row(page, 'Old fax gateway').getByText('Retired', { exact: true }).count()).resolves.toBe(1);
  await page.keyboard.press('Space');
  await expect(serviceLink(page, 'Old fax gateway').count()).resolves.toBe(0);
  await page.context().close();
});

test('the Add form warns on a name already in the register (case and spaces ignored) and opens that entry', async () => {
  const page = await signedInPage(rig(), DEMO.manager.displayName);
  await page.getByRole('button', { name: 'Add service' }).click();
  const form = dialog(page, 'Add a service');
  await form.getByRole('textbox', { name: /^Service name/ }).fill('  emis   WEB ');
  await expect(form.getByText('“EMIS Web” is already in the register. Open that entry instead of adding it twice?').count()).resolves.toBe(1);
  await form.getByRole('button', { name: 'Open EMIS Web' }).click();
  await dialog(page, 'Edit EMIS Web').waitFor();
  await expect(page.getByText(/is already in the register/).count()).resolves.toBe(0);
  await page.context().close();
});

test('every dialog returns focus to the control that opened it, by Escape or by its button; Escape then works again', async () => {
  await seedEntry(rig(), 'Focus journey service');
  const page = await signedInPage(rig(), DEMO.manager.displayName);
  const link = serviceLink(page, 'Focus journey service');
  await link.focus();
  await page.keyboard.press('Enter');
  const entry = dialog(page, 'Edit Focus journey service');
  await entry.waitFor();

  for (const [opener, child, close] of [
    ['History', /^History of/, 'Escape'],
    ['History', /^History of/, 'Close'],
    ['Retire service', /Retire/, 'Escape'],
    ['Retire service', /Retire/, 'Cancel'],
    ['Delete', /Delete/, 'Escape'],
    ['Delete', /Delete/, 'Cancel'],
  ] as const) {
    const button = entry.getByRole('button', { name: opener, exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    const inner = page.getByRole(opener === 'History' ? 'dialog' : 'alertdialog', { name: child }).or(page.getByRole('dialog', { name: child }).last());
    await inner.first().waitFor();
    if (close === 'Escape') await page.keyboard.press('Escape');
    else await inner.first().getByRole('button', { name: close, exact: true }).click();
    expect([opener, close, await focusedSoon(button)]).toEqual([opener, close, true]);
  }
  // Escape still works: it closes the entry dialog, and focus goes back to the row's link.
  await page.keyboard.press('Escape');
  await entry.waitFor({ state: 'hidden' });
  expect(await focusedSoon(link)).toBe(true);
  await page.context().close();
});

test('the structured downtime fields, typed in the form, print under their own headings in the downtime pack', async () => {
  await seedEntry(rig(), 'Pack journey service', { lifecycle: 'live', criticality: 'critical' });
  const page = await signedInPage(rig(), DEMO.manager.displayName);
  await serviceLink(page, 'Pack journey service').click();
  const form = dialog(page, 'Edit Pack journey service');
  const typed = {
    'How you will notice it is down': 'The login screen times out.',
    'Paper workaround': 'Use the printed day list in reception.',
    'What to tell patients': 'We can still see you; prescriptions follow later.',
    'Back-filling records afterwards': 'The duty doctor types paper notes in the same day.',
  };
  for (const [label, text] of Object.entries(typed)) await form.getByRole('textbox', { name: label }).fill(text);
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await form.waitFor({ state: 'hidden' });

  await page.getByRole('tab', { name: 'Downtime pack' }).click();
  const card = page.getByRole('region', { name: 'Preview of the pack' }).getByRole('article', { name: 'Downtime card: Pack journey service' });
  await card.waitFor();
  const headings = await card.getByRole('heading', { level: 3 }).allInnerTexts();
  for (const [heading, text] of [
    ['How you will notice it is down', typed['How you will notice it is down']],
    ['Paper workaround', typed['Paper workaround']],
    ['What to tell patients', typed['What to tell patients']],
    ['Back-filling records afterwards', typed['Back-filling records afterwards']],
  ]) {
    expect(headings).toContain(heading);
    // The text is the paragraph right after its own heading.
    const following = await card.getByRole('heading', { level: 3, name: heading }).evaluate((h) => h.nextElementSibling?.textContent ?? '');
    expect([heading, following]).toEqual([heading, text]);
  }
  await expect(card.getByText(/Not written yet/).count()).resolves.toBe(0);
  await page.context().close();
});

test('an owner chosen from the directory, never in the practice team, is "not in the practice team", not "Owner left"', async () => {
  await seedEntry(rig(), 'New starter service');
  const page = await signedInPage(rig(), DEMO.manager.displayName);
  await serviceLink(page, 'New starter service').click();
  const form = dialog(page, 'Edit New starter service');
  const owner = form.getByRole('combobox', { name: 'Local owner' });
  await owner.click();
  await owner.pressSequentially('Sarah Smith', { delay: 60 });
  await page.getByRole('option', { name: /sarah\.smith\.icb@nhs\.net/ }).click();
  await form.getByText('Chosen: Sarah Smith (sarah.smith.icb@nhs.net)').waitFor();
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await form.waitFor({ state: 'hidden' });
  await row(page, 'New starter service').getByText('Owner not in the practice team').waitFor();
  await expect(row(page, 'New starter service').getByText('Owner left', { exact: false }).count()).resolves.toBe(0);
  await page.context().close();
});
