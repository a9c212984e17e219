/**
 * The bot's messaging endpoint (Teams SDK) against the emulator playing Teams: signed activities are
 * accepted, forged ones get 401 and record nothing; a serviceUrl outside the documented Bot
 * Connector hosts is refused, logged, and never receives the token.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { checkServiceUrl } from '../../../src/service/bot/serviceUrls';
import { BotPostError, postProactiveCard } from '../../../src/service/bot/proactive';
import { EMULATOR_APP_ID } from '../../../src/service/config';
import { DEMO, startTestEmulator, tokenFor, type RunningEmulator } from '../../support/emulator';
import { closeHarnesses, control, harness, install, sharedAzurite, stopSharedAzurite } from '../harness';

let emulator: RunningEmulator;
beforeAll(() => sharedAzurite());
afterAll(() => stopSharedAzurite());
beforeEach(async () => {
  emulator = await startTestEmulator({ directorySize: 20 });
});
afterEach(async () => {
  await closeHarnesses();
  await emulator.close();
});

function installActivity(serviceUrl: string) {
  return {
    type: 'installationUpdate', action: 'add', id: 'f:1', channelId: 'msteams', serviceUrl, timestamp: new Date().toISOString(),
    from: { id: '29:x', aadObjectId: DEMO.manager.id }, recipient: { id: `28:${EMULATOR_APP_ID}` },
    conversation: { id: '19:general0001@thread.tacv2', conversationType: 'channel', tenantId: 'emulator', isGroup: true },
    channelData: { team: { id: '19:general0001@thread.tacv2', aadGroupId: DEMO.team.id, name: 'Forged' }, tenant: { id: 'emulator' } },
  };
}

/** A well-formed Bot Framework token signed with a key nobody published. */
function forgedToken(serviceUrl: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'not-published' })}.${b64({ iss: 'https://api.botframework.com', aud: EMULATOR_APP_ID, serviceurl: serviceUrl, iat, nbf: iat, exp: iat + 600 })}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
}

test('the emulator publishes its signing keys in an OpenID metadata document', async () => {
  const config = (await control(emulator.url, 'GET', '/emulator/botframework/v1/.well-known/openidconfiguration')).body;
  expect(config).toMatchObject({ issuer: 'https://api.botframework.com', jwks_uri: `${emulator.url}/emulator/botframework/v1/.well-known/keys` });
  const keys = (await control(emulator.url, 'GET', '/emulator/botframework/v1/.well-known/keys')).body as { keys: Array<Record<string, unknown>> };
  expect(keys.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256', kid: expect.any(String), n: expect.any(String), e: 'AQAB' });
  expect(keys.keys[0]).not.toHaveProperty('d');
});

test('a forged activity gets 401 and records nothing: no token, a token signed with an unpublished key, a Graph token', async () => {
  const h = await harness(emulator.url, { install: false });
  const serviceUrl = `${emulator.url}/emulator/botframework/`;
  const body = JSON.stringify(installActivity(serviceUrl));
  const graphToken = await tokenFor(emulator.url, DEMO.manager.upn);
  for (const authorization of [undefined, `Bearer ${forgedToken(serviceUrl)}`, `Bearer ${graphToken}`, 'Bearer not.a.jwt']) {
    const response = await fetch(h.bot.messagingEndpoint, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) }, body });
    expect(response.status).toBe(401);
  }
  expect(await h.stores.installations.list()).toEqual([]);
  // The same activity sent by the emulator (signed with its published key) is accepted.
  expect((await install(emulator.url)).body.delivery).toMatchObject({ status: 200 });
  expect((await h.stores.installations.list()).map((i) => i.teamId)).toEqual([DEMO.team.id]);
});

test('a serviceUrl outside the allowed hosts is refused and logged, and no token is ever sent there', async () => {
  const h = await harness(emulator.url, { install: false });
  const hits: string[] = [];
  const evil: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.end('{}');
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  const evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
  try {
    // Teams (here, the emulator) sends a correctly signed activity naming an address that is not a Bot Connector.
    const delivered = await install(emulator.url, DEMO.team.id, { channelId: DEMO.channel.id, serviceUrl: evilUrl });
    expect((delivered.body.delivery as { status: number }).status).toBe(200);
    expect(await h.stores.installations.list()).toEqual([]);
    expect(h.logs.some((line) => /REFUSED the install/.test(line) && line.includes(DEMO.team.id))).toBe(true);
    // Even a record pointing there (say, written before the check existed) gets no token.
    let tokensAsked = 0;
    const tokenSource = { getToken: async () => (tokensAsked++, 'secret-token'), invalidate: () => undefined };
    const post = postProactiveCard(
      { serviceUrl: evilUrl, channelId: DEMO.channel.id, tenantId: 'emulator', botAppId: EMULATOR_APP_ID, card: { type: 'AdaptiveCard', version: '1.5', body: [] } as never, summary: 'x' },
      { tokenSource, emulatorOrigin: emulator.url },
    );
    await expect(post).rejects.toMatchObject({ code: 'ServiceUrlRefused', ambiguous: false });
    await expect(post).rejects.toBeInstanceOf(BotPostError);
    expect(tokensAsked).toBe(0);
    expect(hits).toEqual([]);
  } finally {
    await new Promise<void>((resolve) => evil.close(() => resolve()));
  }
});

test.each([
  ['https://smba.trafficmanager.net/emea/', true],
  ['https://smba.trafficmanager.net/teams', true],
  ['https://smba.infra.gcc.teams.microsoft.com/gcc', true],
  ['https://smba.infra.gov.teams.microsoft.us/gcch', true],
  ['http://smba.trafficmanager.net/emea/', false],
  ['https://smba.trafficmanager.net.evil.example/emea/', false],
  ['https://evil.example/smba.trafficmanager.net/', false],
  ['https://user:pw@smba.trafficmanager.net/emea/', false],
  ['https://smba.trafficmanager.net:8443/emea/', false],
  ['https://smba.trafficmanager.net/emea/?x=1', false],
  ['not a url', false],
])('serviceUrl %s allowed: %s', (url, allowed) => {
  expect(checkServiceUrl(url, null).ok).toBe(allowed);
});

test('in emulator mode only the emulator\'s own Bot Connector is added to the allowed hosts', () => {
  expect(checkServiceUrl('http://127.0.0.1:53000/emulator/botframework/', 'http://127.0.0.1:53000').ok).toBe(true);
  expect(checkServiceUrl('http://127.0.0.1:53000/elsewhere/', 'http://127.0.0.1:53000').ok).toBe(false);
  expect(checkServiceUrl('http://127.0.0.1:53001/emulator/botframework/', 'http://127.0.0.1:53000').ok).toBe(false);
  expect(checkServiceUrl('http://127.0.0.1:53000/emulator/botframework/', null).ok).toBe(false);
});

test('team deleted: the installation is marked removed', async () => {
  const h = await harness(emulator.url);
  await control(emulator.url, 'DELETE', `/emulator/teams/${DEMO.team.id}`);
  expect(await h.stores.installations.get(DEMO.team.id)).toMatchObject({ status: 'removed', removedReason: 'team deleted' });
});
