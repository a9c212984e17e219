import { REGISTER_COLUMNS, REGISTER_LIST_NAME, toColumnDefinition } from '../../../src/domain';
import { provisionRegister } from '../../../src/graph';
import { clientFor, fakeGraph, graphError } from '../fakeGraph';
import { SITE } from './listItemJson';

const LISTS = `/sites/${SITE}/lists`;

describe('provisionRegister (fake Graph)', () => {
  it('creates a generic list with every register column, typed and indexed', async () => {
    const fake = fakeGraph([{ method: 'POST', url: LISTS, reply: { status: 201, body: { id: 'new-list', displayName: REGISTER_LIST_NAME } } }]);
    expect(await provisionRegister(clientFor(fake), SITE)).toBe('new-list');
    expect(fake.sent[0]?.body).toEqual({
      displayName: 'Digital Services Register',
      columns: REGISTER_COLUMNS.map(toColumnDefinition),
      list: { template: 'genericList' },
    });
    const columns = (fake.sent[0]?.body as { columns: Array<{ name: string; indexed: boolean }> }).columns;
    expect(columns.filter((column) => column.indexed).map((column) => column.name)).toEqual(
      expect.arrayContaining(['NextReviewDue', 'Status', 'OwnerEntraId', 'EntryKey']),
    );
  });

  it('returns the existing list when the name is taken (409 nameAlreadyExists)', async () => {
    const fake = fakeGraph([
      { method: 'POST', url: LISTS, reply: graphError(409, 'nameAlreadyExists', 'The specified name is already in use.') },
      {
        method: 'GET',
        url: `${LISTS}?$select=id%2CdisplayName`,
        reply: { status: 200, body: { value: [{ '@odata.etag': '"a,1"', id: 'docs', displayName: 'Documents' }, { '@odata.etag': '"b,3"', id: 'reg', displayName: REGISTER_LIST_NAME }] } },
      },
    ]);
    expect(await provisionRegister(clientFor(fake), SITE)).toBe('reg');
  });

  it('passes up other failures', async () => {
    const fake = fakeGraph([{ method: 'POST', url: LISTS, reply: graphError(403, 'accessDenied', 'Access denied') }]);
    await expect(provisionRegister(clientFor(fake), SITE)).rejects.toMatchObject({ status: 403, code: 'accessDenied' });
  });
});
