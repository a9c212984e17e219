/** The register store against the emulator over HTTP, through the real Graph client. */
import { randomUUID } from 'node:crypto';
import { ConflictError, DateOutOfRangeError, GraphError, openRegisterStore, type RegisterStore } from '../../../src/graph';
import { DEMO, startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { fullEntry } from '../fullEntry';
import { recordedClient, type RecordedClient } from '../graphClient';

const LOCATION = { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId };

let emulator: RunningEmulator;
let recorded: RecordedClient;
let store: RegisterStore;

beforeAll(async () => {
  emulator = await startTestEmulator();
  recorded = recordedClient(emulator.url);
  store = openRegisterStore(recorded.client, LOCATION, { pageSize: 5 });
});

afterAll(async () => {
  await emulator.close();
});

afterEach(() => {
  emulator.faults.clear();
});

async function itemsWithTitle(title: string) {
  return (await store.list()).filter((stored) => stored.entry.title === title);
}

describe('register store on the emulator', () => {
  it('creates, lists, reads, updates and deletes an entry, keeping every field', async () => {
    const entry = fullEntry('Round trip service');
    const created = await store.create(entry, randomUUID());
    expect(created.entry).toEqual(entry);
    expect(created.eTag).toMatch(/^"\{[0-9A-F-]{36}\},\d+"$/i);
    expect(created.createdBy).toBe(DEMO.manager.displayName);

    expect((await itemsWithTitle('Round trip service')).map((stored) => stored.id)).toEqual([created.id]);
    expect((await store.get(created.id)).entry).toEqual(entry);

    const changed = fullEntry('Round trip service', { lifecycle: 'retiring', nextReviewDue: '2026-03-29', owner: null, dataTypes: [], notes: '' });
    const updated = await store.update(created.id, created.eTag, changed);
    expect(updated.entry).toEqual(changed);
    expect(updated.eTag).not.toBe(created.eTag);
    expect((await store.get(created.id)).entry).toEqual(changed);

    await store.delete(created.id, updated.eTag);
    await expect(store.get(created.id)).rejects.toMatchObject({ status: 404 });
    expect(await itemsWithTitle('Round trip service')).toEqual([]);
  });

  it('lists every entry across pages when there are more than one page', async () => {
    const titles = Array.from({ length: 12 }, (_, index) => `Paged service ${index + 1}`);
    for (const title of titles) await store.create(fullEntry(title), randomUUID());
    const before = recorded.events.length;
    const all = await store.list();
    const pageRequests = recorded.events.slice(before).filter((line) => line.startsWith('GET ') && line.includes('/items'));
    expect(pageRequests.length).toBeGreaterThan(2);
    expect(new Set(all.map((stored) => stored.id)).size).toBe(all.length);
    expect(all.map((stored) => stored.entry.title)).toEqual(expect.arrayContaining(titles));
  });

  it('refuses an update with a stale eTag: ConflictError with the current entry, item unchanged', async () => {
    const created = await store.create(fullEntry('Conflict service'), randomUUID());
    const theirs = await store.update(created.id, created.eTag, fullEntry('Conflict service', { notes: 'Tom changed this' }));

    const failure = (await store
      .update(created.id, created.eTag, fullEntry('Conflict service', { notes: 'Priya changed this' }))
      .catch((error: unknown) => error)) as ConflictError;
    expect(failure).toBeInstanceOf(ConflictError);
    expect(failure.current).toMatchObject({ eTag: theirs.eTag, entry: { notes: 'Tom changed this' } });
    expect(await store.get(created.id)).toMatchObject({ eTag: theirs.eTag, entry: { notes: 'Tom changed this' } });
    await expect(store.delete(created.id, created.eTag)).rejects.toBeInstanceOf(ConflictError);
    expect((await store.get(created.id)).eTag).toBe(theirs.eTag);
  });

  it('a retried create with the same entry key makes one item', async () => {
    const key = randomUUID();
    const first = await store.create(fullEntry('Double click service'), key);
    const second = await store.create(fullEntry('Double click service'), key);
    expect(second.id).toBe(first.id);
    expect(await itemsWithTitle('Double click service')).toHaveLength(1);
  });

  it('keeps versions: who changed what, newest first', async () => {
    const created = await store.create(fullEntry('Versioned service', { notes: 'v1' }), randomUUID());
    const second = await store.update(created.id, created.eTag, fullEntry('Versioned service', { notes: 'v2' }));
    await store.update(created.id, second.eTag, fullEntry('Versioned service', { notes: 'v3' }));
    const versions = await store.versions(created.id);
    expect(versions.map((version) => version.entry.notes)).toEqual(['v3', 'v2', 'v1']);
    expect(versions.every((version) => version.modifiedBy === DEMO.manager.displayName)).toBe(true);
  });

  it("honours the emulator's 429 Retry-After before retrying a read", async () => {
    const created = await store.create(fullEntry('Throttled service'), randomUUID());
    emulator.faults.add({ method: 'GET', path: '/items/', status: 429, retryAfter: 2.5, times: 1 });
    const before = recorded.events.length;
    expect((await store.get(created.id)).id).toBe(created.id);
    const events = recorded.events.slice(before);
    expect(events).toHaveLength(3);
    expect(events[1]).toBe('sleep 2500');
    expect(events[0]).toBe(events[2]);
    expect(emulator.faults.fired.at(-1)).toMatchObject({ status: 429 });
  });

  it('a create answered 504 after it committed leaves exactly one item', async () => {
    emulator.faults.add({ method: 'POST', path: '/items$', status: 504, afterCommit: true, times: 1 });
    const created = await store.create(fullEntry('Ambiguous create service'), randomUUID());
    expect(created.entry.title).toBe('Ambiguous create service');
    expect(await itemsWithTitle('Ambiguous create service')).toHaveLength(1);
    expect(emulator.faults.fired.at(-1)).toMatchObject({ method: 'POST', status: 504 });
  });

  it('an update answered 504 after it committed, then 412 on the retry, is a success', async () => {
    const created = await store.create(fullEntry('Ambiguous update service'), randomUUID());
    emulator.faults.add({ method: 'PATCH', path: '/fields$', status: 504, afterCommit: true, times: 1 });
    const mine = fullEntry('Ambiguous update service', { notes: 'saved once' });
    const updated = await store.update(created.id, created.eTag, mine);
    expect(updated.entry).toEqual(mine);
    expect((await store.versions(created.id)).length).toBe(2);
    expect(emulator.faults.fired.at(-1)).toMatchObject({ method: 'PATCH', status: 504 });
  });

  it('refuses absurd dates on create and update before any request, with the form\'s message (issue 14)', async () => {
    const dated = openRegisterStore(recorded.client, LOCATION, { today: () => '2026-06-15' });
    const before = recorded.events.length;
    const absurd = fullEntry('Absurd dates', { nextReviewDue: '9999-12-31', continuityLastTested: '1850-01-01' });
    const refused = dated.create(absurd, randomUUID());
    await expect(refused).rejects.toBeInstanceOf(DateOutOfRangeError);
    await expect(refused).rejects.toThrow(/Next review due date is more than 5 years ahead: enter a date between 1 January 2000 and 15 June 2031/);
    await expect(refused).rejects.toThrow(/Continuity test date is before 2000/);
    const created = await dated.create(fullEntry('Absurd dates'), randomUUID());
    await expect(dated.update(created.id, created.eTag, { ...created.entry, dpiaDate: '0001-01-01' })).rejects.toThrow(/DPIA date is before 2000/);
    expect(recorded.events.slice(before).filter((line) => !line.startsWith('GET ')).length).toBe(1);
    expect((await dated.get(created.id)).entry.dpiaDate).toBe(created.entry.dpiaDate);
  });

  it('reports a missing entry as GraphError 404', async () => {
    await expect(store.get('999999')).rejects.toBeInstanceOf(GraphError);
  });
});
