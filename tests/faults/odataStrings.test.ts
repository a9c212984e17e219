/**
 * Matrix E6: search and filter text that breaks naive OData (quotes, ampersands, hashes, percent
 * signs, `' or 1 eq 1`, unicode, a long paste) never produces a malformed request. The emulator is
 * strict (a syntax error is a 400), so "never a 400" proves every request was well formed. Covered:
 * the directory search (`$search`), the People search and the register's EntryKey `$filter`.
 */
import { emptyEntry } from '../../src/domain';
import { listMyPeople, searchDirectory } from '../../src/graph';
import { startTestEmulator, type RunningEmulator } from '../support/emulator';
import { faultClient } from './faultRig';

export const ODATA_BREAKERS: readonly string[] = [
  "O'Neill",
  "' or 1 eq 1",
  "'') or (1 eq 1",
  "x' or fields/EntryKey ne 'y",
  'a & b',
  'a&$filter=1',
  '#hash',
  'a#b?c=d',
  '100%',
  '%27%20or%201%20eq%201',
  '%',
  '"quoted"',
  'back\\slash',
  '$search="x"',
  'a+b',
  'a/b',
  'semi;colon',
  '(unbalanced',
  ')',
  'Nguyễn Zoë',
  'محمد',
  '李小龙',
  '\u202Eevil',
  'emoji 🩺',
  'tab\tnew\nline',
  '   ',
  '*',
  '?',
  'x'.repeat(300),
];

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

it('directory and People searches: no malformed request for any breaker', async () => {
  const rig = faultClient(emulator.url);
  for (const text of ODATA_BREAKERS) {
    await searchDirectory(rig.client, text);
    await listMyPeople(rig.client, text);
  }
  const statuses = rig.sent.map((request) => request.status);
  const malformed = statuses.filter((status) => status === 400).length;
  expect(malformed).toBe(0);
  expect(statuses.every((status) => status === 200)).toBe(true);
  console.log(`OData-breaking search strings: malformed requests 0 of ${rig.sent.length} (${ODATA_BREAKERS.length} strings, directory + people)`);
});

it('EntryKey filter: a create whose outcome is unknown finds its own item by a hostile key, once', async () => {
  const rig = faultClient(emulator.url);
  const keys = ODATA_BREAKERS.filter((text) => text.trim() !== '' && text.length <= 255);
  for (const [index, key] of keys.entries()) {
    // Committed, then 504: the store must look the item up by its EntryKey (a $filter with the key in quotes).
    emulator.faults.add({ method: 'POST', path: '/lists/[^/]+/items$', status: 504, afterCommit: true, times: 1 });
    const created = await rig.store.create({ ...emptyEntry(), title: `Hostile key ${index}`, dataTypes: ['none'] }, key);
    expect(created.entry.title).toBe(`Hostile key ${index}`);
  }
  const lookups = rig.sent.filter((request) => request.path.includes('%24filter') || request.path.includes('$filter'));
  expect(lookups.length).toBe(keys.length);
  expect(lookups.filter((request) => request.status !== 200)).toEqual([]);
  const all = (await rig.store.list()).filter((stored) => stored.entry.title.startsWith('Hostile key '));
  expect(all).toHaveLength(keys.length);
  console.log(`EntryKey $filter with hostile keys: malformed requests 0 of ${lookups.length}; wrong item found 0; duplicates 0`);
});
