/**
 * A write whose automatic repeat also fails without anyone else changing the entry reports that
 * failure (a network error), not a conflict: the tab then says "Could not reach SharePoint" and
 * offers Retry, instead of showing a "someone else changed this" panel for a change nobody made.
 */
import { REGISTER_FIELD_NAMES } from '../../../src/domain';
import { NetworkError, openRegisterStore } from '../../../src/graph';
import { clientFor, fakeGraph } from '../fakeGraph';
import { ITEMS, LIST, SITE, eTag, listItem, sampleEntry } from './listItemJson';

const EXPAND = `expand=${encodeURIComponent(`fields(select=${REGISTER_FIELD_NAMES.join(',')})`)}`;
const getItem = (id: string): string => `${ITEMS}/${id}?${EXPAND}`;

it('after two timed-out PATCHes with the eTag unmoved, throws the network failure, not a conflict', async () => {
  const entry = sampleEntry();
  const fake = fakeGraph([
    { method: 'PATCH', url: `${ITEMS}/1/fields`, reply: { hang: true } },
    { method: 'GET', url: getItem('1'), reply: { status: 200, body: listItem('1', 3, entry) } },
    { method: 'PATCH', url: `${ITEMS}/1/fields`, reply: { hang: true } },
    { method: 'GET', url: getItem('1'), reply: { status: 200, body: listItem('1', 3, entry) } },
  ]);
  const store = openRegisterStore(clientFor(fake, { timeoutMs: 20 }), { teamId: 't1', siteId: SITE, listId: LIST });
  await expect(store.update('1', eTag(3), sampleEntry({ notes: 'Mine' }))).rejects.toBeInstanceOf(NetworkError);
});

it('after two timed-out DELETEs with the eTag unmoved, throws the network failure, not a conflict', async () => {
  const entry = sampleEntry();
  const fake = fakeGraph([
    { method: 'DELETE', url: `${ITEMS}/1`, reply: { hang: true } },
    { method: 'GET', url: getItem('1'), reply: { status: 200, body: listItem('1', 3, entry) } },
    { method: 'DELETE', url: `${ITEMS}/1`, reply: { hang: true } },
    { method: 'GET', url: getItem('1'), reply: { status: 200, body: listItem('1', 3, entry) } },
  ]);
  const store = openRegisterStore(clientFor(fake, { timeoutMs: 20 }), { teamId: 't1', siteId: SITE, listId: LIST });
  await expect(store.delete('1', eTag(3))).rejects.toBeInstanceOf(NetworkError);
});
