/**
 * Hostile input (matrix E1/E2), in real Chromium: every payload of tests/faults/xssCorpus.ts is
 * stored in every text field of an entry (through the Graph layer into the emulator), then the
 * register, entry dialogs, the overview and the reminders preview are rendered. Every payload that
 * could run calls alert() or sets window.__xss. The browser context bypasses the tab's CSP, so the
 * proof is that the tab never turns the text into markup, not that the CSP blocked it.
 * Support URL payloads must never become javascript:/data:/vbscript: links.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { addDays, emptyEntry, londonDateOf, type RegisterEntry } from '../../src/domain';
import { createGraphClient, openRegisterStore } from '../../src/graph';
import { launchBrowser, requireBuiltTab } from '../support/browser';
import { DEMO, startTestEmulator, tokenSourceFor, type RunningEmulator } from '../support/emulator';
import { URL_PAYLOADS, XSS_PAYLOADS } from '../faults/xssCorpus';
import { closeHarnesses, harness, stopSharedAzurite } from '../service/harness';
import { registerUrl } from './registerUrl';

/** The first entries fall due soon, so the reminder service puts them in the channel's digest card. */
const DUE_IN_CARD = 30;

const TEXT_FIELDS = ['purpose', 'supplier', 'supportPhone', 'supportEmail', 'supportHours', 'supportReference', 'accessGranted', 'accessReviewed', 'accessRemoved', 'downtimeProcess', 'notes', 'lastReviewedBy'] as const;
const DIALOGS_TO_OPEN = 12;

let emulator: RunningEmulator;
let browser: Browser;

beforeAll(async () => {
  emulator = await startTestEmulator({ staticDir: requireBuiltTab() });
  browser = await launchBrowser();
  const client = createGraphClient({ baseUrl: emulator.url, tokenSource: tokenSourceFor(emulator.url, DEMO.manager.upn) });
  const store = openRegisterStore(client, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId });
  await Promise.all(
    XSS_PAYLOADS.map((payload, index) => {
      const entry: Record<string, unknown> = { ...emptyEntry(), dataTypes: ['none'], title: `XSS ${String(index).padStart(3, '0')} ${payload}`.slice(0, 255) };
      for (const field of TEXT_FIELDS) entry[field] = payload;
      entry.supportUrl = URL_PAYLOADS[index % URL_PAYLOADS.length];
      if (index < DUE_IN_CARD) entry.nextReviewDue = addDays(londonDateOf(new Date()), 5);
      return store.create(entry as unknown as RegisterEntry, randomUUID());
    }),
  );
}, 120_000);
afterAll(async () => {
  await browser?.close();
  // The reminder service's bot endpoint and Azurite (its store), started by the harness.
  await closeHarnesses();
  await stopSharedAzurite();
  await emulator?.close();
});

interface Watch {
  dialogs: number;
  consoleHits: string[];
}

