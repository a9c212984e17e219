/**
 * `npm run import -- <file> --dry-run` on a practice's messy IT systems list, in-process against
 * the emulator with an empty register (a practice's first morning): the printed report says where
 * each column lands, names the over-long cell's row and column, and accounts for every filled cell;
 * 12 of the 13 real rows would be written and the duplicate line merged; nothing is written.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importCommand } from '../../src/cli/importCommand';
import { openRegisterStore } from '../../src/graph';
import { DEMO, demoRegisterAddress, startTestEmulator, tokenSourceFor, type RunningEmulator } from '../support/emulator';
import { practiceItSystemsList } from '../support/messyWorkbook';
import { createGraphClient } from '../../src/graph';

let emulator: RunningEmulator;
let file: string;
let reportFile: string;

/** The tab's "Open in browser" address, which tells the command which register to use. */
const registerAddress = (): string => demoRegisterAddress(emulator.url);

beforeAll(async () => {
  emulator = await startTestEmulator({ emptyRegister: true });
  file = path.join(mkdtempSync(path.join(tmpdir(), 'dsr-import-')), 'IT systems list.xlsx');
  writeFileSync(file, await practiceItSystemsList());
  reportFile = path.join(path.dirname(file), 'report.csv');
});
afterAll(() => emulator.close());

test('a dry run prints where each column lands, every row, and an account of every filled cell; nothing is written', async () => {
  const lines: string[] = [];
  const code = await importCommand([file, '--dry-run', '--register', registerAddress(), '--report', reportFile], { PORT: new URL(emulator.url).port }, (line) => lines.push(line));
  const output = lines.join('\n');
  expect(code).toBe(0);
  expect(output).toContain('headers on row 3');
  expect(output).toContain('  E Helpdesk -> Notes, as “Support contact: …”. A phone number, email or https address in it also fills Support phone');
  expect(output).toContain('  O Comments -> Notes.');
  expect(output).toContain('  P Cost (£/yr) -> Notes, as “Cost (£/yr): …”.');
  expect(output).toContain('      No one in the directory matches "Dave": the entry is imported without this person, who is kept in Notes as written');
  expect(output).toContain('Row 14, column D (“Supplier”) has 420 characters; Supplier holds 255');
  expect(output).toContain('  Row 19: EMIS web - MERGED into row 4');
  expect(output).toContain('  Row 21: (no name) - NOT IMPORTED (no name)');
  expect(output).toMatch(/14 rows: \d+ ready, \d+ with warnings \(imported, the text kept in Notes\), 1 merged into an earlier row, 1 without a name \(not imported\)\./);
  expect(output).toMatch(/^141 filled cells: \d+ into their fields, \d+ into a field with the full text also in Notes, \d+ kept in Notes, 1 in rows without a service name\.$/m);
  expect(output).toContain(`Dry run: nothing written. 12 rows would be written. Report: ${reportFile}`);
  // The report: one line per row, with where each of its filled cells would go.
  const report = readFileSync(reportFile, 'utf8');
  expect(report).toContain('Row,Service name,Outcome,Details,Where its cells would go');
  expect(report).toMatch(/\n14,Practice website,Dry run: imported,,"A \(System\): Service name; .*D \(Supplier\): Supplier and Notes;/);
  expect(report).toMatch(/\n19,EMIS web,Dry run: merged,Merged into row 4 \(the same service\)\.,/);
  expect(report).toMatch(/\n21,,Dry run: not imported,"No service name, so this row is not imported\.",O \(Comments\): Notes/);
  const client = createGraphClient({ baseUrl: emulator.url, tokenSource: tokenSourceFor(emulator.url, DEMO.manager.upn) });
  const store = openRegisterStore(client, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId });
  expect(await store.list()).toHaveLength(0);
});

test('--duplicates must be skip, merge or new', async () => {
  await expect(importCommand([file, '--dry-run', '--duplicates', 'maybe'], { PORT: new URL(emulator.url).port }, () => undefined))
    .rejects.toThrow('--duplicates must be skip, merge or new.');
});
