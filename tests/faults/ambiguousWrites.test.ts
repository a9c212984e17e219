/**
 * Ambiguous failures (matrix B3): the emulator commits the write and then answers 504 (afterCommit).
 * The client re-reads and reports the truth: the create returns the one item it made (found by its
 * EntryKey), the update reports success (not a false conflict), the delete reports success. Fifty
 * seeded trials of each; single cases are also in tests/graph/register/registerStore.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { emptyEntry } from '../../src/domain';
import { startTestEmulator, type RunningEmulator } from '../support/emulator';
import { faultClient } from './faultRig';

const TRIALS = 50;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

it(`create answered 504 after it committed: no duplicate in ${TRIALS} trials`, async () => {
  const rig = faultClient(emulator.url);
  const keys: string[] = [];
  for (let trial = 0; trial < TRIALS; trial += 1) {
    emulator.faults.add({ method: 'POST', path: '/lists/[^/]+/items$', status: 504, afterCommit: true, times: 1 });
    const key = randomUUID();
    keys.push(key);
    const created = await rig.store.create({ ...emptyEntry(), title: `Ambiguous create ${trial}`, dataTypes: ['none'] }, key);
    expect(created.entry.title).toBe(`Ambiguous create ${trial}`);
  }
  const all = (await rig.store.list()).filter((stored) => stored.entry.title.startsWith('Ambiguous create '));
  const duplicates = all.length - new Set(all.map((stored) => stored.entry.title)).size;
  expect(all).toHaveLength(TRIALS);
  expect(duplicates).toBe(0);
  expect(rig.sent.filter((request) => request.method === 'POST')).toHaveLength(TRIALS);
  console.log(`ambiguous 504 on create: duplicates 0 of ${TRIALS}; reported as saved ${TRIALS} of ${TRIALS}`);
});

it(`update answered 504 after it committed: reported as saved, 0 false conflicts in ${TRIALS} trials`, async () => {
  const rig = faultClient(emulator.url);
  let stored = await rig.store.create({ ...emptyEntry(), title: 'Ambiguous update', dataTypes: ['none'] }, randomUUID());
  let falseConflicts = 0;
  for (let trial = 0; trial < TRIALS; trial += 1) {
    emulator.faults.add({ method: 'PATCH', path: '/items/[^/]+/fields$', status: 504, afterCommit: true, times: 1 });
    try {
      stored = await rig.store.update(stored.id, stored.eTag, { ...stored.entry, notes: `edit ${trial}` });
    } catch {
      falseConflicts += 1;
      stored = await rig.store.get(stored.id);
    }
    expect(stored.entry.notes).toBe(`edit ${trial}`);
  }
  const versions = await rig.store.versions(stored.id);
  expect(falseConflicts).toBe(0);
  // One version per edit plus the create: nothing applied twice.
  expect(versions).toHaveLength(TRIALS + 1);
  console.log(`ambiguous 504 on update: false conflicts 0 of ${TRIALS}; edits applied twice 0`);
});

it('delete answered 504 after it committed: reported as done, the entry is gone', async () => {
  const rig = faultClient(emulator.url);
  const stored = await rig.store.create({ ...emptyEntry(), title: 'Ambiguous delete', dataTypes: ['none'] }, randomUUID());
  emulator.faults.add({ method: 'DELETE', path: '/items/[^/]+$', status: 504, afterCommit: true, times: 1 });
  await rig.store.delete(stored.id, stored.eTag);
  expect((await rig.store.list()).filter((item) => item.id === stored.id)).toHaveLength(0);
  console.log('ambiguous 504 on delete: false failures 0 of 1');
});
