/**
 * The client's resource-unit estimate (the reminder service's pacer draws with it) agrees with the
 * emulator's table, each written on its own from SharePoint's "avoid getting throttled" page.
 */
import { requestUnits, sharePointUnits } from '../../../src/graph';
import { resourceUnitsOf } from '../../../src/emulator/model/resourceUnits';

const SITE = '/v1.0/sites/contoso.sharepoint.com,1,2';
const LIST = `${SITE}/lists/abc`;

const REQUESTS: ReadonlyArray<readonly [string, string, number]> = [
  ['GET', SITE, 1],
  ['GET', `${SITE}/lists?$select=id,displayName`, 2],
  ['GET', `${LIST}/items?expand=fields&$top=500`, 2],
  ['GET', `${LIST}/items/7`, 1],
  ['GET', `${LIST}/items/7/versions`, 2],
  ['GET', `${LIST}/items/delta?expand=fields&$top=500`, 2],
  ['GET', `${LIST}/items/delta?token=abc123`, 1],
  ['GET', `${LIST}/items/delta?$deltatoken=abc123`, 1],
  ['POST', `${LIST}/items`, 2],
  ['PATCH', `${LIST}/items/7/fields`, 2],
  ['DELETE', `${LIST}/items/7`, 2],
  ['GET', `${SITE}/permissions`, 5],
  ['GET', '/v1.0/teams/t1/members', 0],
  ['GET', '/v1.0/me', 0],
];

test.each(REQUESTS)('%s %s costs %i RU, as the emulator counts it', (method, url, units) => {
  expect(sharePointUnits(method, url)).toBe(units);
  expect(resourceUnitsOf(method, url)).toBe(units);
});

test('a $batch costs the sum of its inner requests', () => {
  const body = JSON.stringify({
    requests: [
      { id: '1', method: 'GET', url: `${LIST.replace('/v1.0', '')}/items/delta?token=x` },
      { id: '2', method: 'GET', url: `${LIST.replace('/v1.0', '')}/items/delta` },
      { id: '3', method: 'GET', url: '/me' },
    ],
  });
  expect(requestUnits('POST', 'https://graph.microsoft.com/v1.0/$batch', body)).toBe(3);
  expect(requestUnits('GET', `https://graph.microsoft.com${LIST}/items/delta?token=x`)).toBe(1);
});
