/**
 * Accessibility evidence: axe-core, injected into the real tab in Chromium, scans every view (sign
 * in, register, register with the entry dialog open, my services, overview) in the Teams light,
 * dark and high-contrast themes, and must find no WCAG 2.0/2.1/2.2 A or AA violation.
 */
import { AXE_THEMES, axeViolations } from '../support/axe';
import { DEMO } from '../support/emulator';
import { useTabRig } from '../support/tabRig';
import { registerUrl } from './registerUrl';

const THEMES = AXE_THEMES;

const rig = useTabRig();

const scan = axeViolations;

describe.each(THEMES)('in the %s theme', (theme) => {
  test('every view has no WCAG 2.2 A/AA violations', async () => {
    const { browser, emulator } = rig();
    // bypassCSP lets the test inject axe-core (an inline script) past the tab's own Content-Security-Policy.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    try {
      await page.goto(registerUrl(emulator.url, `theme=${theme}`));
      const signIn = page.getByRole('button', { name: new RegExp(`Sign in as ${DEMO.manager.displayName}`) });
      await signIn.waitFor();
      found['sign-in'] = await scan(page);

      await signIn.click();
      await page.getByRole('table', { name: 'Digital services' }).waitFor();
      found.register = await scan(page);

      await page.getByRole('table', { name: 'Digital services' }).getByRole('button', { name: 'EMIS Web', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      found['entry dialog'] = await scan(page);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      await page.getByRole('tab', { name: 'My services' }).click();
      await page.getByRole('heading', { name: 'My services' }).waitFor();
      await page.getByRole('list', { name: 'My services' }).waitFor();
      found['my services'] = await scan(page);

      await page.getByRole('tab', { name: 'Overview' }).click();
      await page.getByRole('heading', { name: /Ten questions/ }).waitFor();
      found.overview = await scan(page);
    } finally {
      await context.close();
    }
    expect(found).toEqual({ 'sign-in': [], register: [], 'entry dialog': [], 'my services': [], overview: [] });
  });
});
