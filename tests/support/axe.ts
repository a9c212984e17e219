/**
 * axe-core in the real tab, as tests/e2e/a11y.test.ts runs it: WCAG 2.0/2.1/2.2 A and AA rules, with
 * Tabster's focus sentinels left out (aria-hidden yet focusable by design: microsoft/tabster#288,
 * microsoft/fluentui#27517). The page's context needs `bypassCSP: true` so axe can be injected.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

const AXE_SCRIPT = path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const AXE_THEMES = ['default', 'dark', 'contrast'] as const;
const EXCLUDE = [['[data-tabster-dummy]']];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Waits until Fluent's motion has settled: every animation with an end (a dialog fading in, a
 * colour transition) has finished, since half-faded colours give false contrast results and blurred
 * screenshots. Endless ones (a spinner turning while something loads) are not waited for: they never
 * end, and turning does not change a colour.
 */
export async function motionSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every(
    (animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity,
  ));
}

/**
 * Runs axe on the page as it is now, or only within `include` (a CSS selector); returns each
 * violation as one readable line.
 */
export async function axeViolations(page: Page, include = 'html'): Promise<string[]> {
  await motionSettled(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(async ({ tags, exclude, where }) => {
    const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run({ include: [[where]], exclude }, { runOnly: { type: 'tag', values: tags } });
    return result.violations;
  }, { tags: AXE_TAGS, exclude: EXCLUDE, where: include });
  return (violations as Violation[]).map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/**
 * A new browser context that axe can be injected into (`bypassCSP`), at the size the a11y scans use,
 * opened at `url` and signed in as `displayName` through the emulator's sign-in button. Close the
 * returned page's context when done.
 */
export async function signedInForAxe(browser: Browser, url: string, displayName: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${displayName}`) }).click();
  return page;
}
