/**
 * The list-item helper every store is built on, against the emulator over HTTP with the real Graph
 * client, on a list of its own: a missing item reads as null, an item is found by its key (quotes
 * and all), a create repeated with the same key (or whose answer was lost) makes one item, and a
 * write on a stale eTag is a conflict that `reapply` settles by re-reading and re-applying.
 */
import { randomUUID } from 'node:crypto';
import type { ListDefinition } from '../../../src/domain/lists';
import { GraphError } from '../../../src/graph/client';
import { findOrProvisionList, isConflict, openItemStore, reapply, type ItemStore } from '../../../src/graph/lists';
import { DEMO, startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { recordedClient, type RecordedClient } from '../graphClient';

const NOTES_LIST: ListDefinition = {
  name: 'Item store test notes',
  columns: [
    { name: 'NoteKey', displayName: 'Note key', kind: 'text', indexed: true, enforceUniqueValues: true },
    { name: 'Body', displayName: 'Body', kind: 'note' },
  ],
};

interface Note {
  readonly key: string;
  readonly lines: readonly string[];
}

interface StoredNote {
  readonly id: string;
  readonly eTag: string;
  readonly note: Note;
}

interface NoteItem {
  readonly id: string;
  readonly eTag?: string;
  readonly fields?: { readonly NoteKey?: string; readonly Body?: string };
}

function fromItem(item: NoteItem): StoredNote {
  const body = item.fields?.Body ?? '';
  return { id: item.id, eTag: item.eTag ?? '', note: { key: item.fields?.NoteKey ?? '', lines: body === '' ? [] : body.split('\n') } };
}

const toFields = (note: Note) => ({ NoteKey: note.key, Body: note.lines.join('\n') });
const addLine = (line: string) => (note: Note): Note => (note.lines.includes(line) ? note : { ...note, lines: [...note.lines, line] });

let emulator: RunningEmulator;
let recorded: RecordedClient;
let notes: ItemStore<StoredNote, Note, NoteItem>;

beforeAll(async () => {
  emulator = await startTestEmulator();
  recorded = recordedClient(emulator.url);
  const list = await findOrProvisionList(recorded.client, DEMO.site.id, NOTES_LIST);
  notes = openItemStore(recorded.client, { location: { siteId: DEMO.site.id, listId: list.id }, fieldNames: ['NoteKey', 'Body'], keyColumn: 'NoteKey', fromItem, toFields });
});

afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

function note(...lines: string[]): Note {
  return { key: `note-${randomUUID()}`, lines };
}

async function itemsWithKey(key: string): Promise<StoredNote[]> {
  return (await notes.list({ expand: notes.expand, $top: 500 })).records.filter((stored) => stored.note.key === key);
}

describe('list item store', () => {
  it('reads a missing item as null, and get reports its 404', async () => {
    expect(await notes.getOrNull('999999')).toBeNull();
    await expect(notes.get('999999')).rejects.toMatchObject({ status: 404 });
  });

  it('finds an item by its key with one filtered request, quotes and all', async () => {
    const record = { ...note('first'), key: `O'Neill ${randomUUID()}` };
    const created = await notes.create(record, record.key);
    const before = recorded.events.length;
    expect(await notes.findByKey(record.key)).toEqual(created);
    const requests = recorded.events.slice(before);
    expect(requests).toHaveLength(1);
    expect(decodeURIComponent(requests[0]!)).toContain(`$filter=fields/NoteKey eq '${record.key.replace("'", "''")}'`);
    expect(await notes.findByKey(`no such key ${randomUUID()}`)).toBeNull();
  });

  it('makes one item when the same key is created twice: the second create finds the first item', async () => {
    const record = note('once');
    const first = await notes.create(record, record.key);
    const again = await notes.create(record, record.key);
    expect(again).toEqual(first);
    expect(await itemsWithKey(record.key)).toHaveLength(1);
  });

  it('makes one item when the first create lands but its answer is lost (504 after commit)', async () => {
    const record = note('lost answer');
    emulator.faults.add({ method: 'POST', path: '/items$', status: 504, afterCommit: true, times: 1 });
    const created = await notes.create(record, record.key);
    expect(created.note).toEqual(record);
    expect(await itemsWithKey(record.key)).toHaveLength(1);
  });

  it('reports a write on a stale eTag as a conflict, and writes nothing', async () => {
    const created = await notes.create(note('a'), `stale-${randomUUID()}`);
    await notes.patch(created.id, created.eTag, { ...created.note, lines: ['b'] });
    const error: unknown = await notes.patch(created.id, created.eTag, { ...created.note, lines: ['c'] }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 412 });
    expect(isConflict(error)).toBe(true);
    expect((await notes.get(created.id)).note.lines).toEqual(['b']);
  });

  it('re-applies a change over a stale copy: both writers keep their line, and a repeat writes nothing', async () => {
    const created = await notes.create(note(), `reapply-${randomUUID()}`);
    const policy = { attempts: 3, recordOf: (stored: StoredNote) => stored.note, busy: () => new Error('busy') };
    await reapply(notes, created.id, created, addLine('theirs'), policy);
    const before = recorded.events.length;
    const mine = await reapply(notes, created.id, created, addLine('mine'), policy);
    expect(recorded.events.slice(before).filter((line) => line.startsWith('PATCH '))).toHaveLength(2); // the stale one (412), then the re-applied one
    expect(mine.note.lines).toEqual(['theirs', 'mine']);
    expect(await reapply(notes, created.id, mine, addLine('mine'), policy)).toEqual(mine);
  });

  it('reports an item that keeps changing as busy, and one deleted meanwhile as gone', async () => {
    const created = await notes.create(note(), `gone-${randomUUID()}`);
    const policy = { attempts: 1, recordOf: (stored: StoredNote) => stored.note, busy: () => new Error('busy') };
    await reapply(notes, created.id, created, addLine('moved'), policy);
    await expect(reapply(notes, created.id, created, addLine('late'), policy)).rejects.toThrow('busy');
    // Deleted in the pause between the conflict and the re-read.
    const deleteIt = async () => {
      const now = await notes.get(created.id);
      await notes.remove(now.id, now.eTag);
    };
    await expect(reapply(notes, created.id, created, addLine('late'), { ...policy, attempts: 3, sleep: deleteIt, gone: () => new Error('gone') })).rejects.toThrow('gone');
    expect(await notes.getOrNull(created.id)).toBeNull();
  });
});
