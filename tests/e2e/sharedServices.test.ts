/**
 * A PCN-shared service kept once, end to end in Chromium: Riverside's manager links the PCN's
 * "Enhanced access hub telephony" from the register; the row says PCN-shared; its form shows the
 * PCN's values read-only, no Mark reviewed, and only the practice's local fields to edit, which save;
 * when the PCN changes its entry, the practice's register shows the PCN's new value on its next load;
 * the link panel and the linked form are axe-clean in the Teams light, dark and high-contrast themes.
 */
import type { Page } from 'playwright-core';
import { AXE_THEMES, axeViolations } from '../support/axe';
import { DEMO, DEMO_NETWORK, tokenFor } from '../support/emulator';
import { useTabRig } from '../support/tabRig';
import { registerUrl } from './registerUrl';

const rig = useTabRig();
const SHARED = 'Enhanced access hub telephony';

async function signedIn(theme = 'default'): Promise<Page> {
  const { browser, emulator } = rig();
  // bypassCSP lets the accessibility scans inject axe-core past the tab's own Content-Security-Policy.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(registerUrl(emulator.url, `theme=${theme}`));
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${DEMO.manager.displayName}`) }).click();
  await page.getByRole('table', { name: 'Digital services' }).waitFor();
  return page;
}

const table = (page: Page) => page.getByRole('table', { name: 'Digital services' });
const sharedRow = (page: Page) => table(page).getByRole('row').filter({ has: page.getByRole('button', { name: SHARED, exact: true }) });

/** The PCN changes its own entry, as the PCN's tab would (the lead is a member of the PCN team). */
async function pcnChangesSupplier(supplier: string): Promise<void> {
  const { emulator } = rig();
  const { pcn, lead } = DEMO_NETWORK;
  const headers = { Authorization: `Bearer ${await tokenFor(emulator.url, lead.upn)}`, 'Content-Type': 'application/json' };
  const list = `${emulator.url}/v1.0/sites/${pcn.siteId}/lists/${pcn.registerListId}/items`;
  const items = (await (await fetch(`${list}?expand=fields(select=Title)&$top=50`, { headers })).json()) as { value: Array<{ id: string; fields: { Title: string } }> };
  const item = items.value.find((candidate) => candidate.fields.Title === SHARED);
  if (!item) throw new Error(`The PCN register has no ${SHARED}.`);
  const response = await fetch(`${list}/${item.id}/fields`, { method: 'PATCH', headers, body: JSON.stringify({ Supplier: supplier }) });
  expect(response.status).toBe(200);
}

test('a practice links a PCN service, edits only its local fields, and sees the PCN change it', async () => {
  const page = await signedIn();
  await expect(table(page).getByRole('button', { name: SHARED, exact: true }).count()).resolves.toBe(0);

  await page.getByRole('button', { name: 'Link a PCN service' }).click();
  const link = page.getByRole('region', { name: `Link a service from ${DEMO_NETWORK.pcn.name}` });
  await link.getByRole('button', { name: `Link ${SHARED}` }).click();
  await link.getByRole('button', { name: `${SHARED} is linked` }).waitFor();
  await link.getByRole('button', { name: 'Done' }).click();
  await link.waitFor({ state: 'detached' });
  // Focus goes back to the button that opened the panel.
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Link a PCN service');

  await expect(sharedRow(page).innerText()).resolves.toMatch(/PCN-shared/);
  await table(page).getByRole('button', { name: SHARED, exact: true }).click();
  const form = page.getByRole('dialog', { name: `${SHARED}: PCN-shared service` });
  await form.waitFor();
  const kept = form.getByRole('region', { name: 'Kept by the PCN' });
  await expect(kept.innerText()).resolves.toContain('X-on (Surgery Connect)');
  await expect(form.getByRole('button', { name: 'Mark reviewed' }).count()).resolves.toBe(0);
  await expect(form.getByRole('textbox', { name: 'Supplier' }).count()).resolves.toBe(0);
  await form.getByRole('textbox', { name: 'Local contact' }).fill('Reception lead, ext 204');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });

  await pcnChangesSupplier('Hub Telecoms Ltd');
  await page.reload();
  await table(page).waitFor();
  await table(page).getByRole('button', { name: SHARED, exact: true }).click();
  const reopened = page.getByRole('dialog', { name: `${SHARED}: PCN-shared service` });
  await expect(reopened.getByRole('region', { name: 'Kept by the PCN' }).innerText()).resolves.toContain('Hub Telecoms Ltd');
  await expect(reopened.getByRole('textbox', { name: 'Local contact' }).inputValue()).resolves.toBe('Reception lead, ext 204');
  await page.context().close();
});

describe.each(AXE_THEMES)('in the %s theme', (theme) => {
  test('linking a PCN service and its read-only form have no WCAG 2.2 A/AA violations', async () => {
    const page = await signedIn(theme);
    const found: Record<string, string[]> = {};
    try {
      await page.getByRole('button', { name: 'Link a PCN service' }).click();
      const link = page.getByRole('region', { name: `Link a service from ${DEMO_NETWORK.pcn.name}` });
      await link.getByRole('list', { name: "The PCN's shared services" }).waitFor();
      found['link panel'] = await axeViolations(page);
      const linkButton = link.getByRole('button', { name: `Link ${SHARED}` });
      if ((await linkButton.count()) > 0) await linkButton.click();
      await link.getByRole('button', { name: `${SHARED} is linked` }).waitFor();
      await link.getByRole('button', { name: 'Done' }).click();
      await link.waitFor({ state: 'detached' });
  // Focus goes back to the button that opened the panel.
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Link a PCN service');

      await table(page).getByRole('button', { name: SHARED, exact: true }).click();
      await page.getByRole('dialog', { name: `${SHARED}: PCN-shared service` }).getByRole('region', { name: 'Kept by the PCN' }).waitFor();
      found['linked form'] = await axeViolations(page);
    } finally {
      await page.context().close();
    }
    expect(found).toEqual({ 'link panel': [], 'linked form': [] });
  });
});