async function hostilePage(): Promise<{ page: Page; watch: Watch }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 4000 }, bypassCSP: true });
  const page = await context.newPage();
  const watch: Watch = { dialogs: 0, consoleHits: [] };
  page.on('dialog', (dialog) => {
    watch.dialogs += 1;
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/xss|alert|confirm/i.test(message.text())) watch.consoleHits.push(message.text());
  });
  await page.goto(registerUrl(emulator.url));
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${DEMO.manager.displayName}`) }).click();
  await page.getByRole('table', { name: 'Digital services' }).waitFor();
  return { page, watch };
}

async function executed(page: Page): Promise<number> {
  return page.evaluate(() => ((window as unknown as { __xss?: unknown }).__xss === undefined ? 0 : 1));
}

async function dangerousLinks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[href], [src], [action], [formaction], [srcdoc]')]
      .map((element) => ['href', 'src', 'action', 'formaction', 'srcdoc'].map((name) => element.getAttribute(name) ?? '').join(' '))
      .filter((value) => /(^|\s)\s*(javascript|data|vbscript):/i.test(value) || /srcdoc/i.test(value) || /<script/i.test(value)),
  );
}

it(`${XSS_PAYLOADS.length} payloads in every text field: zero script executions in the register, entry dialogs, overview, reminders and the print pack`, async () => {
  const { page, watch } = await hostilePage();
  const checked: string[] = [];
  await page.getByRole('button', { name: /^XSS 000 / }).first().waitFor();
  for (let index = 0; index < DIALOGS_TO_OPEN; index += 1) {
    await page.getByRole('button', { name: new RegExp(`^XSS ${String(index).padStart(3, '0')} `) }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dangerousLinks(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }
  checked.push(`entry dialogs ${DIALOGS_TO_OPEN}`);

  // Register: scroll the windowed table until every hostile row has been rendered.
  const seen = new Set<string>();
  for (let idle = 0, step = 0; idle < 3 && step < 60; step += 1) {
    const before = seen.size;
    for (const name of await page.getByRole('button', { name: /^XSS \d{3} / }).allTextContents()) seen.add(name.slice(0, 7));
    expect(await dangerousLinks(page)).toEqual([]);
    idle = seen.size === before ? idle + 1 : 0;
    await page.getByRole('table', { name: 'Digital services' }).hover();
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(100);
  }
  // The table holds still once scrolled (no scroll-anchoring loop between the spacers and the window).
  const scrollPositions = await page.evaluate(async () => {
    const scroller = document.querySelector('table[aria-label="Digital services"]')?.parentElement as HTMLElement;
    const positions = new Set<number>();
    for (let frame = 0; frame < 10; frame += 1) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      positions.add(scroller.scrollTop);
    }
    return positions.size;
  });
  expect(scrollPositions).toBe(1);
  const titles = seen.size;
  checked.push(`register rows ${titles}`);


  for (const [view, label] of [['overview', 'Overview'], ['my-services', 'My services'], ['reminders', 'Reminders'], ['downtime-pack', 'Downtime pack']] as const) {
    await page.goto(registerUrl(emulator.url, `view=${view}`));
    await page.getByRole('tab', { name: label, selected: true }).waitFor();
    // Let the view's lazy chunk and its data render.
    await page.waitForLoadState('networkidle');
    expect(await dangerousLinks(page)).toEqual([]);
    checked.push(view);
  }

  const scripts = (await executed(page)) + watch.dialogs + watch.consoleHits.length;
  console.log(`XSS: script executions 0 of ${XSS_PAYLOADS.length} payloads x ${TEXT_FIELDS.length + 1} fields (${checked.join(', ')}); dangerous links 0`);
  expect(watch.dialogs).toBe(0);
  expect(watch.consoleHits).toEqual([]);
  expect(scripts).toBe(0);
  expect(titles).toBeGreaterThanOrEqual(XSS_PAYLOADS.length);
  await page.context().close();
});

it('the reminder card in the channel, rendered by the official Adaptive Cards renderer: zero script executions', async () => {
  const service = await harness(emulator.url);
  const summary = await service.run({ at: new Date() });
  expect(summary.failed).toEqual([]);
  expect(summary.posted).toBe(1);
  const context = await browser.newContext({ viewport: { width: 1200, height: 3000 }, bypassCSP: true });
  const page = await context.newPage();
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.goto(`${emulator.url}/emulator/channel`);
  const card = page.locator('.ac-adaptiveCard').first();
  await card.waitFor();
  const hostileLines = await card.getByText(/XSS \d{3}/).count();
  expect(hostileLines).toBeGreaterThan(0);
  expect(await dangerousLinks(page)).toEqual([]);
  const scripts = (await executed(page)) + dialogs;
  console.log(`XSS in the reminder card: ${hostileLines} hostile lines rendered, script executions ${scripts}, dangerous links 0`);
  expect(scripts).toBe(0);
  await context.close();
});
