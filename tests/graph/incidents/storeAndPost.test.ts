/**
 * Incidents against the emulator over HTTP, through the real Graph client: the store in the
 * incidents list (create, concurrent edits, restore), and the delegated post of the incident card
 * with its updates threaded under it, each key posted once, with throttling and ambiguous failures
 * injected.
 */
import { randomUUID } from 'node:crypto';
import type { StoredEntry } from '../../../src/domain/entry';
import {
  addIncidentUpdate,
  addSupplierReference,
  declareIncident,
  incidentKeyFor,
  incidentUpdateKey,
  INCIDENTS_LIST,
  restoredKey,
  restoreIncident,
  type StoredIncident,
} from '../../../src/domain/incidents';
import { openRegisterStore } from '../../../src/graph';
import {
  AmbiguousPostError,
  openIncidentStore,
  postIncidentCard,
  postUnpostedCards,
  RootNotPostedError,
  type IncidentCardContext,
  type IncidentStore,
} from '../../../src/graph/incidents';
import { findOrProvisionList } from '../../../src/graph/lists';
import { DEMO, startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { createGraphClient } from '../../../src/graph';
import { tokenSourceFor } from '../../support/emulator';
import type { RecordedClient } from '../graphClient';

const CHANNEL = { teamId: DEMO.team.id, channelId: DEMO.channel.id };
const entryLink = (id: string) => `https://teams.microsoft.com/l/entity/app/register?context=${encodeURIComponent(JSON.stringify({ subEntityId: `entry:${id}` }))}`;

let emulator: RunningEmulator;
let priya: RecordedClient;
let tom: RecordedClient;
let storeP: IncidentStore;
let storeT: IncidentStore;
let entries: StoredEntry[];

interface ChannelMessage {
  id: string;
  replyToId: string | null;
  from: { user: { displayName: string } | null };
  attachments: { content: string }[];
}

async function channelMessages(): Promise<ChannelMessage[]> {
  const response = await fetch(`${emulator.url}/emulator/channel/messages?teamId=${encodeURIComponent(CHANNEL.teamId)}&channelId=${encodeURIComponent(CHANNEL.channelId)}`);
  return ((await response.json()) as { value: ChannelMessage[] }).value;
}

/** Messages carrying a card with `text` somewhere in it. */
async function cardsMentioning(text: string): Promise<ChannelMessage[]> {
  return (await channelMessages()).filter((m) => m.attachments.some((a) => a.content.includes(text)));
}

function declare(entry: StoredEntry, marker: string) {
  return declareIncident(
    {
      key: incidentKeyFor(randomUUID()),
      entryId: entry.id,
      serviceTitle: entry.entry.title,
      impact: 'down',
      seen: `Nothing loads marker ${marker}`,
      startedAt: '2026-03-02T08:15:00Z',
      declaredBy: { displayName: DEMO.manager.displayName, entraId: DEMO.manager.id },
    },
    new Date('2026-03-02T08:20:00Z'),
  );
}

/** A delegated token of Graph Explorer (consented to every documented permission of the emulated routes) that may read channel messages. */
async function readerToken(): Promise<string> {
  const body = { upn: DEMO.manager.upn, scopes: ['ChannelMessage.Read.All'], appId: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064' };
  const response = await fetch(`${emulator.url}/emulator/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return ((await response.json()) as { access_token: string }).access_token;
}

function context(client: RecordedClient, store: IncidentStore): IncidentCardContext {
  return { client: client.client, store, channel: CHANNEL, entries, entryLink };
}

/**
 * Like tests/graph/graphClient.ts, but each wait is also slept for real up to 1.1 s: the emulator
 * keeps Teams' limit of 4 posts a second per channel on, and its Retry-After (under a second) must
 * really pass. Longer injected waits are recorded, not waited for (the fault fires by count).
 */
function recordedClient(url: string, upn: string): RecordedClient {
  const events: string[] = [];
  const waits: number[] = [];
  const client = createGraphClient({
    baseUrl: url,
    tokenSource: tokenSourceFor(url, upn),
    fetchImpl: async (input, init) => {
      events.push(`${(init?.method ?? 'GET').toUpperCase()} ${String(input).slice(url.length)}`);
      return fetch(input, init);
    },
    sleep: async (ms) => {
      waits.push(ms);
      events.push(`sleep ${ms}`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 1100)));
    },
  });
  return { client, events, waits };
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  priya = recordedClient(emulator.url, DEMO.manager.upn);
  tom = recordedClient(emulator.url, DEMO.staff.upn);
  const list = await findOrProvisionList(priya.client, DEMO.site.id, INCIDENTS_LIST);
  storeP = openIncidentStore(priya.client, { siteId: DEMO.site.id, listId: list.id }, { pageSize: 3 });
  storeT = openIncidentStore(tom.client, { siteId: DEMO.site.id, listId: list.id });
  entries = await openRegisterStore(priya.client, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId }).list();
  expect(entries.length).toBeGreaterThan(0);
});

afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

describe('incident store', () => {
  it('creates an incident and reads it back whole; a repeated create finds the same item', async () => {
    const incident = declare(entries[0]!, 'create');
    const created = await storeP.create(incident);
    expect(created.incident).toEqual(incident);
    expect(created.eTag).toMatch(/^"\{[0-9A-F-]{36}\},\d+"$/i);
    const again = await storeP.create(incident);
    expect(again.id).toBe(created.id);
    expect((await storeP.findByKey(incident.key))?.id).toBe(created.id);
  });

  it('creates exactly one item when the first attempt lands but its answer is lost (504 after commit)', async () => {
    const incident = declare(entries[0]!, 'ambiguous create');
    emulator.faults.add({ method: 'POST', path: '/items$', status: 504, afterCommit: true, times: 1 });
    const created = await storeP.create(incident);
    expect(created.incident.key).toBe(incident.key);
    expect((await storeP.list()).filter((s) => s.incident.key === incident.key)).toHaveLength(1);
  });

  it('lists every incident across pages, and the open ones by the indexed State column', async () => {
    for (let n = 0; n < 4; n += 1) await storeP.create(declare(entries[0]!, `paged ${n}`));
    const restored = await storeP.create(declare(entries[0]!, 'restored one'));
    await storeP.change(restored, (i) => restoreIncident(i, { by: 'Priya', restoredAt: '2026-03-02T09:00:00Z' }, new Date('2026-03-02T09:05:00Z')));
    const all = await storeP.list();
    expect(all.length).toBeGreaterThanOrEqual(6);
    const open = await storeP.listOpen();
    expect(open.every((s) => s.incident.state === 'open')).toBe(true);
    expect(open.some((s) => s.id === restored.id)).toBe(false);
    expect(all.some((s) => s.id === restored.id)).toBe(true);
  });

  it('loses nothing under a concurrent edit: the stale writer gets 412, reloads and re-applies', async () => {
    const created = await storeP.create(declare(entries[0]!, 'concurrent'));
    const seenByTom: StoredIncident = await storeT.get(created.id);
    const uKey = incidentUpdateKey(created.incident.key, randomUUID());
    const rKey = incidentUpdateKey(created.incident.key, randomUUID());
    const afterPriya = await storeP.change(created, (i) => addIncidentUpdate(i, { key: uKey, text: 'Supplier investigating', by: 'Priya Shah' }, new Date('2026-03-02T08:30:00Z')));
    const before = tom.events.length;
    const afterTom = await storeT.change(seenByTom, (i) => addSupplierReference(i, { key: rKey, reference: 'INC0099', by: 'Tom Reed' }, new Date('2026-03-02T08:31:00Z')));
    const patches = tom.events.slice(before).filter((e) => e.startsWith('PATCH '));
    expect(patches).toHaveLength(2); // the stale one (412), then the re-applied one
    expect(afterTom.incident.updates.map((u) => u.key)).toEqual([uKey, rKey]);
    expect(afterTom.incident.supplierReference).toBe('INC0099');
    expect(afterTom.eTag).not.toBe(afterPriya.eTag);
    // Re-applying the same change writes nothing.
    const again = await storeT.change(afterTom, (i) => addSupplierReference(i, { key: rKey, reference: 'INC0099', by: 'Tom Reed' }, new Date()));
    expect(again.eTag).toBe(afterTom.eTag);
  });

  it('keeps one update when the write lands but its answer is lost', async () => {
    const created = await storeP.create(declare(entries[0]!, 'ambiguous patch'));
    const uKey = incidentUpdateKey(created.incident.key, 1);
    emulator.faults.add({ method: 'PATCH', path: '/fields$', status: 504, afterCommit: true, times: 1 });
    const changed = await storeP.change(created, (i) => addIncidentUpdate(i, { key: uKey, text: 'once', by: 'Priya' }, new Date()));
    expect(changed.incident.updates.map((u) => u.key)).toEqual([uKey]);
  });

  it('records the duration when restored', async () => {
    const created = await storeP.create(declare(entries[0]!, 'restore'));
    const restored = await storeP.change(created, (i) => restoreIncident(i, { by: 'Tom Reed', restoredAt: '2026-03-02T10:20:00Z', cause: 'Supplier fault' }, new Date('2026-03-02T10:30:00Z')));
    expect(restored.incident).toMatchObject({ state: 'restored', restoredAt: '2026-03-02T10:20:00.000Z', cause: 'Supplier fault' });
    const raw = (await priya.client.api(`/sites/${DEMO.site.id}/lists/${storeP.location.listId}/items/${created.id}?expand=fields`).get()) as { fields: Record<string, unknown> };
    expect(raw.fields).toMatchObject({ State: 'Restored', DurationMinutes: 125, RestoredAt: '2026-03-02T10:20:00.000Z' });
  });
});

describe('delegated channel post', () => {
  it('posts the incident card, then each update as a reply under it, and records thread and keys', async () => {
    const incident = declare(entries[0]!, 'thread');
    let stored = await storeP.create(incident);
    const uKey = incidentUpdateKey(incident.key, randomUUID());
    stored = await storeP.change(stored, (i) => addIncidentUpdate(i, { key: uKey, text: 'Supplier says an hour', by: 'Priya Shah' }, new Date('2026-03-02T08:40:00Z')));
    await expect(postIncidentCard(context(priya, storeP), stored, uKey)).rejects.toBeInstanceOf(RootNotPostedError);

    const root = await postIncidentCard(context(priya, storeP), stored, incident.key);
    expect(root.status).toBe('posted');
    const reply = await postIncidentCard(context(tom, storeT), root.stored, uKey);
    expect(reply.status).toBe('posted');
    stored = await storeP.change(reply.stored, (i) => restoreIncident(i, { by: 'Tom Reed', restoredAt: '2026-03-02T09:20:00Z' }, new Date('2026-03-02T09:30:00Z')));
    stored = await postUnpostedCards(context(tom, storeT), stored);

    expect(stored.incident.thread).toEqual({ ...CHANNEL, messageId: root.status === 'posted' ? root.messageId : '' });
    expect(stored.incident.postedKeys).toEqual([incident.key, uKey, restoredKey(incident.key)]);
    const messages = await cardsMentioning('marker thread');
    expect(messages).toHaveLength(1);
    const rootMessage = messages[0]!;
    const replies = (await channelMessages()).filter((m) => m.replyToId === rootMessage.id);
    expect(replies).toHaveLength(2);
    expect(replies.map((m) => m.from.user?.displayName)).toEqual([DEMO.staff.displayName, DEMO.staff.displayName]);
    expect(replies[1]!.attachments[0]!.content).toContain('is restored');

    // Graph's own view (a reader with ChannelMessage.Read.All, which the app does not ask for):
    // the channel lists the root only; its replies come from /replies (chatmessage-list-replies.md).
    const base = `${emulator.url}/v1.0/teams/${CHANNEL.teamId}/channels/${encodeURIComponent(CHANNEL.channelId)}/messages`;
    const headers = { Authorization: `Bearer ${await readerToken()}` };
    const roots = (await (await fetch(base, { headers })).json()) as { value: { id: string }[] };
    expect(roots.value.map((m) => m.id)).toContain(rootMessage.id);
    expect(roots.value.map((m) => m.id)).not.toContain(replies[0]!.id);
    const listed = (await (await fetch(`${base}/${rootMessage.id}/replies`, { headers })).json()) as { value: { id: string; replyToId: string }[] };
    expect(listed.value.map((m) => m.id)).toEqual([replies[1]!.id, replies[0]!.id]);
    expect(listed.value.every((m) => m.replyToId === rootMessage.id)).toBe(true);
  });

  it('never posts a key twice: repeated calls, and 429s on the post and on the record', async () => {
    const incident = declare(entries[0]!, 'twice');
    let stored = await storeP.create(incident);
    emulator.faults.add({ method: 'POST', path: '/messages$', status: 429, retryAfter: 2, times: 2 });
    emulator.faults.add({ method: 'PATCH', path: '/fields$', status: 429, retryAfter: 1, times: 1 });
    const waitsBefore = priya.waits.length;
    const first = await postIncidentCard(context(priya, storeP), stored, incident.key);
    expect(first.status).toBe('posted');
    // Both injected 429s on the post were waited out in full (2 s each), and the one on the record (1 s).
    const waited = priya.waits.slice(waitsBefore);
    expect(waited.filter((ms) => ms === 2000)).toHaveLength(2);
    expect(waited).toContain(1000);
    expect(await postIncidentCard(context(priya, storeP), stored, incident.key)).toMatchObject({ status: 'already-posted' });
    expect(await postIncidentCard(context(tom, storeT), stored, incident.key)).toMatchObject({ status: 'already-posted' });

    const uKey = incidentUpdateKey(incident.key, 7);
    stored = await storeP.change(first.stored, (i) => addIncidentUpdate(i, { key: uKey, text: 'still down', by: 'Priya' }, new Date()));
    emulator.faults.add({ method: 'POST', path: '/replies$', status: 429, retryAfter: 1, times: 3 });
    await postUnpostedCards(context(priya, storeP), stored);
    await postUnpostedCards(context(priya, storeP), stored);
    await postUnpostedCards(context(tom, storeT), stored);
    expect(await cardsMentioning('marker twice')).toHaveLength(1);
    const root = (await cardsMentioning('marker twice'))[0]!;
    expect((await channelMessages()).filter((m) => m.replyToId === root.id)).toHaveLength(1);
    expect((await storeP.get(stored.id)).incident.postedKeys).toEqual([incident.key, uKey]);
  });

  it('does not repeat a post whose outcome is unknown (504): the key stays unposted for the service to settle', async () => {
    const incident = declare(entries[0]!, 'unknown outcome');
    const stored = await storeP.create(incident);
    emulator.faults.add({ method: 'POST', path: '/messages$', status: 504, afterCommit: true, times: 1 });
    const before = priya.events.filter((e) => e.startsWith('POST ') && e.includes('/messages')).length;
    await expect(postIncidentCard(context(priya, storeP), stored, incident.key)).rejects.toBeInstanceOf(AmbiguousPostError);
    expect(priya.events.filter((e) => e.startsWith('POST ') && e.includes('/messages')).length - before).toBe(1);
    expect(await cardsMentioning('marker unknown outcome')).toHaveLength(1);
    expect((await storeP.get(stored.id)).incident.postedKeys).toEqual([]);
  });

  it('still records the post when the record write lands but its answer is lost', async () => {
    const incident = declare(entries[0]!, 'lost record answer');
    const stored = await storeP.create(incident);
    emulator.faults.add({ method: 'PATCH', path: '/fields$', status: 504, afterCommit: true, times: 1 });
    const posted = await postIncidentCard(context(priya, storeP), stored, incident.key);
    expect(posted.status).toBe('posted');
    expect((await storeP.get(stored.id)).incident.postedKeys).toEqual([incident.key]);
    expect(await postIncidentCard(context(priya, storeP), stored, incident.key)).toMatchObject({ status: 'already-posted' });
    expect(await cardsMentioning('marker lost record answer')).toHaveLength(1);
  });
});
