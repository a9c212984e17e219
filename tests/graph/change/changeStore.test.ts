/**
 * Change records against the emulator over HTTP, through the real Graph client: a change recorded is
 * read back as it was written; a retried create (same key) finds the first item; a workload check
 * written from two browsers at once keeps the later one and loses nothing else (If-Match, re-read,
 * re-apply); a go-live record keeps its gate outcome; an item edited by hand is counted, not shown.
 */
import { randomUUID } from 'node:crypto';
import { CHANGES_LIST, changeKeyFor, goLiveRecord, recordWorkloadCheck, workloadCheckDueFor, type ChangeRecord } from '../../../src/domain/change';
import { emptyEntry } from '../../../src/domain';
import { openChangeStoreIn, type ChangeStore } from '../../../src/graph/change';
import { findOrProvisionList } from '../../../src/graph/lists';
import { DEMO, startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { recordedClient } from '../graphClient';

let emulator: RunningEmulator;
let listId: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 200 });
  const { client } = recordedClient(emulator.url);
  listId = (await findOrProvisionList(client, DEMO.site.id, CHANGES_LIST)).id;
});

afterAll(async () => {
  await emulator.close();
});

async function storeAs(upn: string): Promise<{ store: ChangeStore; events: string[] }> {
  const { client, events } = recordedClient(emulator.url, upn);
  const store = await openChangeStoreIn(client, DEMO.site.id);
  if (!store) throw new Error('The changes list was not provisioned.');
  return { store, events };
}

function change(overrides: Partial<ChangeRecord> = {}): ChangeRecord {
  return {
    key: changeKeyFor(randomUUID()), entryId: '1', serviceTitle: 'EMIS Web', kind: 'change',
    whatChanged: 'New appointment book template for the winter clinics.',
    howTested: 'Built in the training system; two receptionists booked ten test appointments.',
    approvedBy: DEMO.manager.displayName, staffTold: 'Huddle on Monday and a quick guide on the shared drive.',
    goLiveOn: '2026-11-02', workloadCheckDue: workloadCheckDueFor('2026-11-02'), workloadCheck: null,
    gates: [], fromLifecycle: null, recordedBy: DEMO.manager.displayName, recordedAt: '2026-11-02T09:00:00.000Z',
    ...overrides,
  };
}

test('a change is recorded and read back as it was written, once per key', async () => {
  const { store, events } = await storeAs(DEMO.manager.upn);
  const record = change();
  const first = await store.create(record);
  expect(first.change).toEqual(record);
  const again = await store.create(record);
  expect(again.id).toBe(first.id);
  // Created on the documented path (listitem-create), into the changes list.
  expect(events.filter((line) => line.startsWith('POST ') && line.endsWith(`/lists/${listId}/items`))).toHaveLength(2);

  const { store: other } = await storeAs(DEMO.manager.upn);
  const listed = await other.list();
  expect(listed.unreadable).toBe(0);
  expect(listed.changes.filter((stored) => stored.change.key === record.key)).toEqual([expect.objectContaining({ id: first.id, change: record })]);
});

test('a go-live record keeps which gates were met and which were waived, by whom and why', async () => {
  const { store } = await storeAs(DEMO.manager.upn);
  const entry = { ...emptyEntry(), title: 'AI scribe (trial)', dataTypes: ['none' as const], clinicalSafetyStatus: 'not-applicable' as const };
  const waived = { ...entry, goLiveWaivers: (['supplier-dspt', 'training', 'downtime', 'access', 'escalation'] as const).map((gate) => ({ gate, by: DEMO.manager.displayName, reason: 'Pilot with the supplier on site.', on: '2026-11-02' })) };
  const record = goLiveRecord({ key: changeKeyFor(randomUUID()), entryId: '9', entry: waived, fromLifecycle: 'trial', by: DEMO.manager.displayName, today: '2026-11-02', at: '2026-11-02T10:00:00.000Z' });
  const stored = await store.create(record);
  const read = await store.get(stored.id);
  expect(read.change.kind).toBe('go-live');
  expect(read.change.gates).toEqual([
    { gate: 'dpia', state: 'met' },
    { gate: 'dcb0160', state: 'met' },
    ...(['supplier-dspt', 'training', 'downtime', 'access', 'escalation'] as const).map((gate) => ({ gate, state: 'waived', by: DEMO.manager.displayName, reason: 'Pilot with the supplier on site.' })),
  ]);
});

test('two people recording the workload check at once: the later one lands over the fresh copy (If-Match), nothing else is lost', async () => {
  const { store: mine } = await storeAs(DEMO.manager.upn);
  const colleague = DEMO.teamMembers.find((person) => person.upn !== DEMO.manager.upn)!;
  const { store: theirs, events } = await storeAs(colleague.upn);
  const created = await mine.create(change());
  const seenByBoth = await theirs.get(created.id);
  await mine.update(created.id, (record) => recordWorkloadCheck(record, { on: '2026-12-14', by: DEMO.manager.displayName, finding: 'Reception calls down.', actionNeeded: false }), created);
  // The colleague's copy is stale: the PATCH gets 412, the store reads again and re-applies.
  const saved = await theirs.update(seenByBoth.id, (record) => recordWorkloadCheck(record, { on: '2026-12-15', by: colleague.displayName, finding: 'Admin triage up an hour a day.', actionNeeded: true }), seenByBoth);
  expect(events.filter((line) => line.startsWith('PATCH ')).length).toBe(2);
  expect(saved.change.workloadCheck).toEqual({ on: '2026-12-15', by: colleague.displayName, finding: 'Admin triage up an hour a day.', actionNeeded: true });
  expect(saved.change.whatChanged).toBe(created.change.whatChanged);
  expect((await mine.get(created.id)).change.workloadCheck?.by).toBe(colleague.displayName);
});

test('an item edited by hand in SharePoint into something unreadable is counted, never half-shown', async () => {
  const { client } = recordedClient(emulator.url);
  await client.api(`/sites/${DEMO.site.id}/lists/${listId}/items`).post({ fields: { Title: 'Typed by hand', ChangeKey: 'by-hand', EntryId: '1', ChangeKind: 'Go-live' } });
  const { store } = await storeAs(DEMO.manager.upn);
  const listed = await store.list();
  expect(listed.unreadable).toBe(1);
  expect(listed.changes.some((stored) => stored.change.key === 'by-hand')).toBe(false);
});
