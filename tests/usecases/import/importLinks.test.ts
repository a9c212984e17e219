/**
 * The import's "depends on" column against the emulator: names in the register are linked at
 * once, rows of the same file are linked in a second pass with If-Match once they exist, and a run
 * repeated after the links were made adds nothing twice.
 */
import { londonDateOf } from '../../../src/domain';
import { openRegisterStore, type GraphClient } from '../../../src/graph';
import { listTeamMembers, type TeamMember } from '../../../src/graph/people/directory';
import { runImport } from '../../../src/usecases';
import { prepareImport } from '../../../src/usecases';
import type { RegisterStore } from '../../../src/graph/types';
import { DEMO, startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { recordedClient } from '../../graph/graphClient';

let emulator: RunningEmulator;
let client: GraphClient;
let store: RegisterStore;
let members: TeamMember[];
const today = londonDateOf(new Date());
const noWait = { sleep: async () => undefined };

beforeAll(async () => {
  emulator = await startTestEmulator();
  client = recordedClient(emulator.url).client;
  store = openRegisterStore(client, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId });
  members = await listTeamMembers(client, DEMO.team.id);
});
afterAll(() => emulator.close());

function csvSheet(text: string) {
  return { sheetName: '', rows: text.trim().split('\n').map((line, index) => ({ rowNumber: index + 1, cells: line.split('|') })), notes: [] };
}

test('depends-on names link to the register at once and to rows of the same file after they are created', async () => {
  const before = await store.list();
  const emis = before.find((stored) => stored.entry.title === 'EMIS Web');
  expect(emis).toBeDefined();
  const sheet = csvSheet(`
Service|Integrates with|Notes
Results viewer|emis web; Lab bridge|
Lab bridge|Results Viewer, Courier app|
Scan station|Lab Bridge; Fax machine|From the old list`);
  const prepared = await prepareImport({ client, store, members, sheet, today, lookup: noWait });
  const result = await runImport(store, prepared.items);
  expect(result.complete).toBe(true);

  const after = new Map((await store.list()).map((stored) => [stored.entry.title, stored]));
  const viewer = after.get('Results viewer');
  const bridge = after.get('Lab bridge');
  const scanner = after.get('Scan station');
  expect(viewer?.entry.dependsOn.map((dependency) => dependency.entryId)).toEqual([emis?.id, bridge?.id]);
  expect(bridge?.entry.dependsOn).toEqual([{ entryId: viewer?.id, title: 'Results viewer', kind: 'integration', why: '' }]);
  expect(scanner?.entry.dependsOn.map((dependency) => dependency.title)).toEqual(['Lab bridge']);
  expect(scanner?.entry.notes).toBe('From the old list\nDepends on (not found in the register or this file): Fax machine');
  expect(bridge?.entry.notes).toBe('Depends on (not found in the register or this file): Courier app');
  expect(result.outcomes.find((outcome) => outcome.title === 'Results viewer')?.message).toBe('Linked to “Lab bridge” from this file.');
  // What the run returns is what the register holds (the tab puts these rows on screen).
  expect(result.imported.find((saved) => saved.id === viewer?.id)?.eTag).toBe(viewer?.eTag);

  // Running the same items again (an interrupted run retried) finds every entry and link already there.
  const again = await runImport(store, prepared.items);
  expect(again.complete).toBe(true);
  const third = new Map((await store.list()).map((stored) => [stored.entry.title, stored]));
  expect(third.get('Results viewer')?.entry.dependsOn).toHaveLength(2);
  expect(third.get('Results viewer')?.eTag).toBe(viewer?.eTag);
});

test('a link to a row that is not imported is kept in Notes', async () => {
  const sheet = csvSheet(`
Service|Depends on
Pathology portal|Old pathology link
Old pathology link|`);
  const prepared = await prepareImport({ client, store, members, sheet, today, lookup: noWait });
  const items = prepared.items.map((item) => (item.entry.title === 'Old pathology link' ? { ...item, write: false, reason: 'Left out by the user.' } : item));
  const result = await runImport(store, items);
  expect(result.complete).toBe(true);
  const portal = (await store.list()).find((stored) => stored.entry.title === 'Pathology portal');
  expect(portal?.entry.dependsOn).toEqual([]);
  expect(portal?.entry.notes).toBe('Depends on (row not imported): Old pathology link (row 3)');
});
