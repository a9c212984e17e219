/**
 * A member practice's reads of its PCN's register, against the emulator over HTTP through the real
 * Graph client. The "PCN" is a second team's site with its own register (a bench practice the
 * emulator seeds), read with the app's token: the app holds a Sites.Selected grant on it.
 */
import { randomUUID } from 'node:crypto';
import { emptyEntry, type RegisterEntry } from '../../../src/domain';
import { createGraphClient, openRegisterStore, type GraphClient } from '../../../src/graph';
import { listShareableServices, readSharedEntries } from '../../../src/graph/sharedServices';
import { appTokenFor, startTestEmulator, type RunningEmulator } from '../../support/emulator';

let emulator: RunningEmulator;
let client: GraphClient;
const requests: string[] = [];
let pcnSiteId: string;
const ids: Record<string, string> = {};

function service(title: string, overrides: Partial<RegisterEntry> = {}): RegisterEntry {
  return { ...emptyEntry(), title, provision: 'pcn-shared', supplier: `${title} Ltd`, lifecycle: 'live', nextReviewDue: '2027-01-31', ...overrides };
}

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 20, benchPractices: { count: 1, entriesPerPractice: 2 } });
  const pcn = emulator.benchPractices[0];
  if (!pcn) throw new Error('no bench practice');
  pcnSiteId = pcn.siteId;
  client = createGraphClient({
    baseUrl: emulator.url,
    tokenSource: { getToken: () => appTokenFor(emulator.url) },
    fetchImpl: async (input, init) => {
      requests.push(`${(init?.method ?? 'GET').toUpperCase()} ${String(input).slice(emulator.url.length)}`);
      return fetch(input, init);
    },
    sleep: async () => undefined,
  });
  const store = openRegisterStore(client, { teamId: pcn.teamId, siteId: pcn.siteId, listId: pcn.listId });
  const made = [
    ['hub', service('Hub telephony', { downtimeWorkaround: 'Divert to the hub mobile' })],
    ['booking', service('Appointment booking')],
    ['retired', service('Old hub rota', { lifecycle: 'retired' })],
    ['own', service('PCN laptop fleet', { provision: 'practice-owned' })],
  ] as const;
  for (const [name, entry] of made) ids[name] = (await store.create(entry, randomUUID())).id;
});

afterAll(async () => {
  await emulator.close();
});

describe('readSharedEntries', () => {
  it('reads the linked PCN entries by item id in one batch, leaving out one the PCN has deleted', async () => {
    requests.length = 0;
    const found = await readSharedEntries(client, pcnSiteId, [ids.hub as string, ids.booking as string, '99999', ids.hub as string]);
    expect([...found.keys()].sort()).toEqual([ids.hub, ids.booking].sort());
    expect(found.get(ids.hub as string)?.entry).toMatchObject({ title: 'Hub telephony', supplier: 'Hub telephony Ltd', downtimeWorkaround: 'Divert to the hub mobile' });
    expect(found.get(ids.hub as string)?.eTag).toMatch(/^"/);
    // The register found by name, then one $batch for the items.
    expect(requests.filter((line) => !line.startsWith('sleep'))).toEqual([
      expect.stringMatching(/^GET \/v1\.0\/sites\/[^/]+\/lists\?/),
      'POST /v1.0/$batch',
    ]);
  });

  it('sends at most 20 requests to a batch', async () => {
    requests.length = 0;
    const many = [ids.hub as string, ...Array.from({ length: 24 }, (_, index) => String(50_000 + index))];
    const found = await readSharedEntries(client, pcnSiteId, many);
    expect([...found.keys()]).toEqual([ids.hub]);
    expect(requests.filter((line) => line === 'POST /v1.0/$batch')).toHaveLength(2);
  });

  it('asks nothing when no item is linked', async () => {
    requests.length = 0;
    expect((await readSharedEntries(client, pcnSiteId, [])).size).toBe(0);
    expect(requests).toEqual([]);
  });

  it('reads the values the PCN saved last: a review at the PCN is what the practice reads', async () => {
    const store = openRegisterStore(client, { teamId: '', siteId: pcnSiteId, listId: emulator.benchPractices[0]?.listId as string });
    const current = await store.get(ids.booking as string);
    await store.update(current.id, current.eTag, { ...current.entry, lastReviewedOn: '2026-02-02', nextReviewDue: '2027-02-02' });
    const found = await readSharedEntries(client, pcnSiteId, [ids.booking as string]);
    expect(found.get(ids.booking as string)?.entry).toMatchObject({ lastReviewedOn: '2026-02-02', nextReviewDue: '2027-02-02' });
  });
});

describe('listShareableServices', () => {
  it("lists the PCN register's PCN-shared services in use, by name", async () => {
    const titles = (await listShareableServices(client, pcnSiteId)).map((stored) => stored.entry.title);
    expect(titles).toEqual(['Appointment booking', 'Hub telephony']);
  });
});
