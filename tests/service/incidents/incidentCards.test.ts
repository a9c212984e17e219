/**
 * The incident card through the bot (`POST /api/incidents/notify`), against the emulator over HTTP
 * (Graph, Bot Connector, Entra-shaped API tokens with published keys) and a real Azurite: exactly one
 * card under 429s and under an ambiguous 504, updates threaded under it, forged / wrong-audience
 * tokens 401, a non-member 403, a replayed call posts nothing new, two calls at once post once.
 */
import { randomUUID } from 'node:crypto';
import { declareIncident, addIncidentUpdate, incidentKeyFor, incidentUpdateKey, INCIDENTS_LIST } from '../../../src/domain/incidents';
import { createGraphClient } from '../../../src/graph';
import { openIncidentStore } from '../../../src/graph/incidents';
import { findOrProvisionList } from '../../../src/graph/lists';
import { startBotEndpoint, type RunningBotEndpoint } from '../../../src/service/bot/endpoint';
import { EMULATOR_APP_ID, LOCAL_TEAMS_APP_ID } from '../../../src/service/config';
import { CardLedger } from '../../../src/service/incidents/cardLedger';
import { userTokenValidator } from '../../../src/service/incidents/userToken';
import { DEMO, startTestEmulator, tokenFor, type RunningEmulator } from '../../support/emulator';
import { closeHarnesses, control, harness, sharedAzurite, stopSharedAzurite, type Harness } from '../harness';

jest.setTimeout(60_000);

let emulator: RunningEmulator;
let h: Harness;
let service: RunningBotEndpoint;
let sleeps: number[];

beforeAll(() => sharedAzurite());
afterAll(() => stopSharedAzurite());
beforeEach(async () => {
  emulator = await startTestEmulator({ directorySize: 20 });
  h = await harness(emulator.url);
  sleeps = [];
  const graph = createGraphClient({ baseUrl: emulator.url, tokenSource: h.tokenSource, sleep: async (ms) => void sleeps.push(ms) });
  const origin = new URL(emulator.url);
  service = await startBotEndpoint({
    appId: EMULATOR_APP_ID, tenantId: 'emulator', installations: h.stores.installations, emulatorOrigin: emulator.url, log: () => undefined, port: 0,
    incidents: {
      allowedOrigins: [emulator.url],
      validateUser: userTokenValidator({ tenantId: 'emulator', appId: EMULATOR_APP_ID, appIdUri: `api://${origin.host}/${EMULATOR_APP_ID}`, openIdMetadataUrl: `${emulator.url}/emulator/login/emulator/v2.0/.well-known/openid-configuration` }),
      deps: {
        installations: h.stores.installations, ledger: new CardLedger(h.tables.ledger), graph, teamsAppId: LOCAL_TEAMS_APP_ID, tabEntityId: 'register',
        now: () => new Date(), log: () => undefined,
        bot: { tokenSource: h.tokenSource, botAppId: EMULATOR_APP_ID, emulatorOrigin: emulator.url, sleep: async (ms) => void sleeps.push(ms) },
      },
    },
  });
});
afterEach(async () => {
  await service.close();
  await closeHarnesses();
  await emulator.close();
});

const apiScope = () => `api://${new URL(emulator.url).host}/${EMULATOR_APP_ID}/access_as_user`;
const notifyUrl = () => `${service.messagingEndpoint.replace('/api/messages', '')}/api/incidents/notify`;

