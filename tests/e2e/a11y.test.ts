/**
 * Accessibility evidence: axe-core, injected into the real tab in Chromium, scans every view (sign
 * in, register, register with the entry dialog open, my services, overview) in the Teams light,
 * dark and high-contrast themes, and must find no WCAG 2.0/2.1/2.2 A or AA violation.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO } from '../support/emulator';
import { useTabRig } from '../support/tabRig';
import { registerUrl } from './registerUrl';

const AXE_SCRIPT = path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const THEMES = ['default', 'dark', 'contrast'] as const;
/**
 * Left out of the scan: Tabster's focus sentinels (Fluent's keyboard navigation). They are
 * aria-hidden yet focusable by design, moving focus on at once, and hiding them from screen
 * readers is what keeps them silent (microsoft/tabster#288; microsoft/fluentui#27517 "By Design").
 */
const EXCLUDE = [['[data-tabster-dummy]']];

const rig = useTabRig();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe on the page as it is now; returns the violations in a form a failing test can print. */
async function scan(page: Page): Promise<string[]> {
  // Fluent's motion must settle: half-faded colours would give false contrast results.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(async ({ tags, exclude }) => {
    const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run({ include: [['html']], exclude }, { runOnly: { type: 'tag', values: tags } });
    return result.violations;
  }, { tags: TAGS, exclude: EXCLUDE });
  return (violations as Violation[]).map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

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
