/**
 * The import core against the emulator: a messy real-world-style workbook goes in, the rows that
 * should be written are written (with owners matched in the directory), the rest are reported;
 * an import interrupted mid-run (fault injection) and run again leaves no duplicates and no gaps.
 */
import { londonDateOf } from '../../src/domain';
import { readSpreadsheet } from '../../src/domain/spreadsheet/readSpreadsheet';
import { openRegisterStore, type GraphClient } from '../../src/graph';
import { listTeamMembers, type TeamMember } from '../../src/graph/directory';
import { runImport } from '../../src/graph/importRunner';
import { prepareImport } from '../../src/graph/importSession';
import type { RegisterStore } from '../../src/graph/types';
import { DEMO, startTestEmulator, type RunningEmulator } from '../support/emulator';
import { FORMULA_TEXT_TITLE, LONG_NAME, messyWorkbook } from '../support/messyWorkbook';
import { recordedClient } from './graphClient';

let emulator: RunningEmulator;
let client: GraphClient;
let store: RegisterStore;
let members: TeamMember[];
const today = londonDateOf(new Date());
const noWait = { sleep: async () => undefined };

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 2000 });
  client = recordedClient(emulator.url).client;
  store = openRegisterStore(client, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId });
  members = await listTeamMembers(client, DEMO.team.id);
});
afterAll(() => emulator.close());

async function sheetOf(name: string, bytes: Uint8Array) {
  const read = await readSpreadsheet(name, bytes);
  if (!read.ok) throw new Error(read.message);
  return read.sheet;
}

test('a messy workbook imports the good rows, matches owners by email, and reports the rest', async () => {
  const before = await store.list();
  const sheet = await sheetOf('systems.xlsx', await messyWorkbook());
  const prepared = await prepareImport({ client, store, members, sheet, today, lookup: noWait });
  expect(prepared.headerRowNumber).toBe(3);

  const result = await runImport(store, prepared.items);
  expect(result.complete).toBe(true);
  const outcome = Object.fromEntries(result.outcomes.map((row) => [row.title, row.outcome]));
  expect(outcome).toEqual({
    'Lexacom dictation': 'imported', 'Patient Triage tool': 'imported', 'Blood results viewer': 'skipped', [LONG_NAME]: 'skipped',
    'Lexacom Dictation': 'skipped', ARDENS: 'imported', 'iGPR reports': 'imported', [FORMULA_TEXT_TITLE]: 'imported',
  });

  const after = await store.list();
  expect(after).toHaveLength(before.length + 5);
  const byTitle = new Map(after.map((stored) => [stored.entry.title, stored.entry]));
  const lexacom = byTitle.get('Lexacom dictation')!;
  expect(lexacom.owner).toEqual({ entraId: DEMO.manager.id, displayName: DEMO.manager.displayName, upn: DEMO.manager.upn });
  expect(lexacom.lastReviewedOn).toBe('2025-03-01');
  expect(lexacom.supportPhone).toBe('0300 123 4567');
  expect(lexacom.notes).toBe('Reviewed 01/03/2025');
  expect(byTitle.get('Patient Triage tool')!.owner?.upn).toBe('tom.reed@nhs.net');
  expect(byTitle.get('Patient Triage tool')!.provision).toBe('icb-core');
  expect(byTitle.get('iGPR reports')!.supplier).toBe('Ardens Ltd');
  expect(byTitle.get(FORMULA_TEXT_TITLE)).toBeDefined();
  expect([...byTitle.keys()].some((title) => title.length > 255)).toBe(false);

  // The same file again: every row is now a duplicate of an existing entry, so nothing is written twice.
  const again = await prepareImport({ client, store, members, sheet, today, lookup: noWait });
  expect(again.items.filter((item) => item.write)).toHaveLength(0);
});

test('owners outside the team are found in the directory; names already in the register are not imported', async () => {
  const csv = `Service,Owner,Provision\nDocman,,ICB core\nPCN analytics,${DEMO.outsider.upn},PCN\n`;
  const prepared = await prepareImport({ client, store, members, sheet: await sheetOf('pcn.csv', new TextEncoder().encode(csv)), today, lookup: noWait });
  const [docman, analytics] = prepared.rows;
  expect(docman!.state).toBe('blocked');
  expect(docman!.problems.map((problem) => problem.message).join(' ')).toMatch(/already in the register/);
  expect(analytics!.state).toBe('ready');
  expect(prepared.items[1]!.entry.owner?.entraId).toBe(DEMO.outsider.id);
  expect(prepared.items[1]!.entry.provision).toBe('pcn-shared');
});

test('an import interrupted mid-run and retried neither duplicates nor loses rows', async () => {
  const rows = Array.from({ length: 10 }, (_, i) => `Interrupted service ${i + 1},Practice owned`).join('\n');
  const sheet = await sheetOf('ten.csv', new TextEncoder().encode(`Service name,Provision\n${rows}\n`));
  const prepared = await prepareImport({ client, store, members, sheet, today, lookup: noWait });
  expect(prepared.items.filter((item) => item.write)).toHaveLength(10);
  const faultIds: string[] = [];

  const first = await runImport(store, prepared.items, {
    onProgress: (done) => {
      if (done !== 3 || faultIds.length > 0) return;
      // Row 4 is written but its answer is lost (ambiguous); from row 5 the service fails.
      faultIds.push(emulator.faults.add({ method: 'POST', path: '/items$', status: 504, afterCommit: true, times: 1 }));
      faultIds.push(emulator.faults.add({ method: 'POST', path: '/items$', status: 500 }));
    },
  });
  expect(first.complete).toBe(false);
  const kinds = first.outcomes.map((row) => row.outcome);
  expect(kinds.slice(0, 4)).toEqual(['imported', 'imported', 'imported', 'imported']);
  expect(kinds[4]).toBe('failed');
  expect(kinds.slice(5)).toEqual(Array(5).fill('not-attempted'));
  const countOf = async () => (await store.list()).filter((stored) => stored.entry.title.startsWith('Interrupted service')).length;
  expect(await countOf()).toBe(4);

  faultIds.forEach((id) => emulator.faults.remove(id));
  const retry = await runImport(store, prepared.items);
  expect(retry.complete).toBe(true);
  expect(retry.outcomes.every((row) => row.outcome === 'imported')).toBe(true);
  const titles = (await store.list()).map((stored) => stored.entry.title).filter((title) => title.startsWith('Interrupted service'));
  expect(titles.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Interrupted service ${i + 1}`).sort());
  // The retry returned the very items the first run made for rows 1-4.
  expect(retry.outcomes.slice(0, 4).map((row) => row.id)).toEqual(first.outcomes.slice(0, 4).map((row) => row.id));
});
