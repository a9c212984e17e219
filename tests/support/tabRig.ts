/**
 * The usual end-to-end set-up in one call: a seeded emulator serving the built tab and one Chromium,
 * started before the file's tests and closed after them.
 *
 *   const rig = useTabRig();
 *   test('...', async () => { const { browser, emulator } = rig(); ... });
 */
import type { Browser } from 'playwright-core';
import type { EmulatorOptions } from '../../src/emulator/server';
import { launchBrowser, requireBuiltTab } from './browser';
import { startTestEmulator, type RunningEmulator } from './emulator';

export interface TabRig {
  readonly emulator: RunningEmulator;
  readonly browser: Browser;
}

/** Registers beforeAll/afterAll; call the returned function inside a test to get the running rig. */
export function useTabRig(options: Omit<EmulatorOptions, 'port' | 'staticDir'> = {}): () => TabRig {
  let emulator: RunningEmulator | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    emulator = await startTestEmulator({ ...options, staticDir: requireBuiltTab() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await emulator?.close();
  });
  return () => {
    if (!browser || !emulator) throw new Error('The browser or emulator did not start (see beforeAll).');
    return { browser, emulator };
  };
}