async function userApiToken(upn: string = DEMO.manager.upn): Promise<string> {
  const response = await fetch(`${emulator.url}/emulator/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ upn, scopes: [apiScope()] }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Declares an incident the way the tab does (the person's delegated token), in a freshly provisioned incidents list. */
async function declare(): Promise<{ key: string; store: ReturnType<typeof openIncidentStore> }> {
  const app = createGraphClient({ baseUrl: emulator.url, tokenSource: h.tokenSource });
  const { id: listId } = await findOrProvisionList(app, DEMO.site.id, INCIDENTS_LIST);
  const user = createGraphClient({ baseUrl: emulator.url, tokenSource: { getToken: () => tokenFor(emulator.url, DEMO.manager.upn) } });
  const store = openIncidentStore(user, { siteId: DEMO.site.id, listId });
  const key = incidentKeyFor(randomUUID());
  await store.create(declareIncident({ key, entryId: '1', serviceTitle: 'EMIS Web <b>', impact: 'down', seen: 'Nobody can log in', declaredBy: { displayName: DEMO.manager.displayName, entraId: DEMO.manager.id } }, new Date()));
  return { key, store };
}

async function notify(body: Record<string, unknown>, token?: string): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(notifyUrl(), {
    method: 'POST', headers: { 'Content-Type': 'application/json', Origin: emulator.url, ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }) }, body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown>, headers: response.headers };
}

interface ViewerMessage { id: string; replyToId: string | null; from: { application: unknown }; attachments: Array<{ content: string }> }
async function botMessages(): Promise<ViewerMessage[]> {
  const body = (await (await fetch(`${emulator.url}/emulator/channel/messages`)).json()) as { value: ViewerMessage[] };
  return body.value.filter((m) => m.from.application);
}
const carrying = (messages: ViewerMessage[], key: string) => messages.filter((m) => m.attachments.some((a) => a.content.includes(`dsr-card-${key}"`)));

test('declaring posts exactly one card under 429s from the Bot Connector, after Retry-After', async () => {
  const { key, store } = await declare();
  await control(emulator.url, 'POST', '/emulator/faults', { rules: [{ method: 'POST', path: '/emulator/botframework/v3/conversations$', status: 429, retryAfter: 3, times: 2 }] });
  const answer = await notify({ teamId: DEMO.team.id, siteId: DEMO.site.id, incidentKey: key, updateKey: null }, await userApiToken());
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ posted: true, alreadyPosted: false });
  expect(sleeps.filter((ms) => ms === 3000)).toHaveLength(2);
  expect(carrying(await botMessages(), key)).toHaveLength(1);
  const stored = await store.findByKey(key);
  expect(stored?.incident.postedKeys).toContain(key);
  expect(stored?.incident.thread?.messageId).toBe(answer.body.messageId);
});

test('429s from Graph (reading the incident) are waited out with the shared retry policy; one card', async () => {
  const { key } = await declare();
  await control(emulator.url, 'POST', '/emulator/faults', { rules: [{ method: 'GET', path: '/lists/[^/]+/items$', status: 429, retryAfter: 2, times: 2 }] });
  const answer = await notify({ teamId: DEMO.team.id, incidentKey: key, updateKey: null }, await userApiToken());
  expect(answer.status).toBe(200);
  expect(sleeps.filter((ms) => ms === 2000).length).toBeGreaterThanOrEqual(2);
  expect(carrying(await botMessages(), key)).toHaveLength(1);
});

test('an ambiguous 504 (the post committed) is found in the channel, not posted again; a replay posts nothing new', async () => {
  const { key } = await declare();
  await control(emulator.url, 'POST', '/emulator/faults', { rules: [{ method: 'POST', path: '/emulator/botframework/v3/conversations$', status: 504, afterCommit: true, times: 1 }] });
  const token = await userApiToken();
  const first = await notify({ teamId: DEMO.team.id, incidentKey: key, updateKey: null }, token);
  expect(first.status).toBe(200);
  expect(carrying(await botMessages(), key)).toHaveLength(1);
  const again = await notify({ teamId: DEMO.team.id, incidentKey: key, updateKey: null }, token);
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ posted: true, alreadyPosted: true, messageId: first.body.messageId });
  expect(carrying(await botMessages(), key)).toHaveLength(1);
});

test('an ambiguous 504 that did NOT commit: the channel is checked, then the card is posted once', async () => {
  const { key } = await declare();
  await control(emulator.url, 'POST', '/emulator/faults', { rules: [{ method: 'POST', path: '/emulator/botframework/v3/conversations$', status: 504, times: 1 }] });
  const answer = await notify({ teamId: DEMO.team.id, incidentKey: key, updateKey: null }, await userApiToken());
  expect(answer.status).toBe(200);
  expect(carrying(await botMessages(), key)).toHaveLength(1);
});

