/**
 * 500 and 502 on a save (matrix A6) are not retried blindly: a create reaches the emulator exactly
 * once and the failure is reported; an update is never repeated without first re-reading the entry
 * (and then only with If-Match, which cannot apply twice). Nothing is written by the failed save,
 * so the form (tests/e2e/faultsSave.test.ts) keeps the input for the user to retry.
 */
import { randomUUID } from 'node:crypto';
import { emptyEntry } from '../../src/domain';
import { GraphError } from '../../src/graph';
import { startTestEmulator, type RunningEmulator } from '../support/emulator';
import { faultClient } from './faultRig';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

describe.each([500, 502] as const)('%i on a save', (status) => {
  it('create: exactly one POST reached the emulator, the error is reported, nothing was added', async () => {
    const rig = faultClient(emulator.url);
    const title = `Server error create ${status} ${randomUUID()}`;
    emulator.faults.add({ method: 'POST', path: '/lists/[^/]+/items$', status });
    const error = await rig.store.create({ ...emptyEntry(), title, dataTypes: ['none'] }, randomUUID()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(status);
    const posts = rig.sent.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(rig.waits).toEqual([]);
    emulator.faults.clear();
    expect((await rig.store.list()).filter((stored) => stored.entry.title === title)).toHaveLength(0);
    console.log(`${status} on create: POSTs that reached the emulator 1 of 1; blind retries 0; items added 0`);
  });

  it('update: never re-sent without a re-read first (and If-Match); the entry is unchanged', async () => {
    const rig = faultClient(emulator.url);
    const stored = await rig.store.create({ ...emptyEntry(), title: `Server error update ${status}`, dataTypes: ['none'] }, randomUUID());
    rig.sent.length = 0;
    emulator.faults.add({ method: 'PATCH', path: '/items/[^/]+/fields$', status });
    const error = await rig.store.update(stored.id, stored.eTag, { ...stored.entry, notes: 'typed by the user' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(status);
    const sequence = rig.sent.map((request) => request.method);
    // PATCH, a GET to learn whether it was applied, then (eTag unchanged) one repeat with If-Match, then a last check.
    expect(sequence).toEqual(['PATCH', 'GET', 'PATCH', 'GET']);
    const blind = sequence.filter((method, index) => method === 'PATCH' && index > 0 && sequence[index - 1] !== 'GET').length;
    expect(blind).toBe(0);
    emulator.faults.clear();
    const after = await rig.store.get(stored.id);
    expect(after.eTag).toBe(stored.eTag);
    expect(after.entry.notes).toBe('');
    console.log(`${status} on update: PATCHes repeated without a re-read 0; writes applied 0; error shown to the user 1`);
  });
});
