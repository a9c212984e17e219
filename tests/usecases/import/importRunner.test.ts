/**
 * The import core against the emulator: a messy real-world-style workbook goes in, the rows that
 * should be written are written (with owners matched in the directory), the rest are reported;
 * an import interrupted mid-run (fault injection) and run again leaves no duplicates and no gaps.
 */
import { londonDateOf } from '../../../src/domain';
import { readSpreadsheet } from '../../../src/domain/spreadsheetFiles/readSpreadsheet';
import { openRegisterStore, type GraphClient } from '../../../src/graph';
import { listTeamMembers, type TeamMember } from '../../../src/graph/people/directory';
import { runImport } from '../../../src/usecases';
import { prepareImport } from '../../../src/usecases';
import type { RegisterStore } from '../../../src/graph/types';
import { DEMO, startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { FORMULA_TEXT_TITLE, LONG_NAME, LONG_NAME_CUT, messyWorkbook, practiceItSystemsList } from '../../support/messyWorkbook';
import { recordedClient } from '../../graph/graphClient';

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

test('a messy workbook imports every named row (warnings kept in Notes), matches owners by email, and merges the repeated row', async () => {
  const before = await store.list();
  const sheet = await sheetOf('systems.xlsx', await messyWorkbook());
  const prepared = await prepareImport({ client, store, members, sheet, today, lookup: noWait });
  expect(prepared.headerRowNumber).toBe(3);

  const result = await runImport(store, prepared.items);
  expect(result.complete).toBe(true);
  const outcome = Object.fromEntries(result.outcomes.map((row) => [row.title, row.outcome]));
  expect(outcome).toEqual({
    'Lexacom dictation': 'imported', 'Patient Triage tool': 'imported', 'Blood results viewer': 'imported', [LONG_NAME_CUT]: 'imported',
    'Lexacom Dictation': 'merged', ARDENS: 'imported', 'iGPR reports': 'imported', [FORMULA_TEXT_TITLE]: 'imported',
  });

  const after = await store.list();
  expect(after).toHaveLength(before.length + 7);
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
  expect(byTitle.get(LONG_NAME_CUT)!.notes).toBe(`Service name (in full): ${LONG_NAME}`);
  expect(byTitle.get('Blood results viewer')!.notes.split('\n').sort()).toEqual(['Last reviewed on: last spring', 'Provision: Ask Dave']);

  // The same file again: every row is now a duplicate of an existing entry, so nothing is written twice.
  const again = await prepareImport({ client, store, members, sheet, today, lookup: noWait });
  expect(again.items.filter((item) => item.write)).toHaveLength(0);
});

test('owners outside the team are found in the directory; names already in the register are not imported', async () => {
  const csv = `Service,Owner,Provision\nDocman,,ICB core\nPCN analytics,${DEMO.outsider.upn},PCN\n`;
  const prepared = await prepareImport({ client, store, members, sheet: await sheetOf('pcn.csv', new TextEncoder().encode(csv)), today, lookup: noWait });
  const [docman, analytics] = prepared.rows;
  expect(docman!.duplicate).toMatchObject({ kind: 'existing', matches: 'Docman' });
  expect(prepared.items[0]).toMatchObject({ write: false, reason: '"Docman" is already in the register (as "Docman"): skipped, as chosen.' });
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

test('the IT systems list against a register that already has EMIS Web: merged with If-Match, keeping a change made after the preview', async () => {
  const sheet = await sheetOf('IT systems list.xlsx', await practiceItSystemsList());
  const emisBefore = (await store.list()).find((stored) => stored.entry.title === 'EMIS Web')!;
  const prepared = await prepareImport({ client, store, members, sheet, today, lookup: noWait, choices: new Map([[4, 'merge'], [19, 'merge']]) });
  const emisRow = prepared.rows.find((row) => row.rowNumber === 4)!;
  expect(emisRow.duplicate).toMatchObject({ kind: 'existing', matches: 'EMIS Web', existing: { id: emisBefore.id, eTag: emisBefore.eTag } });
  expect(prepared.account.unaccounted).toBe(0);
  expect(prepared.items.find((item) => item.rowNumber === 4)).toMatchObject({ write: true, action: 'merge' });
  expect(prepared.items.find((item) => item.rowNumber === 4)!.entry.owner?.upn).toBe(DEMO.manager.upn); // "Priya Shah <priya.shah@nhs.net>"

  // Someone edits EMIS Web between the preview and the write: the merge's If-Match fails, and it is redone on their version.
  await store.update(emisBefore.id, emisBefore.eTag, { ...emisBefore.entry, supportHours: 'Edited after the preview' });
  const result = await runImport(store, prepared.items);
  expect(result.complete).toBe(true);
  expect(result.outcomes.filter((row) => row.rowNumber === 4 || row.rowNumber === 19).map((row) => row.outcome)).toEqual(['merged', 'merged']);
  const emis = (await store.get(emisBefore.id)).entry;
  expect(emis.supportHours).toBe('Edited after the preview');
  expect(emis.supplier).toBe(emisBefore.entry.supplier); // never overwritten
  expect(emis.notes).toContain('Spreadsheet row 4: ');
  expect(emis.notes).toContain('duplicate line, added by reception');
  expect((await store.list()).filter((stored) => stored.entry.title.trim().toLowerCase() === 'emis web')).toHaveLength(1);

  // Running it again (an interrupted import retried): the merges have nothing left to do.
  const eTag = (await store.get(emisBefore.id)).eTag;
  const again = await runImport(store, prepared.items.filter((item) => item.rowNumber === 4));
  expect(again.outcomes[0]).toMatchObject({ outcome: 'merged' });
  expect((await store.get(emisBefore.id)).eTag).toBe(eTag);
});
