/**
 * An incident the PCN declares on a PCN-shared service reaches every linked practice's channel
 * (issue 18): the reminder run reads the PCN's open incidents on the services the practice links
 * to and posts each card once, claimed in the ledger. Against the emulator, state in Azurite. The
 * "PCN" is a second team's site and register (a bench practice the emulator seeds).
 */
import { randomUUID } from 'node:crypto';
import { emptyEntry } from '../../src/domain';
import { declareIncident, incidentKeyFor, INCIDENTS_LIST } from '../../src/domain/incidents';
import { linkedEntryFor, sharedIncidentKey } from '../../src/domain/sharedServices';
import { createGraphClient, findOrProvisionList, openRegisterStore, type GraphClient } from '../../src/graph';
import { openIncidentStore } from '../../src/graph/incidents';
import { DEMO, startTestEmulator, type RunningEmulator } from '../support/emulator';
import { BASE_TIME, channelMessages, harness, sharedAzurite, stopSharedAzurite, type Harness } from './harness';

let emulator: RunningEmulator;
let h: Harness | null = null;

beforeAll(() => sharedAzurite());
afterAll(() => stopSharedAzurite());
beforeEach(async () => {
  emulator = await startTestEmulator({ directorySize: 20, benchPractices: { count: 1, entriesPerPractice: 2 } });
});
afterEach(async () => {
  await h?.close();
  h = null;
  await emulator.close();
});

const later = (ms: number) => new Date(BASE_TIME.getTime() + ms);
const TITLE = 'Hub telephony (PCN)';

/** The PCN's shared service, an open incident on it, and the demo practice's link to it. */
async function sharedServiceWithIncident(graph: GraphClient, opts: { link: boolean }) {
  const pcn = emulator.benchPractices[0];
  if (!pcn) throw new Error('no bench practice');
  const pcnEntry = await openRegisterStore(graph, { teamId: pcn.teamId, siteId: pcn.siteId, listId: pcn.listId })
    .create({ ...emptyEntry(), title: TITLE, provision: 'pcn-shared', supplier: 'X-on', downtimeWorkaround: 'Divert to the hub mobile' }, randomUUID());
  const incidentsList = await findOrProvisionList(graph, pcn.siteId, INCIDENTS_LIST);
  const incidents = openIncidentStore(graph, { siteId: pcn.siteId, listId: incidentsList.id });
  const declared = await incidents.create(declareIncident({
    key: incidentKeyFor(randomUUID()), entryId: pcnEntry.id, serviceTitle: TITLE, impact: 'down', seen: 'Calls do not connect',
    startedAt: new Date(BASE_TIME.getTime() - 3_600_000).toISOString(), declaredBy: { displayName: 'Pat Lead', entraId: randomUUID() },
  }, new Date(BASE_TIME.getTime() - 3_600_000)));
  // A second, restored incident: not posted.
  const restored = await incidents.create(declareIncident({
    key: incidentKeyFor(randomUUID()), entryId: pcnEntry.id, serviceTitle: TITLE, impact: 'degraded', seen: 'Old one',
    declaredBy: { displayName: 'Pat Lead', entraId: randomUUID() },
  }, new Date(BASE_TIME.getTime() - 7_200_000)));
  await incidents.change(restored, (incident) => ({ ...incident, state: 'restored', restoredAt: new Date(BASE_TIME.getTime() - 3_700_000).toISOString() }));
  if (opts.link) {
    await openRegisterStore(graph, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId }).create(linkedEntryFor(pcnEntry, pcn.siteId), randomUUID());
  }
  return { pcnSiteId: pcn.siteId, incidentKey: declared.incident.key };
}

function incidentCards(h: Harness): string[] {
  return h.cards.map((card) => JSON.stringify(card)).filter((text) => text.includes('Calls do not connect') || text.includes('Old one'));
}

test("an open PCN incident on a linked service is posted once to the practice's channel, and claimed in the ledger", async () => {
  h = await harness(emulator.url);
  const graph = createGraphClient({ baseUrl: emulator.url, tokenSource: h.tokenSource });
  const { pcnSiteId, incidentKey } = await sharedServiceWithIncident(graph, { link: true });

  const first = await h.run();
  expect(first.failed).toEqual([]);
  const cards = incidentCards(h);
  expect(cards).toHaveLength(1);
  expect(cards[0]).toContain('Calls do not connect');
  expect(cards[0]).toContain('Divert to the hub mobile');
  expect(cards[0]).not.toContain('Old one');
  const posted = (await channelMessages(emulator.url)).filter((m) => m.attachments.some((a) => a.content.includes('Calls do not connect')));
  expect(posted).toHaveLength(1);
  const records = await h.stores.ledger.recent(DEMO.team.id, '2000-01-01T00:00:00Z');
  expect(records.filter((r) => r.keys.includes(sharedIncidentKey(pcnSiteId, incidentKey)))).toEqual([expect.objectContaining({ state: 'notified' })]);

  await h.run({ at: later(3_600_000) });
  expect(incidentCards(h)).toHaveLength(1);
  expect((await channelMessages(emulator.url)).filter((m) => m.attachments.some((a) => a.content.includes('Calls do not connect')))).toHaveLength(1);
});

test('a claim whose post was never recorded (a crash) is posted again: never missed', async () => {
  h = await harness(emulator.url);
  const graph = createGraphClient({ baseUrl: emulator.url, tokenSource: h.tokenSource });
  const { pcnSiteId, incidentKey } = await sharedServiceWithIncident(graph, { link: true });
  await h.stores.ledger.claim(DEMO.team.id, [sharedIncidentKey(pcnSiteId, incidentKey)], 'crashed-run', BASE_TIME);
  await h.run({ at: later(60_000) });
  expect(incidentCards(h)).toHaveLength(1);
});

test('a practice that does not link to the service gets nothing from the PCN', async () => {
  h = await harness(emulator.url);
  const graph = createGraphClient({ baseUrl: emulator.url, tokenSource: h.tokenSource });
  await sharedServiceWithIncident(graph, { link: false });
  await h.run();
  expect(incidentCards(h)).toEqual([]);
});
