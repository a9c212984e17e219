/** SharePoint list items: eTags, If-Match, versions, the indexed-column rule, paging, delta, field rules. */
import { DEMO, startTestEmulator, tokenFor, type RunningEmulator } from '../support/emulator';
import { call, graphError } from './call';

let emulator: RunningEmulator;
let manager: string;
const SITE = `/v1.0/sites/${encodeURIComponent(DEMO.site.id)}`;
const ITEMS = `${SITE}/lists/${DEMO.registerListId}/items`;
const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
  manager = await tokenFor(emulator.url, DEMO.manager.upn);
});
afterAll(() => emulator.close());

const create = (fields: Record<string, unknown>) => call(emulator.url, manager, ITEMS, { method: 'POST', body: { fields } });

describe('eTags, If-Match and versions', () => {
  it('creates an item with Graph\'s shape and an eTag "{GUID},1"', async () => {
    const answer = await create({ Title: 'Shape test', Status: 'Live' });
    expect(answer.status).toBe(201);
    expect(answer.body.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    expect(answer.body.id).toMatch(/^\d+$/);
    expect(answer.body.createdBy.user).toEqual({ id: DEMO.manager.id, displayName: 'Priya Shah', email: DEMO.manager.upn });
    // The fields carry their own eTag format: "guid,N" (lower case, no braces), not the item's "{GUID},N".
    expect(answer.body.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    expect(answer.body.fields).toMatchObject({ '@odata.etag': answer.body.eTag.replace(/[{}]/g, '').toLowerCase(), Title: 'Shape test', id: answer.body.id });
  });

  it('increments the eTag on each write and records versions newest first', async () => {
    const item = (await create({ Title: 'Versioned' })).body;
    const staff = await tokenFor(emulator.url, DEMO.staff.upn);
    const patched = await call(emulator.url, staff, `${ITEMS}/${item.id}/fields`, { method: 'PATCH', headers: { 'If-Match': item.eTag }, body: { Notes: 'second' } });
    expect(patched.status).toBe(200);
    expect(patched.body['@odata.etag']).toBe(item.eTag.replace(',1"', ',2"').replace(/[{}]/g, '').toLowerCase());
    const versions = await call(emulator.url, manager, `${ITEMS}/${item.id}/versions?expand=fields`);
    expect(versions.body.value.map((v: { id: string }) => v.id)).toEqual(['2.0', '1.0']);
    expect(versions.body.value[0].lastModifiedBy.user.displayName).toBe('Tom Reed');
    expect(versions.body.value[0].fields.Notes).toBe('second');
    expect(versions.body.value[1].fields.Notes).toBeUndefined();
    const v1 = await call(emulator.url, manager, `${ITEMS}/${item.id}/versions/1.0/fields`);
    expect(v1.body.Title).toBe('Versioned');
  });

  it('answers a stale If-Match with 412 and leaves the item unchanged', async () => {
    const item = (await create({ Title: 'Conflict', Notes: 'original' })).body;
    await call(emulator.url, manager, `${ITEMS}/${item.id}/fields`, { method: 'PATCH', headers: { 'If-Match': item.eTag }, body: { Notes: 'first writer' } });
    const stale = await call(emulator.url, manager, `${ITEMS}/${item.id}/fields`, { method: 'PATCH', headers: { 'If-Match': item.eTag }, body: { Notes: 'second writer' } });
    expect(stale.status).toBe(412);
    graphError(stale);
    const now = await call(emulator.url, manager, `${ITEMS}/${item.id}`);
    expect(now.body.fields.Notes).toBe('first writer');
    expect(now.body.eTag).toMatch(/,2"$/);
    expect((await call(emulator.url, manager, `${ITEMS}/${item.id}`, { method: 'DELETE', headers: { 'If-Match': item.eTag } })).status).toBe(412);
    expect((await call(emulator.url, manager, `${ITEMS}/${item.id}/fields`, { method: 'PATCH', headers: { 'If-Match': '*' }, body: { Notes: 'star' } })).status).toBe(200);
    const current = (await call(emulator.url, manager, `${ITEMS}/${item.id}`)).body;
    expect((await call(emulator.url, manager, `${ITEMS}/${item.id}`, { method: 'DELETE', headers: { 'If-Match': current.eTag } })).status).toBe(204);
    expect((await call(emulator.url, manager, `${ITEMS}/${item.id}`)).status).toBe(404);
  });
});

describe('field rules', () => {
  it('refuses unknown fields, over-long single-line text and duplicate unique values, writing nothing', async () => {
    const unknown = await create({ Title: 'x', Colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'invalidRequest', message: "Field 'Colour' is not recognized" });
    expect((await create({ Title: 'y'.repeat(256) })).status).toBe(400);
    expect((await create({ Title: 'z', EntryKey: 'key-1' })).status).toBe(201);
    const duplicate = await create({ Title: 'z2', EntryKey: 'key-1' });
    expect(duplicate.status).toBe(409);
    const all = await call(emulator.url, manager, `${ITEMS}?$top=5000&expand=fields(select=Title)`);
    expect(all.body.value.some((i: { fields: { Title?: string } }) => i.fields.Title === 'z2' || i.fields.Title === 'x')).toBe(false);
  });

  it('stores a date-only value as London midnight, returned in UTC like SharePoint', async () => {
    const summer = await create({ Title: 'BST date', NextReviewDue: '2026-05-14T12:00:00Z' });
    expect(summer.body.fields.NextReviewDue).toBe('2026-05-13T23:00:00Z');
    const winter = await create({ Title: 'GMT date', NextReviewDue: '2026-01-14T12:00:00Z' });
    expect(winter.body.fields.NextReviewDue).toBe('2026-01-14T00:00:00Z');
  });
});

describe('queries', () => {
  it('refuses a non-indexed column in $filter or $orderby without the Prefer header, with Graph\'s error', async () => {
    const answer = await call(emulator.url, manager, `${ITEMS}?$filter=${encodeURIComponent("fields/Supplier eq 'Accurx'")}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalidRequest');
    expect(answer.body.error.message).toBe(
      "Field 'Supplier' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    );
    expect((await call(emulator.url, manager, `${ITEMS}?$orderby=fields/Title`)).status).toBe(400);
    const allowed = await call(emulator.url, manager, `${ITEMS}?expand=fields(select=Title)&$filter=${encodeURIComponent("fields/Supplier eq 'Accurx'")}`, { headers: PREFER });
    expect(allowed.status).toBe(200);
    expect(allowed.body.value.map((i: { fields: { Title: string } }) => i.fields.Title)).toEqual(['Accurx']);
  });

  it('filters and sorts on indexed columns (dates, choices, and/or)', async () => {
    const filter = encodeURIComponent("fields/Status eq 'Trial' or (fields/NextReviewDue ge '2000-01-01T00:00:00Z' and fields/Status eq 'Retiring')");
    const answer = await call(emulator.url, manager, `${ITEMS}?$expand=fields($select=Title,Status)&$filter=${filter}&$orderby=fields/NextReviewDue desc`);
    expect(answer.status).toBe(200);
    expect(answer.body.value.map((i: { fields: { Status: string } }) => i.fields.Status).sort()).toEqual(['Retiring', 'Trial']);
    expect(Object.keys(answer.body.value[0].fields).sort()).toEqual(['@odata.etag', 'Status', 'Title']);
  });

  it('pages with $top and nextLink, covering every item exactly once', async () => {
    for (let i = 0; i < 12; i++) await create({ Title: `Paging ${i}` });
    const all = await call(emulator.url, manager, `${ITEMS}?$top=5000`);
    const seen: string[] = [];
    let next: string | undefined = `${ITEMS}?$top=7&expand=fields(select=Title)`;
    while (next) {
      const page = await call(emulator.url, manager, next);
      expect(page.status).toBe(200);
      expect(page.body.value.length).toBeLessThanOrEqual(7);
      seen.push(...page.body.value.map((i: { id: string }) => i.id));
      next = page.body['@odata.nextLink'];
      if (next) expect(next.startsWith(emulator.url)).toBe(true);
    }
    expect(seen).toEqual(all.body.value.map((i: { id: string }) => i.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('reports changes through delta, including deletions, and 410 for an unknown token', async () => {
    const latest = await call(emulator.url, manager, `${ITEMS}/delta?token=latest`);
    expect(latest.body.value).toEqual([]);
    const made = (await create({ Title: 'Delta new' })).body;
    const gone = (await create({ Title: 'Delta gone' })).body;
    await call(emulator.url, manager, `${ITEMS}/${gone.id}`, { method: 'DELETE' });
    const changes = await call(emulator.url, manager, latest.body['@odata.deltaLink']);
    expect(changes.body.value).toEqual(expect.arrayContaining([expect.objectContaining({ id: made.id }), { id: gone.id, deleted: { state: 'deleted' } }]));
    expect(changes.body['@odata.deltaLink']).toBeDefined();
    const expired = await call(emulator.url, manager, `${ITEMS}/delta?token=bogus`);
    expect(expired.status).toBe(410);
    expect(graphError(expired)).toBe('resyncRequired');
  });
});

describe('lists, columns and channel messages', () => {
  it('creates a list with columns (201), refuses a duplicate name (409), and expands columns', async () => {
    const body = { displayName: 'Test list', columns: [{ name: 'Due', dateTime: { format: 'dateOnly' }, indexed: true }], list: { template: 'genericList' } };
    const made = await call(emulator.url, manager, `${SITE}/lists`, { method: 'POST', body });
    expect(made.status).toBe(201);
    expect((await call(emulator.url, manager, `${SITE}/lists`, { method: 'POST', body })).body.error.code).toBe('nameAlreadyExists');
    const got = await call(emulator.url, manager, `${SITE}/lists/${made.body.id}?$expand=columns`);
    expect(got.body.columns.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['Title', 'Due']));
    const register = await call(emulator.url, manager, `${SITE}/lists?$filter=${encodeURIComponent("displayName eq 'Digital Services Register'")}`);
    expect(register.body.value.map((l: { id: string }) => l.id)).toEqual([DEMO.registerListId]);
  });

  it('posts a channel message with a mention and reads it back', async () => {
    const path = `/v1.0/teams/${DEMO.team.id}/channels/${encodeURIComponent(DEMO.channel.id)}/messages`;
    const message = {
      body: { contentType: 'html', content: 'Review due: <at id="0">Tom Reed</at>' },
      mentions: [{ id: 0, mentionText: 'Tom Reed', mentioned: { user: { id: DEMO.staff.id, displayName: 'Tom Reed', userIdentityType: 'aadUser' } } }],
    };
    const posted = await call(emulator.url, manager, path, { method: 'POST', body: message });
    expect(posted.status).toBe(201);
    expect(posted.body.from.user.id).toBe(DEMO.manager.id);
    const bad = await call(emulator.url, manager, path, { method: 'POST', body: { ...message, body: { contentType: 'html', content: 'no tag' } } });
    expect(bad.status).toBe(400);
    // Reading channel messages needs ChannelMessage.Read.All, which the tab does not ask for: 403.
    expect((await call(emulator.url, manager, path)).body.error.code).toBe('Forbidden');
    const seen = await call(emulator.url, undefined, `/emulator/channel/messages?teamId=${DEMO.team.id}&channelId=${encodeURIComponent(DEMO.channel.id)}`);
    expect(seen.body.value.at(-1).id).toBe(posted.body.id);
  });
});
