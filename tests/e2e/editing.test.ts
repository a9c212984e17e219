/**
 * The editing journeys from the keyboard, in real Chromium against the emulator: add a service,
 * edit it, mark it reviewed, read its history, and undo an edit and a delete. Controls are found by
 * their accessible names and reached with Tab; what was written is checked through the Graph layer.
 */
import { addMonths, londonDateOf, formatLocalDate } from '../../src/domain';
import { screenshotPath } from '../support/browser';
import { DEMO, entriesTitled, seedEntry, serviceLink, signedInPage, useEditingRig, tabTo, toast } from './editing.helpers';

const need = useEditingRig();

test('from the keyboard: add a service, edit it, and mark it reviewed', async () => {
  const page = await signedInPage(need(), DEMO.manager.displayName);
  const title = 'Keyboard journey service (e2e)';

  // Add.
  await tabTo(page, page.getByRole('button', { name: 'Add service' }));
  await page.keyboard.press('Enter');
  const addDialog = page.getByRole('dialog', { name: 'Add a service' });
  const name = addDialog.getByLabel(/^Service name/);
  await tabTo(page, name);
  await page.keyboard.type(title);
  await tabTo(page, addDialog.getByLabel('Supplier', { exact: true }));
  await page.keyboard.type('Keyboard Ltd');
  await tabTo(page, addDialog.getByRole('checkbox', { name: 'No personal data' }));
  await page.keyboard.press('Space');
  await tabTo(page, addDialog.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await addDialog.waitFor({ state: 'detached' });
  await toast(page, `Added ${title}.`).waitFor();
  // Focus goes back to where the user was, not to the top of the page.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Add service');
  const [added, ...extra] = await entriesTitled(need(), title);
  expect(extra).toHaveLength(0);
  expect(added!.entry).toMatchObject({ supplier: 'Keyboard Ltd', dataTypes: ['none'] });

  // Edit.
  await tabTo(page, serviceLink(page, title), { maxPresses: 300 });
  await page.keyboard.press('Enter');
  const editDialog = page.getByRole('dialog', { name: `Edit ${title}` });
  await tabTo(page, editDialog.getByLabel('Support hours', { exact: true }));
  await page.keyboard.type('Mon to Fri 8am to 6pm');
  await tabTo(page, editDialog.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await editDialog.waitFor({ state: 'detached' });
  await toast(page, `Saved ${title}.`).waitFor();
  await page.waitForFunction((name) => document.activeElement?.textContent === name, title);
  expect((await need().store.get(added!.id)).entry.supportHours).toBe('Mon to Fri 8am to 6pm');

  // Mark reviewed: one press from the entry.
  await tabTo(page, serviceLink(page, title), { maxPresses: 300 });
  await page.keyboard.press('Enter');
  const reviewDialog = page.getByRole('dialog', { name: `Edit ${title}` });
  await tabTo(page, reviewDialog.getByRole('button', { name: 'Mark reviewed' }));
  await page.keyboard.press('Enter');
  // A service in use is asked the review's questions first, each answered from the keyboard.
  const questions = page.getByRole('dialog', { name: `Review ${title}` });
  await questions.waitFor();
  for (const question of ['Is it still doing what we think it does?', 'Is staff training current?']) {
    await tabTo(page, questions.getByRole('radiogroup', { name: question }).getByRole('radio', { name: 'Yes' }));
    await page.keyboard.press('Space');
  }
  await tabTo(page, questions.getByRole('button', { name: 'Mark reviewed' }));
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: `Edit ${title}` }).waitFor({ state: 'detached' });
  const today = londonDateOf(new Date());
  const next = addMonths(today, 12);
  await toast(page, `Marked ${title} reviewed.`).waitFor();
  await toast(page, `Next review due ${formatLocalDate(next)}.`).waitFor();
  const shot = screenshotPath('marked-reviewed');
  if (shot) await page.screenshot({ path: shot });
  expect((await need().store.get(added!.id)).entry).toMatchObject({
    lastReviewedOn: today,
    lastReviewedBy: DEMO.manager.displayName,
    nextReviewDue: next,
    supportHours: 'Mon to Fri 8am to 6pm',
  });
  // The answers are kept, dated, in the entry's notes.
  expect((await need().store.get(added!.id)).entry.notes).toContain(`Review ${formatLocalDate(today)}: still doing what we think: yes; training current: yes.`);
  await page.context().close();
  // Tabbing through every field of the form (issue 17 added a group of them) takes over a minute on a busy machine.
}, 120_000);

