/**
 * Shared set-up for the editing journeys: the emulator serving the built tab, real Chromium, a
 * Graph-layer store to check what was really written, and keyboard helpers that find controls by
 * their accessible names.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { createGraphClient, openRegisterStore } from '../../src/graph';
import type { RegisterStore } from '../../src/graph/types';
import { emptyEntry, type RegisterEntry, type StoredEntry } from '../../src/domain';
import { launchBrowser, requireBuiltTab } from '../support/browser';
import { DEMO, startTestEmulator, tokenSourceFor, type RunningEmulator } from '../support/emulator';
import { registerUrl } from './registerUrl';

export { DEMO };

export interface EditingRig {
  readonly emulator: RunningEmulator;
  readonly browser: Browser;
  readonly store: RegisterStore;
}

export async function startRig(): Promise<EditingRig> {
  const emulator = await startTestEmulator({ staticDir: requireBuiltTab() });
  const browser = await launchBrowser();
  const client = createGraphClient({ baseUrl: emulator.url, tokenSource: tokenSourceFor(emulator.url, DEMO.manager.upn) });
  const store = openRegisterStore(client, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId });
  return { emulator, browser, store };
}

export async function stopRig(rig: EditingRig | undefined): Promise<void> {
  await rig?.browser.close();
  await rig?.emulator.close();
}

/**
 * Starts the rig before the file's tests, clears injected faults after each and stops it after all.
 * @returns a function for use inside a test; it throws if the rig did not start.
 */
export function useEditingRig(): () => EditingRig {
  let rig: EditingRig | undefined;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterEach(() => rig?.emulator.faults.clear());
  afterAll(() => stopRig(rig));
  return () => {
    if (!rig) throw new Error('The emulator or browser did not start (see beforeAll).');
    return rig;
  };
}

/** A new browser context (its own sign-in), signed in as `displayName`, with the register loaded. */
export async function signedInPage(rig: EditingRig, displayName: string): Promise<Page> {
  const context = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(registerUrl(rig.emulator.url));
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${displayName}`) }).click();
  await page.getByRole('table', { name: 'Digital services' }).waitFor();
  return page;
}

export function serviceLink(page: Page, title: string): Locator {
  return page.getByRole('table', { name: 'Digital services' }).getByRole('button', { name: title, exact: true });
}

export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement).catch(() => false);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would.
 * @throws when it is not reached within `maxPresses`.
 */
export async function tabTo(page: Page, target: Locator, options: { maxPresses?: number; backwards?: boolean } = {}): Promise<void> {
  await target.waitFor();
  const max = options.maxPresses ?? 120;
  for (let presses = 0; presses < max; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
  }
  if (await isFocused(target)) return;
  throw new Error(`Could not reach ${String(target)} with the keyboard in ${max} presses.`);
}

/** Creates an entry straight through Graph (as the manager) for a journey to start from. */
export function seedEntry(rig: EditingRig, title: string, patch: Partial<RegisterEntry> = {}): Promise<StoredEntry> {
  return rig.store.create({ ...emptyEntry(), title, dataTypes: ['none'], ...patch }, crypto.randomUUID());
}

export async function entriesTitled(rig: EditingRig, title: string): Promise<StoredEntry[]> {
  return (await rig.store.list()).filter((stored) => stored.entry.title === title);
}

/** A toast's own text (not the copy Fluent puts in its screen-reader live region). */
export function toast(page: Page, text: string): Locator {
  return page.getByText(text, { exact: true }).and(page.locator(':not([aria-live])'));
}
