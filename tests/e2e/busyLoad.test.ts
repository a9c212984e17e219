/**
 * A throttled tenant never looks like a frozen screen: when SharePoint answers the register's first
 * load with 429, the page says it is busy and when it will try again, then shows the register once the
 * wait is over. The emulator, like Graph, does not expose `Retry-After` through CORS, so the browser
 * cannot read it and the tab waits by its documented backoff (5 s or more), never sooner.
 */
import { DEMO } from '../support/emulator';
import { useTabRig } from '../support/tabRig';
import { registerUrl } from './registerUrl';

const rig = useTabRig();

test('a throttled first load shows "SharePoint is busy" and then the register', async () => {
  const { browser, emulator } = rig();
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(registerUrl(emulator.url));
  // Every Graph request is throttled twice (batches included), then the tenant recovers.
  emulator.faults.add({ path: '^/v1\\.0/', status: 429, retryAfter: 3, times: 2 });
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${DEMO.manager.displayName}`) }).click();
  const busy = page.getByRole('status').filter({ hasText: /^SharePoint is busy\. Trying again in \d+ seconds?…$/ });
  await busy.waitFor();
  console.log(`busy message shown: "${await busy.innerText()}"`);
  await page.getByRole('table', { name: 'Digital services' }).waitFor({ timeout: 30_000 });
  await busy.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  expect(await page.getByText(/^SharePoint is busy/).count()).toBe(0);
  await page.context().close();
});
