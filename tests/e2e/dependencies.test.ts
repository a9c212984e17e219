/**
 * Dependencies in the entry dialog (issue 16), in real Chromium against the emulator: add a
 * dependency with the keyboard, say why, save (the entry's own save path, If-Match), reopen and see
 * it; the other entry lists it under "Depended on by"; links to retired and deleted entries are
 * flagged in words; the dialog passes axe.
 */
import { axeViolations } from '../support/axe';
import { DEMO, seedEntry, serviceLink, useEditingRig, type EditingRig } from './editing.helpers';
import { registerUrl } from './registerUrl';

const need = useEditingRig();

/** As editing.helpers' signedInPage, with bypassCSP so axe-core can be injected (tests/support/axe.ts). */
async function signedInPage(rig: EditingRig, displayName: string) {
  const context = await rig.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(registerUrl(rig.emulator.url));
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${displayName}`) }).click();
  await page.getByRole('table', { name: 'Digital services' }).waitFor();
  return page;
}

test('add a dependency in the entry dialog, save, reopen, and see it depended on by the other entry', async () => {
  const rig = need();
  const hub = await seedEntry(rig, 'Results hub (e2e deps)', { category: 'clinical-system' });
  const fax = await seedEntry(rig, 'Old fax gateway (e2e deps)', { lifecycle: 'retired' });
  const lab = await seedEntry(rig, 'Lab link (e2e deps)', {
    dependsOn: [
      { entryId: fax.id, title: 'Old fax gateway (e2e deps)', kind: 'infrastructure', why: '' },
      { entryId: 'deleted-999', title: 'Vanished scanner (e2e deps)', kind: 'integration', why: '' },
    ],
  });
  const page = await signedInPage(rig, DEMO.manager.displayName);

  await serviceLink(page, lab.entry.title).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${lab.entry.title}` });
  const section = dialog.getByRole('group', { name: 'Depends on', exact: true });
  // The two problem links are flagged in words.
  await section.getByRole('group', { name: 'Old fax gateway (e2e deps)' }).getByText('Retired', { exact: true }).waitFor();
  await section.getByRole('group', { name: 'Vanished scanner (e2e deps)' }).getByText('No longer in the register', { exact: true }).waitFor();

  // Pick the hub from the keyboard: type, arrow to the option, Enter.
  const picker = section.getByRole('combobox', { name: 'Add a service it depends on' });
  await picker.focus();
  await page.keyboard.type('results hub');
  await page.getByRole('option', { name: 'Results hub (e2e deps)' }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await section.getByText('Added Results hub (e2e deps). Say how and why below; Save keeps it.').waitFor();
  expect(await picker.evaluate((element) => element === document.activeElement)).toBe(true);
  const why = section.getByRole('textbox', { name: 'Why Lab link (e2e deps) depends on Results hub (e2e deps)' });
  await why.fill('Results arrive through the hub');
  await section.getByRole('combobox', { name: 'How Lab link (e2e deps) depends on Results hub (e2e deps)' }).selectOption('shared-login');
  // Remove the link to the deleted service; focus stays in the section.
  await section.getByRole('button', { name: 'Remove Vanished scanner (e2e deps)' }).click();
  await section.getByText('Removed Vanished scanner (e2e deps). Save keeps the change.').waitFor();

  expect(await axeViolations(page)).toEqual([]);

  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  const saved = await rig.store.get(lab.id);
  expect(saved.entry.dependsOn).toEqual([
    { entryId: fax.id, title: 'Old fax gateway (e2e deps)', kind: 'infrastructure', why: '' },
    { entryId: hub.id, title: 'Results hub (e2e deps)', kind: 'shared-login', why: 'Results arrive through the hub' },
  ]);

  // Reopen: the link is there as saved.
  await serviceLink(page, lab.entry.title).click();
  const again = page.getByRole('dialog', { name: `Edit ${lab.entry.title}` });
  const hubRow = again.getByRole('group', { name: 'Depends on', exact: true }).getByRole('group', { name: 'Results hub (e2e deps)' });
  await hubRow.waitFor();
  expect(await hubRow.getByRole('textbox').inputValue()).toBe('Results arrive through the hub');
  await again.getByRole('button', { name: 'Cancel' }).click();
  await again.waitFor({ state: 'detached' });

  // The hub says who depends on it.
  await serviceLink(page, hub.entry.title).click();
  const hubDialog = page.getByRole('dialog', { name: `Edit ${hub.entry.title}` });
  const dependents = hubDialog.getByRole('group', { name: 'Depended on by' });
  await dependents.getByText('Lab link (e2e deps): Shared login: Results arrive through the hub', { exact: true }).waitFor();
  await page.context().close();
});
