/**
 * The tab outside Teams, on a shared practice PC:
 * - without the saved ids (a bare address), the person is told to open the tab in Teams once: the
 *   browser never tries an undocumented way to find the team's site;
 * - with them (the tab's "open in browser" address), the register opens in one round trip;
 * - after sign-out nothing of the last person is left (warm copy, remembered team, print record) and
 *   the next person at the same browser is asked to sign in, not signed straight back in.
 */
import { DEMO } from '../support/emulator';
import { useTabRig } from '../support/tabRig';
import { registerUrl } from './registerUrl';

const rig = useTabRig();

const signInButton = (name: string) => new RegExp(`^Sign in as ${name}`);

test('a bare address (no saved ids) asks the person to open the tab in Teams once, and never goes through the group', async () => {
  const { browser, emulator } = rig();
  const page = await (await browser.newContext()).newPage();
  const graph: string[] = [];
  page.on('request', (request) => void (request.url().includes('/v1.0/') && graph.push(`${new URL(request.url()).pathname} ${request.postData() ?? ''}`)));
  await page.goto(`${emulator.url}/`);
  await page.getByRole('button', { name: signInButton(DEMO.manager.displayName) }).click();
  await page.getByRole('heading', { name: 'Open the register in Teams once' }).waitFor();
  await page.getByText(/Open in browser/).waitFor();
  expect(graph.join('\n')).not.toContain('/groups/');
  await page.context().close();
});

test('after sign-out a second person at the same browser is asked to sign in, and nothing of the first is left', async () => {
  const { browser, emulator } = rig();
  const page = await (await browser.newContext()).newPage();
  await page.goto(registerUrl(emulator.url));
  await page.getByRole('button', { name: signInButton(DEMO.manager.displayName) }).click();
  await page.getByRole('table', { name: 'Digital services' }).waitFor();
  // Something of the first person's to leave behind: a local print record, as the pack's fallback keeps.
  await page.evaluate(() => window.localStorage.setItem('dsr:downtime-pack-printed:x', '{"printedAt":"2026-12-01"}'));
  expect(await page.evaluate(() => Object.keys(sessionStorage).some((key) => key.startsWith('dsr.warm.')))).toBe(true);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: signInButton(DEMO.staff.displayName) }).waitFor();
  const left = await page.evaluate(() => [...Object.keys(sessionStorage), ...Object.keys(localStorage)].filter((key) => key.startsWith('dsr')));
  expect(left).toEqual([]);

  // The next person reloads the same page: still asked to sign in, never shown the last person's register.
  await page.reload();
  await page.getByRole('button', { name: signInButton(DEMO.staff.displayName) }).click();
  await page.getByRole('table', { name: 'Digital services' }).waitFor();
  await page.getByRole('banner').getByText(DEMO.staff.displayName).waitFor();
  expect(await page.getByRole('banner').getByText(DEMO.manager.displayName).count()).toBe(0);
  await page.context().close();
});