test('history shows who changed which fields, from what to what, newest first', async () => {
  const seeded = await seedEntry(need(), 'History service (e2e)', { supplier: 'First supplier' });
  const staff = await signedInPage(need(), DEMO.staff.displayName);
  await serviceLink(staff, 'History service (e2e)').click();
  const staffDialog = staff.getByRole('dialog', { name: 'Edit History service (e2e)' });
  await staffDialog.getByLabel('Supplier', { exact: true }).fill('Second supplier');
  await staffDialog.getByLabel('Criticality', { exact: true }).selectOption({ label: 'Critical' });
  await staffDialog.getByRole('button', { name: 'Save' }).click();
  await staffDialog.waitFor({ state: 'detached' });
  await staff.context().close();

  const page = await signedInPage(need(), DEMO.manager.displayName);
  await serviceLink(page, 'History service (e2e)').click();
  await page.getByRole('dialog', { name: 'Edit History service (e2e)' }).getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'History of History service (e2e)' });
  const versions = history.getByRole('list', { name: 'Versions of History service (e2e), newest first' });
  await versions.waitFor();
  const items = versions.locator(':scope > li');
  expect(await items.count()).toBe(2);
  await items.nth(0).getByRole('heading', { name: new RegExp(`^${DEMO.staff.displayName}, \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}$`) }).waitFor();
  await items.nth(0).getByText('Supplier: changed from “First supplier” to “Second supplier”').waitFor();
  await items.nth(0).getByText('Criticality: changed from “Medium” to “Critical”').waitFor();
  await items.nth(1).getByRole('heading', { name: new RegExp(`^${DEMO.manager.displayName}, `) }).waitFor();
  await items.nth(1).getByText('Added the service.').waitFor();
  const shot = screenshotPath('history');
  if (shot) await page.screenshot({ path: shot });
  await history.getByRole('button', { name: 'Close' }).click();
  await history.waitFor({ state: 'detached' });
  expect(seeded.id).toBeTruthy();
  await page.context().close();
});

test('undo puts back the last edit, and brings back a deleted service', async () => {
  const seeded = await seedEntry(need(), 'Undo service (e2e)', { supplier: 'Original supplier' });
  const page = await signedInPage(need(), DEMO.manager.displayName);

  await serviceLink(page, 'Undo service (e2e)').click();
  const dialog = page.getByRole('dialog', { name: 'Edit Undo service (e2e)' });
  await dialog.getByLabel('Supplier', { exact: true }).fill('Mistyped supplier');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect((await need().store.get(seeded.id)).entry.supplier).toBe('Mistyped supplier');
  await toast(page, 'Saved Undo service (e2e).').waitFor();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await toast(page, 'Undone: Undo service (e2e) is back as it was before your change.').waitFor();
  expect((await need().store.get(seeded.id)).entry.supplier).toBe('Original supplier');

  await serviceLink(page, 'Undo service (e2e)').click();
  const again = page.getByRole('dialog', { name: 'Edit Undo service (e2e)' });
  await again.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Delete Undo service (e2e)?' }).getByRole('button', { name: 'Delete Undo service (e2e)' }).click();
  await again.waitFor({ state: 'detached' });
  await toast(page, 'Deleted Undo service (e2e).').waitFor();
  expect(await entriesTitled(need(), 'Undo service (e2e)')).toHaveLength(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await toast(page, 'Undone: Undo service (e2e) is back in the register.').waitFor();
  await serviceLink(page, 'Undo service (e2e)').waitFor();
  const restored = await entriesTitled(need(), 'Undo service (e2e)');
  expect(restored).toHaveLength(1);
  expect(restored[0]!.entry).toEqual({ ...seeded.entry });
  await page.context().close();
});
