/** The client's `beforeAttempt` hook (the reminder service's pacer): awaited before every attempt, retries included. */
import { fakeGraph, graphError, clientFor } from '../../fakeGraph';

test('every attempt waits for the hook first, a retry included, and the hook sees method and URL', async () => {
  const fake = fakeGraph([
    { method: 'GET', url: '/sites/s/lists/l/items/1', reply: graphError(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': '2' }) },
    { method: 'GET', url: '/sites/s/lists/l/items/1', reply: { status: 200, body: { id: '1' } } },
  ]);
  const seen: string[] = [];
  const client = clientFor(fake, {
    beforeAttempt: async (attempt) => {
      seen.push(`${attempt.method} ${attempt.url}`);
      fake.events.push('paced');
    },
  });
  await client.api('/sites/s/lists/l/items/1').get();
  expect(seen).toEqual(['GET https://graph.microsoft.com/v1.0/sites/s/lists/l/items/1', 'GET https://graph.microsoft.com/v1.0/sites/s/lists/l/items/1']);
  expect(fake.events).toEqual([
    'paced',
    'GET https://graph.microsoft.com/v1.0/sites/s/lists/l/items/1',
    'sleep 2000',
    'paced',
    'GET https://graph.microsoft.com/v1.0/sites/s/lists/l/items/1',
  ]);
});
