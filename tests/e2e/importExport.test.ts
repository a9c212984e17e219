/**
 * Starting fast and working when systems fail, end to end in real Chromium against the emulator
 * with an EMPTY register: the starter catalogue on first run, importing a messy workbook through
 * the preview, exporting (downloaded files checked cell by cell) and the printable downtime pack
 * (rendered to PDF: one A4 page per live service, the date on every page), whose last print is
 * shared with the practice: a second browser, signed in as a staff member, sees it.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { formatLocalDate, londonDateOf } from '../../src/domain';
import { parsePrintRecord, PRINT_RECORD_KEY } from '../../src/domain/export';
import { createGraphClient, openRegisterSettings, openRegisterStore } from '../../src/graph';
import type { RegisterStore } from '../../src/graph/types';
import { launchBrowser, requireBuiltTab, screenshotPath } from '../support/browser';
import { DEMO, startTestEmulator, tokenSourceFor, type RunningEmulator } from '../support/emulator';
import { FORMULA_TEXT_TITLE, messyWorkbook } from '../support/messyWorkbook';
import { registerUrl } from './registerUrl';

let emulator: RunningEmulator | undefined;
let browser: Browser | undefined;
let store: RegisterStore;
let page: Page;

beforeAll(async () => {
  const staticDir = requireBuiltTab();
  emulator = await startTestEmulator({ staticDir, emptyRegister: true, directorySize: 2000 });
  browser = await launchBrowser();
  const client = createGraphClient({ baseUrl: emulator.url, tokenSource: tokenSourceFor(emulator.url, DEMO.manager.upn) });
  store = openRegisterStore(client, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  await page.goto(registerUrl(emulator.url));
  await page.getByRole('button', { name: new RegExp(`Sign in as ${DEMO.manager.displayName}`) }).click();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

async function shoot(name: string): Promise<void> {
  const file = screenshotPath(name);
  if (file) await page.screenshot({ path: file, fullPage: true });
}

const CHOSEN = ['EMIS Web', 'Electronic Prescription Service (EPS)', 'ICB GP IT service desk, desktops and patching'];

test('first run: the empty register offers the catalogue; the manager ticks services and gets entries', async () => {
  await page.getByText('The register is empty').waitFor();
  expect(await store.list()).toHaveLength(0);
  await page.getByRole('button', { name: 'Choose from the starter catalogue' }).click();
  await page.getByRole('heading', { name: 'Start from the services most practices use' }).waitFor();
  await page.getByRole('group', { name: 'Clinical system' }).getByText('Optum', { exact: false }).first().waitFor();
  for (const title of CHOSEN) await page.getByRole('checkbox', { name: title, exact: true }).check();
  await shoot('catalogue');
  await page.getByRole('button', { name: 'Add 3 services' }).click();
  await page.getByText('Added 3 services').waitFor();
  const titles = (await store.list()).map((stored) => stored.entry.title).sort();
  expect(titles).toEqual([...CHOSEN].sort());

  // Later: items already in the register are shown as such and cannot be added twice.
  await page.getByRole('tab', { name: 'Add from catalogue' }).click();
  await page.getByRole('checkbox', { name: 'EMIS Web (already in the register)' }).waitFor();
  expect(await page.getByRole('checkbox', { name: 'EMIS Web (already in the register)' }).isDisabled()).toBe(true);
});

test('import: a bad file gets a clear message; a messy workbook is previewed, then written on confirmation', async () => {
  await page.getByRole('tab', { name: 'Import' }).click();
  const input = page.getByLabel('Spreadsheet to import (.xlsx or .csv)');
  await input.setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
  await page.getByRole('alert').getByText(/not a spreadsheet we can import/).waitFor();

  await input.setInputFiles({ name: 'it-systems.xlsx', mimeType: 'application/octet-stream', buffer: await messyWorkbook() });
  await page.getByRole('heading', { name: 'Check the columns' }).waitFor();
  // The heading and the sentence under it read apart (they once ran together: "Check the columnsHeaders were found").
  const columns = page.getByRole('region', { name: 'Check the columns' });
  expect(await columns.innerText()).toMatch(/^Check the columns\n+Headers were found on row 3\./);
  expect(await page.getByRole('combobox', { name: 'Field for column “Owner email”' }).inputValue()).toBe('ownerEmail');
  expect(await page.getByRole('combobox', { name: 'Field for column “Phone”' }).inputValue()).toBe('supportPhone');
  // The user adjusts one: Notes are not wanted. Each column's list says where its cells will land (its description).
  const notesColumn = page.getByRole('combobox', { name: 'Field for column “Notes”' });
  await notesColumn.focus();
  await page.keyboard.press('Home'); // from the keyboard: the first choice, "Don’t import"
  expect(await notesColumn.inputValue()).toBe('');
  const landing = page.locator(`[id="${await notesColumn.getAttribute('aria-describedby')}"]`);
  expect(await landing.textContent()).toMatch(/Not imported: its cells are left out, and the report counts them\./);
  const before = (await store.list()).length;
  await page.getByRole('button', { name: 'Preview the rows' }).click();

  await page.getByRole('heading', { name: /Preview of it-systems\.xlsx/ }).waitFor();
  const preview = page.getByRole('region', { name: 'Preview of it-systems.xlsx' });
  expect(await preview.innerText()).toMatch(/^Preview of it-systems\.xlsx\n+8 rows: /); // not "it-systems.xlsx8 rows"
  await page.getByText('8 rows: 6 ready, 2 with warnings, 1 repeats another, 0 cannot be imported (no name). Nothing has been saved yet.').waitFor();
  await page.getByText(/^\d+ filled cells: .*\d+ in columns set to “Don’t import”/).waitFor();
  const table = page.getByRole('table', { name: 'Rows to import' });
  await table.getByText(/Provision "Ask Dave" is not one we recognise/).waitFor();
  await table.getByText(/Row 7, column A \(“System”\) has 300 characters/).waitFor();
  await table.getByText(/Priya Shah \(priya\.shah@nhs\.net\), matched by email/).first().waitFor();
  // The repeated row: merged into row 4 by default; the person may import it as new instead, or skip it.
  const repeat = table.getByRole('combobox', { name: 'Row 8, “Lexacom Dictation”, repeats row 4: what to do' });
  expect(await repeat.inputValue()).toBe('merge');
  await repeat.selectOption({ label: 'Import as a new entry' });
  await page.getByRole('button', { name: 'Import 8 services' }).waitFor();
  await repeat.selectOption({ label: 'Merge into row 4' });
  expect((await store.list()).length).toBe(before); // nothing written yet
  await shoot('import-preview');

  await page.getByRole('button', { name: 'Import 7 services' }).click();
  await page.getByRole('heading', { name: 'Import finished' }).waitFor();
  await page.getByText('7 imported, 1 merged, 0 not imported').waitFor();
  const stored = await store.list();
  expect(stored.length).toBe(before + 7);
  expect(stored.find((item) => item.entry.title === 'Lexacom dictation')?.entry.notes).toBe('');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the report (CSV)' }).click();
  const report = await readFile(await (await download).path());
  expect(report.toString('utf8')).toMatch(/Row,Service name,Outcome,Details/);
  expect(report.toString('utf8')).toMatch(/Row,Service name,Outcome,Details,Where its cells went/);
  expect(report.toString('utf8')).toMatch(/7,Clinical system x+…,Imported,,"A \(System\): Service name and Notes;/);
  expect(report.toString('utf8')).toMatch(/8,Lexacom Dictation,Merged,Merged into row 4/);
});

test('export: the downloaded Excel file holds the register with formula-looking text neutralised', async () => {
  await page.getByRole('tab', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Excel (.xlsx)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^register-riverside-medical-practice-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await file.path())) as never);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 4)).toEqual(['Service name', 'Category', 'Purpose', 'Provision']);
  const titles = sheet.getColumn(1).values.slice(2) as string[];
  expect(titles).toContain('EMIS Web');
  expect(titles).toContain(`'${FORMULA_TEXT_TITLE}`);
  sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).toBe(ExcelJS.ValueType.String)));

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'DSPT evidence (CSV)' }).click();
  const csv = (await readFile(await (await csvDownload).path())).toString('utf8');
  expect(csv).toMatch(/DSPT 7\.1\.1 evidence/);
  expect(csv).toContain(`Produced on,${formatLocalDate(londonDateOf(new Date()))}`);
  expect(csv).toContain(`'${FORMULA_TEXT_TITLE}`);
});

test('the downtime pack prints one A4 page per live service, with the date on every page', async () => {
  await page.evaluate(() => {
    window.print = () => undefined; // headless: no dialog; the click still records the print
  });
  await page.getByRole('tab', { name: 'Downtime pack' }).click();
  const live = (await store.list()).filter((stored) => stored.entry.lifecycle === 'live');
  await page.getByText(`${live.length} live services, ${live.length} pages`).waitFor();
  await page.getByText('The pack has not been printed yet.').waitFor();

  await page.emulateMedia({ media: 'print' });
  const printed = page.getByTestId('print-root');
  const running = await printed.getByTestId('pack-running').allTextContents();
  expect(running).toHaveLength(live.length);
  const date = formatLocalDate(londonDateOf(new Date()));
  running.forEach((text, index) => expect(text).toContain(`Printed ${date} · Page ${index + 1} of ${live.length}`));
  running.forEach((text) => expect(text).toMatch(/Register version \d{4}-\d{2}-\d{2} \d{2}:\d{2}/));
  const order = await printed.locator('article h2').allTextContents();
  expect(order[0]).toBe('EMIS Web'); // critical first
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages).toHaveLength(live.length);
  const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
  expect(Math.round(Number(mediaBox?.[1]))).toBe(595); // A4 in points
  expect(Math.round(Number(mediaBox?.[2]))).toBe(842);
  await page.emulateMedia({ media: 'screen' });
});

test('the last print is shared: another member, in another browser, sees who printed it and which cards changed since', async () => {
  const date = formatLocalDate(londonDateOf(new Date()));
  const lastPrinted = new RegExp(`^Last printed ${date} at \\d{2}:\\d{2} by ${DEMO.manager.displayName}`);
  await page.getByRole('button', { name: 'Print the pack' }).click();
  await page.getByText(/no card has changed since/).waitFor();
  expect(await page.getByText(/no card has changed since/).textContent()).toMatch(lastPrinted);

  // Recorded in the practice's SharePoint settings list, not in this browser.
  const client = createGraphClient({ baseUrl: emulator!.url, tokenSource: tokenSourceFor(emulator!.url, DEMO.staff.upn) });
  const settings = openRegisterSettings(client, { siteId: DEMO.site.id, listId: DEMO.settingsListId });
  const record = parsePrintRecord((await settings.read(PRINT_RECORD_KEY))?.value);
  expect(record?.printedBy).toBe(DEMO.manager.displayName);
  expect(Object.keys(record?.versions ?? {}).sort()).toEqual((await store.list()).filter((s) => s.entry.lifecycle === 'live').map((s) => s.id).sort());

  // Tom Reed (staff), in a second browser context with its own, empty, local storage.
  const staffContext = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
  const staffPage = await staffContext.newPage();
  await staffPage.goto(registerUrl(emulator!.url));
  await staffPage.getByRole('button', { name: new RegExp(`Sign in as ${DEMO.staff.displayName}`) }).click();
  await staffPage.getByRole('tab', { name: 'Downtime pack' }).click();
  const staffNotice = staffPage.getByText(/no card has changed since/);
  await staffNotice.waitFor();
  expect(await staffNotice.textContent()).toMatch(lastPrinted);

  // Two services change after the print.
  const live = (await store.list()).filter((stored) => stored.entry.lifecycle === 'live');
  const emis = live.find((stored) => stored.entry.title === 'EMIS Web')!;
  const other = live.find((stored) => stored.entry.title !== 'EMIS Web')!;
  await store.update(emis.id, emis.eTag, { ...emis.entry, downtimeProcess: 'Use the paper day list.\nHow you will notice: EMIS shows a red banner.' });
  await store.update(other.id, other.eTag, { ...other.entry, supportHours: '24/7' });

  await staffPage.reload();
  const changed = staffPage.getByText(/2 cards have changed since: /);
  await changed.waitFor();
  const text = (await changed.textContent()) ?? '';
  expect(text).toMatch(lastPrinted);
  expect(text.slice(text.indexOf('changed since: ') + 'changed since: '.length).split(', ').sort()).toEqual([emis.entry.title, other.entry.title].sort());
  const emisCard = staffPage.getByRole('region', { name: 'Preview of the pack' }).getByRole('article', { name: 'Downtime card: EMIS Web' });
  await emisCard.getByText('EMIS shows a red banner.').waitFor();
  await emisCard.getByText('Use the paper day list.').waitFor();
  expect(await staffPage.getByText('Remembered in this browser only').count()).toBe(0);
  const staffShot = screenshotPath('downtime-pack-staff');
  if (staffShot) await staffPage.screenshot({ path: staffShot, fullPage: true });
  await staffContext.close();

  // The manager sees the same after a reload.
  await page.reload();
  await page.getByText(/2 cards have changed since: /).waitFor();
  await shoot('downtime-pack');
});
