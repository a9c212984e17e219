/** The PCN size: 8 practices of 200 entries each load in at most 2 sequential round trips after the token. */
import { loadNetwork, type CachedPractice } from '../../../src/graph/network';
import { startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { appClient, seedOptedInNetwork, sequentialRoundTrips } from './networkFixture';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 10, benchPractices: { count: 9, entriesPerPractice: 200 } });
});
afterAll(() => emulator.close());

it('8 practices x 200 entries: two round trips of parallel $batch posts of at most 20 requests; warm, one', async () => {
  const { roster, options } = await seedOptedInNetwork(appClient(emulator.url).client, emulator.benchPractices);
  const cache = new Map<string, CachedPractice>();
  const cold = appClient(emulator.url);
  const loads = await loadNetwork(cold.client, roster, { ...options, cache: { get: (key) => cache.get(key), set: (key, value) => void cache.set(key, value) } });

  expect(loads.map((load) => (load.state === 'loaded' ? load.entries.length : load.state))).toEqual(Array(8).fill(200));
  expect(sequentialRoundTrips(cold.sent)).toBe(2);
  expect(cold.sent.every((request) => request.path === '/v1.0/$batch' && request.inner.length <= 20)).toBe(true);
  // Wave 1: the lists and the setting of each (the roster knows the settings lists), 16 requests; wave 2: the register of each (no incidents lists), 8.
  expect(cold.sent.map((request) => request.inner.length)).toEqual([16, 8]);

  emulator.accounting.reset();
  const warm = appClient(emulator.url);
  await loadNetwork(warm.client, roster, { ...options, cache: { get: (key) => cache.get(key), set: (key, value) => void cache.set(key, value) } });
  expect(sequentialRoundTrips(warm.sent)).toBe(1);
  // Per practice: the setting (a query, 2 RU) and the delta with a token (1 RU).
  expect(emulator.accounting.snapshot().resourceUnits).toBe(8 * 3);
});
