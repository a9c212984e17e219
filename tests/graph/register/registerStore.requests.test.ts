import { REGISTER_FIELD_NAMES } from '../../../src/domain';
import { ConflictError, openRegisterStore } from '../../../src/graph';
import { clientFor, fakeGraph, graphError, type Expected } from '../fakeGraph';
import { ITEMS, LIST, PRIYA, SITE, eTag, listItem, sampleEntry } from './listItemJson';

const LOCATION = { teamId: 't1', siteId: SITE, listId: LIST };
const EXPAND = `expand=${encodeURIComponent(`fields(select=${REGISTER_FIELD_NAMES.join(',')})`)}`;
const byKey = (key: string) => `${ITEMS}?$filter=${encodeURIComponent(`fields/EntryKey eq '${key}'`)}&$top=2&${EXPAND}`;
const getItem = (id: string): string => `${ITEMS}/${id}?${EXPAND}`;

function store(script: Expected[], timeoutMs?: number) {
  const fake = fakeGraph(script);
  return { fake, store: openRegisterStore(clientFor(fake, timeoutMs ? { timeoutMs } : {}), LOCATION, { pageSize: 2 }) };
}

describe('register store (fake Graph)', () => {
  const entry = sampleEntry();

  it('lists with $top and expand=fields(select=...) and keeps eTags exactly as Graph gave them', async () => {
    const { store: register } = store([
      { method: 'GET', url: `${ITEMS}?$top=2&${EXPAND}`, reply: { status: 200, body: { value: [listItem('1', 3, entry)] } } },
    ]);
    const [first] = await register.list();
    expect(first).toMatchObject({ id: '1', eTag: eTag(3), createdBy: 'Priya Shah', entry });
  });

  it('creates with EntryKey and every field', async () => {
    const { fake, store: register } = store([{ method: 'POST', url: ITEMS, reply: { status: 201, body: listItem('7', 1, entry, 'k-1') } }]);
    const created = await register.create(entry, 'k-1');
    expect(created).toMatchObject({ id: '7', eTag: eTag(1), entry });
    expect(fake.sent[0]?.body).toMatchObject({ fields: { EntryKey: 'k-1', Title: "O'Neill's EMIS Web", NextReviewDue: '2026-10-25T12:00:00Z' } });
  });

  it.each([
    ['a 504 that committed', graphError(504, 'GatewayTimeout', 'Gateway timeout')],
    ['a 409 from the unique EntryKey', graphError(409, 'nameAlreadyExists', 'The value is already in use.')],
  ])('after %s on create, returns the item the first attempt made (looked up by EntryKey)', async (_label, reply) => {
    const { fake, store: register } = store([
      { method: 'POST', url: ITEMS, reply },
      { method: 'GET', url: byKey("k-''1"), reply: { status: 200, body: { value: [listItem('7', 1, entry, "k-'1")] } } },
    ]);
    expect(await register.create(entry, "k-'1")).toMatchObject({ id: '7' });
    expect(fake.sent.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(fake.sent[1]?.url).toContain(encodeURIComponent("eq 'k-''1'"));
    // The key lookup still works on a list whose EntryKey index was never made or was dropped.
    expect(fake.sent[1]?.headers.prefer).toBe('HonorNonIndexedQueriesWarningMayFailRandomly');
  });

  it('reports a stale eTag as ConflictError carrying the current entry', async () => {
    const theirs = sampleEntry({ notes: 'Changed by Tom' });
    const { store: register } = store([
      { method: 'PATCH', url: `${ITEMS}/1/fields`, reply: graphError(412, 'preconditionFailed', 'The eTag does not match.') },
      { method: 'GET', url: getItem('1'), reply: { status: 200, body: listItem('1', 4, theirs) } },
    ]);
    const failure = (await register.update('1', eTag(3), sampleEntry({ notes: 'Mine' })).catch((error: unknown) => error)) as ConflictError;
    expect(failure).toBeInstanceOf(ConflictError);
    expect(failure.current).toMatchObject({ eTag: eTag(4), entry: theirs });
  });

  it('treats a 412 on the retry of a PATCH that had applied (504 first) as success', async () => {
    const mine = sampleEntry({ notes: 'Mine' });
    const { store: register } = store([
      { method: 'PATCH', url: `${ITEMS}/1/fields`, reply: graphError(504, 'GatewayTimeout', 'Gateway timeout') },
      { method: 'PATCH', url: `${ITEMS}/1/fields`, reply: graphError(412, 'preconditionFailed', 'The eTag does not match.') },
      { method: 'GET', url: getItem('1'), reply: { status: 200, body: listItem('1', 4, mine) } },
    ]);
    expect(await register.update('1', eTag(3), mine)).toMatchObject({ eTag: eTag(4), entry: mine });
  });

  it('after a timed-out PATCH, re-reads and repeats it with If-Match when nothing changed', async () => {
    const mine = sampleEntry({ notes: 'Mine' });
    const { fake, store: register } = store(
      [
        { method: 'PATCH', url: `${ITEMS}/1/fields`, reply: { hang: true } },
        { method: 'GET', url: getItem('1'), reply: { status: 200, body: listItem('1', 3, entry) } },
        { method: 'PATCH', url: `${ITEMS}/1/fields`, reply: { status: 200, body: { '@odata.etag': eTag(4) } } },
        { method: 'GET', url: getItem('1'), reply: { status: 200, body: listItem('1', 4, mine) } },
      ],
      20,
    );
    expect(await register.update('1', eTag(3), mine)).toMatchObject({ eTag: eTag(4) });
    expect(fake.sent[2]?.headers['if-match']).toBe(eTag(3));
  });

  it('deletes with If-Match; a 404 after a retried DELETE counts as done; a 412 is a conflict', async () => {
    const { fake, store: register } = store([
      { method: 'DELETE', url: `${ITEMS}/1`, reply: graphError(503, 'serviceNotAvailable', 'Busy', { 'Retry-After': '1' }) },
      { method: 'DELETE', url: `${ITEMS}/1`, reply: graphError(404, 'itemNotFound', 'Item not found') },
      { method: 'DELETE', url: `${ITEMS}/2`, reply: graphError(412, 'preconditionFailed', 'The eTag does not match.') },
      { method: 'GET', url: getItem('2'), reply: { status: 200, body: listItem('2', 5, entry) } },
    ]);
    await register.delete('1', eTag(3));
    expect(fake.sent[0]?.headers['if-match']).toBe(eTag(3));
    await expect(register.delete('2', eTag(4))).rejects.toBeInstanceOf(ConflictError);
  });

  it('lists versions newest first with who made them', async () => {
    const version = (label: string, at: string, notes: string) => ({
      '@odata.etag': eTag(Number(label)),
      id: label,
      lastModifiedDateTime: at,
      lastModifiedBy: PRIYA,
      fields: { ...listItem('1', 1, sampleEntry({ notes })).fields },
    });
    const { store: register } = store([
      {
        method: 'GET',
        url: `${ITEMS}/1/versions?expand=fields`,
        reply: { status: 200, body: { value: [version('1.0', '2026-02-01T10:00:00Z', 'first'), version('2.0', '2026-02-02T10:00:00Z', 'second')] } },
      },
    ]);
    const versions = await register.versions('1');
    expect(versions.map((v) => [v.versionLabel, v.modifiedBy, v.entry.notes])).toEqual([
      ['2.0', 'Priya Shah', 'second'],
      ['1.0', 'Priya Shah', 'first'],
    ]);
  });
});
