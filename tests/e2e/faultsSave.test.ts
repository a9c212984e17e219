/**
 * Matrix A6 in the browser: a save answered 500 or 502 is not retried blindly, is shown as failed,
 * and the form keeps what the user typed. (Dropped connections, throttling with the "busy" message,
 * and double-clicked saves are proven in editingConflicts.test.ts; they are not repeated here.)
 */
import { DEMO, seedEntry, serviceLink, signedInPage, useEditingRig } from './editing.helpers';

const need = useEditingRig();

test.each([500, 502] as const)('%i on Save: shown as failed, the input is kept, nothing written, no blind retry', async (status) => {
  const seeded = await seedEntry(need(), `Server error ${status} service (e2e)`);
  const page = await signedInPage(need(), DEMO.manager.displayName);
  await serviceLink(page, `Server error ${status} service (e2e)`).click();
  const dialog = page.getByRole('dialog', { name: `Edit Server error ${status} service (e2e)` });
  await dialog.waitFor();
  const firedBefore = need().emulator.faults.fired.length;
  need().emulator.faults.add({ method: 'PATCH', path: '/items/[^/]+/fields$', status });
  await dialog.getByLabel('Support phone', { exact: true }).fill('0300 999 0000');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.getByRole('button', { name: 'Retry' }).waitFor();

  expect(await dialog.getByLabel('Support phone', { exact: true }).inputValue()).toBe('0300 999 0000');
  const patches = need().emulator.faults.fired.slice(firedBefore).filter((fault) => fault.method === 'PATCH').length;
  // One PATCH, then (after re-reading: unchanged) at most one repeat with If-Match: never a blind loop.
  expect(patches).toBeLessThanOrEqual(2);
  expect((await need().store.get(seeded.id)).eTag).toBe(seeded.eTag);
  console.log(`${status} on save (browser): input kept 1 of 1; PATCHes ${patches} (re-read between); written 0`);
  await page.context().close();
});