test('updates thread under the incident card (a 504 after commit on a reply still leaves one reply)', async () => {
  const { key, store } = await declare();
  const token = await userApiToken();
  expect((await notify({ teamId: DEMO.team.id, incidentKey: key, updateKey: null }, token)).status).toBe(200);
  const stored = (await store.findByKey(key))!;
  const updateKey = incidentUpdateKey(key, 1);
  await store.change(stored, (incident) => addIncidentUpdate(incident, { key: updateKey, by: DEMO.manager.displayName, text: 'Supplier says 2 hours' }, new Date()));
  await control(emulator.url, 'POST', '/emulator/faults', { rules: [{ method: 'POST', path: '/activities$', status: 504, afterCommit: true, times: 1 }] });
  const reply = await notify({ teamId: DEMO.team.id, incidentKey: key, updateKey }, token);
  expect(reply.status).toBe(200);
  const messages = await botMessages();
  const root = carrying(messages, key).find((m) => m.replyToId === null)!;
  const replies = carrying(messages, updateKey);
  expect(replies).toHaveLength(1);
  expect(replies[0]?.replyToId).toBe(root.id);
  expect(reply.body.rootMessageId).toBe(root.id);
  // The Graph view agrees: the channel lists the root only, and the reply under it.
  const graph = createGraphClient({ baseUrl: emulator.url, tokenSource: h.tokenSource });
  const roots = (await graph.api(`/teams/${DEMO.team.id}/channels/${DEMO.channel.id}/messages`).get()) as { value: Array<{ id: string }> };
  expect(roots.value.map((m) => m.id)).not.toContain(replies[0]?.id);
  expect((await store.findByKey(key))?.incident.postedKeys).toEqual(expect.arrayContaining([key, updateKey]));
});

test('two calls at once for the same key post one card', async () => {
  const { key } = await declare();
  const token = await userApiToken();
  const answers = await Promise.all([0, 1, 2].map(() => notify({ teamId: DEMO.team.id, incidentKey: key, updateKey: null }, token)));
  expect(answers.map((a) => a.status).sort()).toEqual(expect.arrayContaining([200]));
  for (const a of answers) expect([200, 503]).toContain(a.status);
  expect(answers.filter((a) => a.status === 503).every((a) => a.headers.get('retry-after') !== null)).toBe(true);
  expect(carrying(await botMessages(), key)).toHaveLength(1);
});

test('a forged, wrong-audience, expired or missing token gets 401 and posts nothing', async () => {
  const { key } = await declare();
  const body = { teamId: DEMO.team.id, incidentKey: key, updateKey: null };
  const real = await userApiToken();
  const [header, payload] = real.split('.');
  const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString()) as Record<string, unknown>;
  const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, oid: DEMO.outsider.id })).toString('base64url')}.${real.split('.')[2]}`;
  const graphToken = await tokenFor(emulator.url, DEMO.manager.upn);
  const expiredResponse = await fetch(`${emulator.url}/emulator/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ upn: DEMO.manager.upn, scopes: [apiScope()], expiresInSeconds: -600 }) });
  const expired = ((await expiredResponse.json()) as { access_token: string }).access_token;
  for (const token of [undefined, 'not-a-jwt', tampered, graphToken, expired]) {
    const answer = await notify(body, token);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toContain('invalid_token');
  }
  expect(carrying(await botMessages(), key)).toHaveLength(0);
});

test('someone who is not a member of the team gets 403', async () => {
  const { key } = await declare();
  const answer = await notify({ teamId: DEMO.team.id, incidentKey: key, updateKey: null }, await userApiToken(DEMO.outsider.upn));
  expect(answer.status).toBe(403);
  expect(answer.body.code).toBe('NotATeamMember');
  expect(carrying(await botMessages(), key)).toHaveLength(0);
});

test('CORS answers only the tab origin; a bad body is 400', async () => {
  const preflight = (origin: string) => fetch(notifyUrl(), { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' } });
  const ok = await preflight(emulator.url);
  expect(ok.status).toBe(204);
  expect(ok.headers.get('access-control-allow-origin')).toBe(emulator.url);
  const evil = await preflight('https://evil.example');
  expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  const bad = await notify({ teamId: DEMO.team.id, incidentKey: 'inc-nope', updateKey: null }, await userApiToken());
  expect(bad.status).toBe(400);
});
