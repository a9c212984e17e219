/**
 * Change and go-live end to end in Chromium against the emulator serving the built tab, by keyboard:
 * a Trial service moved to Live is refused while requirements are missing (the words name them and
 * say how to waive), then saved once each is waived, and its go-live is recorded; a change recorded
 * on a service answers question 9 on the Overview and is in the ICB summary's change-management
 * heading. axe finds no WCAG A/AA violation on the gate
 * panel and the "Record a change" dialog in the light, dark and high-contrast themes.
 */
import { readFile } from 'node:fs/promises';
import { CHANGES_LIST } from '../../src/domain/change';
import { createGraphClient } from '../../src/graph';
import { openChangeStoreIn } from '../../src/graph/change';
import { axeViolations, signedInForAxe } from '../support/axe';
import { tokenSourceFor } from '../support/emulator';
import { DEMO, seedEntry, serviceLink, signedInPage, tabTo, useEditingRig } from './editing.helpers';
import { registerUrl } from './registerUrl';

const rig = useEditingRig();

async function changesOf(entryId: string) {
  const { emulator } = rig();
  const client = createGraphClient({ baseUrl: emulator.url, tokenSource: tokenSourceFor(emulator.url, DEMO.manager.upn) });
  const store = await openChangeStoreIn(client, DEMO.site.id);
  if (!store) throw new Error(`${CHANGES_LIST.name} is missing from the demo site.`);
  return (await store.list()).changes.filter((stored) => stored.change.entryId === entryId);
}

/** A trial service with everything but training and an escalation route. */
const TRIAL = {
  lifecycle: 'trial' as const, dataTypes: ['none' as const], clinicalSafetyStatus: 'not-applicable' as const, supplierDsptStatus: 'met' as const,
  supplierDsptCheckedOn: '2026-01-05', downtimeWorkaround: 'Paper forms at reception.', accessGranted: 'Practice manager adds accounts.',
  accessRemoved: 'On the leaver checklist.',
};

test('a Trial service moves to Live only once every requirement is met or waived, and its go-live is recorded', async () => {
  const seeded = await seedEntry(rig(), 'Go-live service (e2e)', TRIAL);
  const page = await signedInPage(rig(), DEMO.manager.displayName);
  await tabTo(page, serviceLink(page, 'Go-live service (e2e)'), { maxPresses: 300 });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit Go-live service (e2e)' });
  await tabTo(page, dialog.getByLabel('Lifecycle status', { exact: true }));
  await page.keyboard.type('Live');
  await dialog.getByRole('list', { name: 'Go-live requirements' }).waitFor();
  await tabTo(page, dialog.getByRole('button', { name: 'Save' }), { maxPresses: 300 });
  await page.keyboard.press('Enter');
  await dialog.getByText(
    'This service cannot move to Live yet: 2 requirements are missing (Staff trained, with a training or quick-guide link; An escalation route). '
      + 'Fill each in, or waive it under Go-live waivers with a named person and a reason.',
  ).waitFor();
  expect((await rig().store.get(seeded.id)).entry.lifecycle).toBe('trial');

  const waivers: ReadonlyArray<readonly [string, string]> = [['Staff trained, with a training or quick-guide link', 'Supplier trains staff on site in week one.'], ['An escalation route', 'Pilot: the supplier escalates for us.']];
  for (const [gate, reason] of waivers) {
    await tabTo(page, dialog.getByRole('button', { name: `Waive: ${gate}` }), { maxPresses: 300, backwards: true });
    await page.keyboard.press('Enter');
    // Focus lands in the new waiver's reason.
    await page.waitForFunction((label) => document.activeElement?.id.endsWith('-reason') && document.activeElement.closest('fieldset')?.textContent?.includes(label), gate);
    await page.keyboard.type(reason);
  }
  await dialog.getByText('Every go-live requirement is met or waived.').waitFor();
  await tabTo(page, dialog.getByRole('button', { name: 'Save' }), { maxPresses: 300 });
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  const saved = (await rig().store.get(seeded.id)).entry;
  expect(saved.lifecycle).toBe('live');
  expect(saved.goLiveWaivers.map((waiver) => [waiver.gate, waiver.by])).toEqual([['training', DEMO.manager.displayName], ['escalation', DEMO.manager.displayName]]);
  // The go-live is recorded with the gate's outcome.
  let records = await changesOf(seeded.id);
  for (let tries = 0; records.length === 0 && tries < 50; tries += 1) {
    await page.waitForTimeout(200);
    records = await changesOf(seeded.id);
  }
  expect(records.map((stored) => stored.change.kind)).toEqual(['go-live']);
  expect(records[0]!.change.gates.filter((outcome) => outcome.state === 'waived').map((outcome) => outcome.gate)).toEqual(['training', 'escalation']);
  await page.context().close();
}, 240_000);

