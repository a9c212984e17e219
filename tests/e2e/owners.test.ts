/**
 * Owners and deputies end to end in real Chromium against the emulator: the manager assigns them by
 * typing (a team member found at once, namesakes told apart by email and organisation), a throttled
 * directory says "Directory busy, try again" and keeps the text, staff see owners read-only, and
 * services whose owner left are flagged with the reason and fixed by promoting the deputy.
 */
import type { Locator, Page } from 'playwright-core';
import { DEMO, entriesTitled, serviceLink, signedInPage, useEditingRig } from './editing.helpers';

const theRig = useEditingRig();

function picker(scope: Locator, label: string): Locator {
  return scope.getByRole('combobox', { name: label });
}

async function typeSlowly(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.pressSequentially(text, { delay: 60 });
}

async function openService(page: Page, title: string): Promise<Locator> {
  await serviceLink(page, title).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${title}` });
  await dialog.waitFor();
  return dialog;
}

test('the manager assigns an owner from the team and a deputy from the directory by typing', async () => {
  const page = await signedInPage(theRig(), DEMO.manager.displayName);
  await page.getByRole('button', { name: 'Add service' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a service' });
  await dialog.getByLabel(/^Service name/).fill('Dermatology photo triage');
  await dialog.getByRole('checkbox', { name: 'No personal data' }).check();

  // A team member is offered at once, marked as in this practice, and chosen with the keyboard.
  const owner = picker(dialog, 'Local owner');
  await typeSlowly(owner, 'Hel');
  const helen = page.getByRole('option', { name: /Helen Carter/ });
  await helen.waitFor();
  await expect(helen.textContent()).resolves.toContain('In this practice');
  await owner.press('ArrowDown');
  await owner.press('Enter');
  await dialog.getByText(`Chosen: Helen Carter (helen.carter@nhs.net)`).waitFor();

  // Many Sarah Smiths: after a pause the directory answers; each option shows its email and organisation.
  const deputy = picker(dialog, 'Deputy owner');
  await typeSlowly(deputy, 'Sarah Smith');
  const icbSarah = page.getByRole('option', { name: /sarah\.smith\.icb@nhs\.net/ });
  await icbSarah.waitFor();
  await page.getByRole('group', { name: 'NHS directory' }).waitFor();
  const sarahs = await page.getByRole('option', { name: /Sarah Smith/ }).allTextContents();
  expect(sarahs.length).toBeGreaterThan(2);
  const emails = sarahs.map((text) => /[a-z0-9.]+@nhs\.net/.exec(text)?.[0]);
  expect(new Set(emails).size).toBe(sarahs.length);
  await expect(icbSarah.textContent()).resolves.toContain('NHS West Yorkshire ICB');
  await icbSarah.click();
  await dialog.getByText('Chosen: Sarah Smith (sarah.smith.icb@nhs.net)').waitFor();

  await dialog.getByRole('button', { name: 'Save' }).click();
  await serviceLink(page, 'Dermatology photo triage').waitFor();
  const [saved] = await entriesTitled(theRig(), 'Dermatology photo triage');
  expect(saved?.entry.owner).toEqual({ entraId: DEMO.teamMembers.find((p) => p.surname === 'Carter')?.id, displayName: 'Helen Carter', upn: 'helen.carter@nhs.net' });
  expect(saved?.entry.deputy).toEqual({ entraId: DEMO.contacts[0]?.id, displayName: 'Sarah Smith', upn: 'sarah.smith.icb@nhs.net' });
  await page.context().close();
});

test('a throttled directory says "Directory busy, try again", keeps the text, and Retry searches again', async () => {
  const page = await signedInPage(theRig(), DEMO.manager.displayName);
  const dialog = await openService(page, 'NHS App');
  theRig().emulator.faults.add({ method: 'GET', path: '^/v1.0/users$', status: 429, retryAfter: 1, times: 1 });
  const owner = picker(dialog, 'Local owner');
  await typeSlowly(owner, 'Mohammed Kh');
  await dialog.getByText('Directory busy, try again').waitFor();
  await expect(owner.inputValue()).resolves.toBe('Mohammed Kh');
  await dialog.getByRole('button', { name: 'Retry' }).click();
  await dialog.getByText('Directory busy, try again').waitFor({ state: 'detached' });
  await expect(owner.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  await owner.press('ArrowDown');
  await page.getByRole('option', { name: /Mohammed Khan/ }).first().waitFor();
  await expect(owner.inputValue()).resolves.toBe('Mohammed Kh');
  await page.context().close();
});

test('staff see who owns a service but cannot change it', async () => {
  const page = await signedInPage(theRig(), DEMO.staff.displayName);
  const dialog = await openService(page, 'EMIS Web');
  await dialog.getByText('Priya Shah (priya.shah@nhs.net)').waitFor();
  await dialog.getByText('Only the practice’s managers (team owners) can assign or change owners.').first().waitFor();
  await expect(dialog.getByRole('combobox', { name: 'Local owner' }).count()).resolves.toBe(0);
  await page.context().close();
});

test('owners who left are flagged with the reason, and the manager promotes the deputy in one click', async () => {
  const page = await signedInPage(theRig(), DEMO.manager.displayName);
  const table = page.getByRole('table', { name: 'Digital services' });
  const row = (title: string) => table.getByRole('row').filter({ has: page.getByRole('button', { name: title, exact: true }) });
  await row('Cloud telephony').getByText('Owner left (deleted from the directory)').waitFor();
  await row('Repeat prescription triage automation').getByText('Owner left (account disabled)').waitFor();
  await row('Ardens templates').getByText('Owner left (no longer in the practice team)').waitFor();

  // The overview lists them; one click makes the deputy the owner (saved with If-Match).
  await page.getByRole('tab', { name: 'Overview' }).click();
  const promote = page.getByRole('button', { name: 'Make Mark Wilson the owner' });
  await promote.click();
  await promote.waitFor({ state: 'detached' });
  const [fixed] = await entriesTitled(theRig(), 'Repeat prescription triage automation');
  expect(fixed?.entry.owner?.displayName).toBe('Mark Wilson');
  expect(fixed?.entry.deputy).toBeNull();

  // In the entry: the reason, and the deputy promoted in the form, kept by Save.
  await page.getByRole('tab', { name: 'Register' }).click();
  await row('Repeat prescription triage automation').getByText('Owner left', { exact: false }).waitFor({ state: 'detached' });
  const dialog = await openService(page, 'Ardens templates');
  await dialog.getByText('Owner left (no longer in the practice team).').waitFor();
  await dialog.getByRole('button', { name: 'Make Grace Lee the owner' }).click();
  await dialog.getByText('Chosen: Grace Lee (grace.lee@nhs.net)').waitFor();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await row('Ardens templates').getByText('Owner left', { exact: false }).waitFor({ state: 'detached' });
  const [ardens] = await entriesTitled(theRig(), 'Ardens templates');
  expect(ardens?.entry.owner?.upn).toBe('grace.lee@nhs.net');
  expect(ardens?.entry.deputy).toBeNull();
  await page.context().close();
});
