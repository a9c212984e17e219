/**
 * The PCN and ICB view across practices (issue 18), loaded with the Graph layer's loadNetwork against
 * the emulator over HTTP, read by the register app (Sites.Selected grants on every bench practice):
 * - pcnRoundTrips: 8 practices of 200 entries each, no cache: the longest chain of Graph requests in
 *   which each started after the previous one ended (the token excluded). Target at most 2.
 * - icbFirstLoadRu / icbWarmLoadRu: 100 practices (60 entries each: RU do not grow with entries up to a 500-item page): SharePoint resource units of the
 *   first load and of a warm load with the delta cache, from the emulator's own request accounting
 *   (model/requestAccounting.ts: every inner request of a $batch counted by the documented cost table).
 * - icbRuBudgetShare: the first load's RU as a share of one minute's per-app budget of the 50k+ tier
 *   (NHSmail's), all in one minute at worst. Target at most 0.5.
 */
import type { BenchFigure, BenchModule } from './figures';
import { startEmulator, type RunningEmulator } from '../src/emulator/server';
import { TENANT_TIERS } from '../src/emulator/model/resourceUnits';
import { loadNetwork, type CachedPractice, type NetworkDeltaCache } from '@graph/network';
import { appClient, seedOptedInNetwork, sequentialRoundTrips } from '../tests/graph/network/networkFixture';

const PCN_ENTRIES = 200;
/** Resource units do not depend on a register's size up to a page (500 items); fewer entries seed faster. */
const ICB_ENTRIES = 60;
const LATENCY_MS = 20;

function mapCache(): NetworkDeltaCache {
  const map = new Map<string, CachedPractice>();
  return { get: (key) => map.get(key), set: (key, value) => void map.set(key, value) };
}

async function withEmulator<T>(practices: number, entries: number, latencyMs: number, run: (emulator: RunningEmulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ port: 0, directorySize: 10, latencyMs, benchPractices: { count: practices + 1, entriesPerPractice: entries } });
  try {
    return await run(emulator);
  } finally {
    await emulator.close();
  }
}

async function pcnRoundTrips(): Promise<number> {
  return withEmulator(8, PCN_ENTRIES, LATENCY_MS, async (emulator) => {
    const { roster, options } = await seedOptedInNetwork(appClient(emulator.url).client, emulator.benchPractices);
    const { client, sent } = appClient(emulator.url);
    const loads = await loadNetwork(client, roster, options);
    if (loads.some((load) => load.state !== 'loaded')) throw new Error('A bench practice did not load.');
    return sequentialRoundTrips(sent);
  });
}

async function icbRu(): Promise<{ first: number; warm: number; practices: number }> {
  return withEmulator(100, ICB_ENTRIES, 0, async (emulator) => {
    const { roster, options } = await seedOptedInNetwork(appClient(emulator.url).client, emulator.benchPractices, 'icb');
    const cache = mapCache();
    emulator.accounting.reset();
    const first = await loadNetwork(appClient(emulator.url).client, roster, { ...options, cache });
    const firstRu = emulator.accounting.snapshot().resourceUnits;
    if (first.some((load) => load.state !== 'loaded')) throw new Error('A bench practice did not load.');
    emulator.accounting.reset();
    await loadNetwork(appClient(emulator.url).client, roster, { ...options, cache });
    return { first: firstRu, warm: emulator.accounting.snapshot().resourceUnits, practices: roster.length };
  });
}

async function run(): Promise<BenchFigure[]> {
  const trips = await pcnRoundTrips();
  const ru = await icbRu();
  const perMinute = TENANT_TIERS['50k+'].perMinute;
  const share = Math.round((ru.first / perMinute) * 1000) / 1000;
  return [
    { key: 'pcnRoundTrips', value: trips, unit: 'round trips', target: 'at most 2 (8 x 200)', met: trips <= 2, note: 'lists by name and setting; then, once admitted, register delta and incidents: parallel $batch posts' },
    { key: 'icbFirstLoadRu', value: ru.first, unit: 'RU', note: `${ru.practices} practices x ${ICB_ENTRIES} entries, no cache` },
    { key: 'icbWarmLoadRu', value: ru.warm, unit: 'RU', target: 'below the first load', met: ru.warm < ru.first, note: 'the setting and a delta with the cached token per practice' },
    { key: 'icbRuBudgetShare', value: share, unit: 'of budget', target: `at most 0.5 of ${perMinute} RU/min`, met: share <= 0.5, note: '50k+ licence tier, per app per minute' },
  ];
}

export const networkBench: BenchModule = { name: 'network', run };