test('a change recorded on a service answers question 9 on the Overview', async () => {
  const page = await signedInPage(rig(), DEMO.manager.displayName);
  await tabTo(page, serviceLink(page, 'Docman'), { maxPresses: 300 });
  await page.keyboard.press('Enter');
  const entry = page.getByRole('dialog', { name: 'Edit Docman' });
  await tabTo(page, entry.getByRole('button', { name: 'Record a change' }), { maxPresses: 400 });
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: 'Record a change to Docman' });
  await tabTo(page, form.getByLabel('What changed'));
  await page.keyboard.type('Auto-filing of pathology results turned on.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ran a week in parallel with manual filing; compared every result.');
  await tabTo(page, form.getByLabel('How staff were told'));
  await page.keyboard.type('Admin team meeting.');
  await tabTo(page, form.getByRole('button', { name: 'Record change' }));
  await page.keyboard.press('Enter');
  await form.waitFor({ state: 'hidden' });
  await entry.getByText('Tested: Ran a week in parallel with manual filing; compared every result.').waitFor();
  await page.keyboard.press('Escape');
  await entry.waitFor({ state: 'detached' });

  await page.getByRole('tab', { name: 'Overview' }).click();
  const q9 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /How are changes tested before going live/ }) });
  // The seed's records, the go-live of the test above and this one: only the seed's Cloud telephony
  // change says nothing about testing.
  const summary = q9.getByText(/^\d+ changes recorded for \d+ services; \d+ of \d+ say how they were tested before going live\./);
  await summary.waitFor();
  const [, total, , tested] = /^(\d+) changes recorded for (\d+) services; (\d+) of/.exec(await summary.innerText())!.map(Number);
  expect(total! - tested!).toBe(1);
  const docman = (await rig().store.list()).find((stored) => stored.entry.title === 'Docman')!;
  expect((await changesOf(docman.id)).map((stored) => stored.change.howTested)).toContain('Ran a week in parallel with manual filing; compared every result.');
  await q9.getByRole('list', { name: /Changes with no record of testing/ }).getByRole('button', { name: 'Cloud telephony' }).waitFor();

  // The ICB summary carries the training and change-management headings, with this change in it.
  await page.getByRole('tab', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'ICB summary (CSV)' }).click();
  const csv = (await readFile(await (await download).path())).toString('utf8');
  expect(csv).toContain('Training, quick guides and escalation routes');
  expect(csv).toContain('Change management: how changes are tested before going live');
  expect(csv).toContain('Docman,Change,');
  expect(csv).toContain('Auto-filing of pathology results turned on.,"Ran a week in parallel with manual filing; compared every result.",Priya Shah,Admin team meeting.');
  await page.context().close();
}, 240_000);

describe.each(['default', 'dark', 'contrast'] as const)('in the %s theme', (theme) => {
  test('the go-live gate panel and the Record a change dialog have no WCAG 2.2 A/AA violations', async () => {
    const { browser, emulator } = rig();
    const page = await signedInForAxe(browser, registerUrl(emulator.url, `theme=${theme}`), DEMO.manager.displayName);
    const found: Record<string, string[]> = {};
    try {
      await serviceLink(page, 'AI scribe (trial)').click();
      const dialog = page.getByRole('dialog', { name: 'Edit AI scribe (trial)' });
      await dialog.getByLabel('Lifecycle status', { exact: true }).selectOption({ label: 'Live' });
      await dialog.getByRole('list', { name: 'Go-live requirements' }).waitFor();
      await page.mouse.move(0, 0);
      found.gate = await axeViolations(page);
      await dialog.getByRole('button', { name: 'Record a change' }).click();
      await page.getByRole('dialog', { name: 'Record a change to AI scribe (trial)' }).waitFor();
      found.recordChange = await axeViolations(page);
    } finally {
      await page.context().close();
    }
    expect(found).toEqual({ gate: [], recordChange: [] });
  }, 180_000);
});
