/**
 * `$batch` across sites (src/emulator/routes/batch.ts, json-batching.md): the PCN lead reads five
 * practices' registers in one batch; each inner request is checked with its own site's access and
 * answers its own status (200, 403, 404, 429 with its Retry-After) without failing the batch.
 */
import { DEMO_NETWORK, startTestEmulator, tokenFor, type RunningEmulator } from '../support/emulator';
import { call } from './call';

let emulator: RunningEmulator;
let lead: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
  lead = await tokenFor(emulator.url, DEMO_NETWORK.lead.upn);
});
afterAll(() => emulator.close());

const byName = (name: string) => DEMO_NETWORK.practices.find((p) => p.name === name)!;
const items = (siteId: string, listId: string) => `/sites/${encodeURIComponent(siteId)}/lists/${listId}/items?expand=fields&$top=100`;

it('answers each site on its own: 200s, a 403 for a site that no longer admits the PCN, a 404, and a 429', async () => {
  const [riverside, northgate, hillside, brookLane, castleStreet] = DEMO_NETWORK.practices;
  expect(DEMO_NETWORK.practices.map((p) => p.name)).toEqual(['Riverside Medical Practice', 'Northgate Surgery', 'Hillside Health Centre', 'Brook Lane Practice', 'Castle Street Surgery']);
  const brook = byName('Brook Lane Practice');
  const visitors = `/emulator/sites/${encodeURIComponent(brook.key)}/visitors`;
  expect((await call(emulator.url, undefined, `${visitors}/${DEMO_NETWORK.pcn.teamId}`, { method: 'DELETE' })).status).toBe(204);
  const fault = await call(emulator.url, undefined, '/emulator/faults', { method: 'POST', body: { method: 'GET', path: `${hillside!.registerListId}/items`, status: 429, retryAfter: '7', times: 1 } });
  expect(fault.status).toBe(201);
  try {
    const answer = await call(emulator.url, lead, '/v1.0/$batch', {
      method: 'POST',
      body: {
        requests: [
          { id: 'riverside', method: 'GET', url: items(riverside!.key, riverside!.registerListId) },
          { id: 'northgate', method: 'GET', url: items(northgate!.key, northgate!.registerListId) },
          { id: 'hillside', method: 'GET', url: items(hillside!.key, hillside!.registerListId) },
          { id: 'brookLane', method: 'GET', url: items(brookLane!.key, brookLane!.registerListId) },
          { id: 'castleStreet', method: 'GET', url: items(castleStreet!.key, '2b3c4d5e-0000-4000-8000-00000000dead') },
          { id: 'northgateWrite', method: 'POST', url: `/sites/${encodeURIComponent(northgate!.key)}/lists/${northgate!.registerListId}/items`, headers: { 'Content-Type': 'application/json' }, body: { fields: { Title: 'From the PCN' } } },
        ],
      },
    });
    expect(answer.status).toBe(200);
    const byId = Object.fromEntries(answer.body.responses.map((r: { id: string }) => [r.id, r])) as Record<string, { status: number; headers: Record<string, string>; body: { value?: unknown[]; error?: { code: string; message: string } } }>;
    expect(Object.fromEntries(Object.entries(byId).map(([id, r]) => [id, r.status]))).toEqual({
      riverside: 200, northgate: 200, hillside: 429, brookLane: 403, castleStreet: 404, northgateWrite: 403,
    });
    expect(byId.riverside!.body.value).toHaveLength(15);
    expect(byId.northgate!.body.value).toHaveLength(18);
    expect(byId.hillside!.headers['Retry-After']).toBe('7');
    expect(byId.brookLane!.body.error).toMatchObject({ code: 'accessDenied' });
    expect(byId.castleStreet!.body.error).toMatchObject({ code: 'itemNotFound' });
    expect(byId.northgateWrite!.body.error).toEqual(expect.objectContaining({ code: 'accessDenied', message: 'Access denied' }));
  } finally {
    await call(emulator.url, undefined, '/emulator/faults', { method: 'DELETE' });
    await call(emulator.url, undefined, visitors, { method: 'POST', body: { groupId: DEMO_NETWORK.pcn.teamId } });
  }
  // The site admits the PCN again, and the throttled one answers on retry.
  const again = await call(emulator.url, lead, '/v1.0/$batch', {
    method: 'POST',
    body: { requests: [brook, byName('Hillside Health Centre')].map((p, i) => ({ id: String(i), method: 'GET', url: items(p.key, p.registerListId) })) },
  });
  expect(again.body.responses.map((r: { status: number }) => r.status)).toEqual([200, 200]);
});
