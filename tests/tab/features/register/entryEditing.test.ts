/**
 * The editing rules that do not need a browser: every field is on the form under its guidance group
 * with the label the validation messages use; failures are told in plain words; undo restores the
 * previous version without overwriting anyone and without creating duplicates.
 */
import { emptyEntry, validateEntry, type RegisterEntry, type StoredEntry } from '../../../../src/domain';
import { ConflictError, GraphError, NetworkError } from '../../../../src/graph';
import type { RegisterStore } from '../../../../src/graph/types';
import { retryWaitText, createRetryWaitHub } from '../../../../src/tab/state/retryWaits';
import { ALL_FIELDS, FIELD_GROUPS, FORM_LABELS, OWN_FIELD_GROUPS } from '../../../../src/tab/features/register/entryFields';
import { describeSaveFailure } from '../../../../src/tab/features/register/saveFailure';
import { undoChange } from '../../../../src/tab/features/register/undo/undoChange';
import { savedNotice } from '../../../../src/tab/features/register/undo/changeMessages';

const stored = (id: string, version: number, entry: RegisterEntry): StoredEntry => ({
  id, eTag: `"{${id}},${version}"`, entry, createdAt: '', createdBy: 'Priya Shah', modifiedAt: '', modifiedBy: 'Priya Shah',
});

describe('the entry form', () => {
  it('has every register field exactly once, in the nine guidance groups plus training and escalation (and the PCN-shared group)', () => {
    expect([...ALL_FIELDS].sort()).toEqual(Object.keys(emptyEntry()).sort());
    expect(new Set(ALL_FIELDS).size).toBe(ALL_FIELDS.length);
    const guidance = ['Purpose', 'Provision', 'Ownership', 'Support', 'Data', 'Governance', 'Access', 'Training and escalation', 'Continuity', 'Review'];
    expect(FIELD_GROUPS.map((group) => group.title)).toEqual([...guidance, 'PCN-shared service']);
    // An entry the practice keeps itself is edited in the guidance's groups only (issue 18).
    expect(OWN_FIELD_GROUPS.map((group) => group.title)).toEqual(guidance);
  });

  it('names fields in validation messages as the form labels them', () => {
    const errors = validateEntry(
      { ...emptyEntry(), title: 'X', supportUrl: 'http://x', supportPhone: 'call us', reviewIntervalMonths: 99, purpose: 'p'.repeat(10_001) },
      '2026-03-02',
    );
    for (const field of ['supportUrl', 'supportPhone', 'reviewIntervalMonths', 'purpose'] as const) {
      expect(errors[field]?.startsWith(FORM_LABELS[field])).toBe(true);
    }
  });
});

describe('save failures in plain words', () => {
  it('a network failure says SharePoint could not be reached and the changes are still here', () => {
    expect(describeSaveFailure(new NetworkError('fetch failed', { ambiguous: true })).title).toBe(
      'Could not reach SharePoint. Your changes are still here.',
    );
  });
  it('throttling says SharePoint is busy', () => {
    expect(describeSaveFailure(new GraphError(429, 'TooManyRequests', 'x')).title).toBe('SharePoint is busy. Your changes are still here.');
    expect(describeSaveFailure(new GraphError(503, 'serviceNotAvailable', 'x')).title).toMatch(/^SharePoint is busy/);
  });
  it('while the client waits, says how long for', () => {
    expect(retryWaitText(20_000)).toBe('SharePoint is busy. Trying again in 20 seconds…');
    expect(retryWaitText(400)).toBe('SharePoint is busy. Trying again in 1 second…');
    const hub = createRetryWaitHub();
    const seen: number[] = [];
    const stop = hub.subscribe((wait) => seen.push(wait.waitMs));
    hub.emit({ status: 429, waitMs: 5000, attempt: 1 });
    stop();
    hub.emit({ status: 429, waitMs: 7000, attempt: 2 });
    expect(seen).toEqual([5000]);
  });
});

function fakeStore(overrides: Partial<RegisterStore>): RegisterStore & { calls: string[] } {
  const calls: string[] = [];
  const fail = (name: string) => () => Promise.reject(new Error(`${name} not expected`));
  return {
    calls,
    location: { teamId: 't', siteId: 's', listId: 'l' },
    list: fail('list'), get: fail('get'), versions: fail('versions'),
    create: fail('create'), update: fail('update'), delete: fail('delete'),
    ...overrides,
  };
}

describe('undo', () => {
  const before = stored('7', 3, { ...emptyEntry(), title: 'Docman', supplier: 'Docman Ltd' });
  const after = stored('7', 4, { ...before.entry, supplier: 'Kainos' });

  it('undoes an edit by writing the previous fields back with the new eTag', async () => {
    const restored = stored('7', 5, before.entry);
    const writes: unknown[] = [];
    const store = fakeStore({ update: (id, eTag, entry) => (writes.push({ id, eTag, entry }), Promise.resolve(restored)) });
    const result = await undoChange(store, { kind: 'updated', saved: after, previous: before }, 'key-1');
    expect(writes).toEqual([{ id: '7', eTag: after.eTag, entry: before.entry }]);
    expect(result).toMatchObject({ kind: 'restored', stored: restored, message: 'Undone: Docman is back as it was before your change.' });
  });

  it('does not overwrite someone who changed the entry after you', async () => {
    const theirs = stored('7', 5, { ...after.entry, notes: 'Theirs' });
    const store = fakeStore({ update: () => Promise.reject(new ConflictError(theirs)) });
    const result = await undoChange(store, { kind: 'updated', saved: after, previous: before }, 'key-1');
    expect(result).toMatchObject({ kind: 'failed', current: theirs });
    expect(result.message).toMatch(/^Could not undo: someone changed Docman after you/);
  });

  it('undoes a delete by adding the same fields again, with one key however often it is pressed', async () => {
    const keys: string[] = [];
    const store = fakeStore({ create: (entry, key) => (keys.push(key), Promise.resolve(stored('9', 1, entry))) });
    const first = await undoChange(store, { kind: 'deleted', deleted: before }, 'key-2');
    await undoChange(store, { kind: 'deleted', deleted: before }, 'key-2');
    expect(first).toMatchObject({ kind: 'restored', message: 'Undone: Docman is back in the register.' });
    expect(first.kind === 'restored' && first.stored.entry).toEqual(before.entry);
    expect(keys).toEqual(['key-2', 'key-2']);
  });

  it('undoes an add by deleting it with its eTag', async () => {
    const deletes: unknown[] = [];
    const store = fakeStore({ delete: (id, eTag) => (deletes.push([id, eTag]), Promise.resolve()) });
    expect(await undoChange(store, { kind: 'created', saved: after }, 'k')).toMatchObject({ kind: 'removed', id: '7' });
    expect(deletes).toEqual([['7', after.eTag]]);
  });

  it('tells a failure in plain words instead of throwing', async () => {
    const store = fakeStore({ update: () => Promise.reject(new NetworkError('fetch failed', { ambiguous: true })) });
    const result = await undoChange(store, { kind: 'updated', saved: after, previous: before }, 'k');
    expect(result.kind).toBe('failed');
    expect(result.message).toMatch(/^Could not undo\./);
  });

  it('confirms a review with the new next review date', () => {
    const reviewed = stored('7', 4, { ...before.entry, lastReviewedOn: '2026-03-02', nextReviewDue: '2027-03-02' });
    expect(savedNotice(reviewed, { previous: before, action: 'review' })).toMatchObject({
      message: 'Marked Docman reviewed.',
      detail: 'Next review due 2 March 2027.',
      change: { kind: 'updated', previous: before },
    });
  });
});
