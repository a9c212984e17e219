/**
 * Real headless Chromium for end-to-end tests, through playwright-core (no bundled browser).
 *
 * The browser is Debian's `chromium` at /usr/bin/chromium unless CHROME_PATH names another.
 * When none is found the test fails with how to install one: an e2e test that silently skips
 * proves nothing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const BUILT_TAB_DIR = path.resolve(__dirname, '../../dist/tab');

/** @throws Error saying how to install Chromium when no browser executable is found. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium found at ${executablePath}. Install it with "apt-get install -y chromium" (Debian/Ubuntu), ` +
        'or set CHROME_PATH to a Chrome or Chromium executable.',
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** @throws Error when the tab has not been built (the emulator would serve nothing at /). */
export function requireBuiltTab(): string {
  if (!existsSync(path.join(BUILT_TAB_DIR, 'index.html'))) {
    throw new Error(`The tab is not built: ${BUILT_TAB_DIR}/index.html is missing. Run "npm run build:tab" first.`);
  }
  return BUILT_TAB_DIR;
}

/**
 * Where to save screenshots for a person to look at, or null. Set E2E_SCREENSHOT_DIR to a folder
 * outside the repository (e.g. /tmp/dsr-shots) to get them.
 */
export function screenshotPath(name: string): string | null {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  return dir ? path.join(dir, `${name}.png`) : null;
}
