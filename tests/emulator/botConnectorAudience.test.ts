/**
 * One token per resource, as Entra's client-credentials grant issues them: the bot asks for
 * `https://api.botframework.com/.default` to call the Bot Connector (learn.microsoft.com
 * azure/bot-service/rest-api/bot-framework-rest-connector-authentication.md) and
 * `https://graph.microsoft.com/.default` for Graph. Each service refuses the other's token with 401.
 */
import { startTestEmulator, appTokenFor, DEMO, type RunningEmulator } from '../support/emulator';
import { call, graphError } from './call';

const APP_ID = '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a';
let emulator: RunningEmulator;

beforeEach(async () => {
  emulator = await startTestEmulator();
});
afterEach(() => emulator.close());

async function appToken(body: Record<string, unknown>): Promise<{ status: number; token: string; claims: Record<string, unknown>; error: string }> {
  const answer = await call(emulator.url, undefined, '/emulator/token', { method: 'POST', body: { appId: APP_ID, ...body } });
  const token = typeof answer.body?.access_token === 'string' ? (answer.body.access_token as string) : '';
  const claims = token ? (JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>) : {};
  return { status: answer.status, token, claims, error: answer.status === 200 ? '' : graphError(answer) };
}

const conversation = {
  isGroup: true,
  channelData: { channel: { id: DEMO.channel.id } },
  activity: { type: 'message', text: 'Reminders for this week' },
};

test('the token endpoint issues a Bot Connector token for the botframework scope, a Graph token by default, and refuses other scopes', async () => {
  const bot = await appToken({ scope: 'https://api.botframework.com/.default' });
  expect(bot.status).toBe(200);
  expect(bot.claims).toMatchObject({ aud: 'https://api.botframework.com', appid: APP_ID, idtyp: 'app', roles: [] });
  const graph = await appToken({});
  expect(graph.claims.aud).toBe('https://graph.microsoft.com');
  expect((graph.claims.roles as string[]).length).toBeGreaterThan(0);
  expect((await appToken({ scope: 'https://graph.microsoft.com/.default' })).claims.aud).toBe('https://graph.microsoft.com');
  const refused = await appToken({ scope: 'https://api.botframework.com/Messages.Send' });
  expect(refused).toMatchObject({ status: 400, error: 'invalid_scope' });
});

test('the Bot Connector refuses a Graph token (401 invalid audience) and posts with a botframework token', async () => {
  const graphToken = await appTokenFor(emulator.url);
  const refused = await call(emulator.url, graphToken, '/emulator/botframework/v3/conversations', { method: 'POST', body: conversation });
  expect(refused.status).toBe(401);
  expect(refused.body.error.message).toMatch(/Invalid audience/);
  const before = (await call(emulator.url, undefined, '/emulator/channel/messages')).body.value.length as number;

  const bot = await appToken({ scope: 'https://api.botframework.com/.default' });
  const posted = await call(emulator.url, bot.token, '/emulator/botframework/v3/conversations', { method: 'POST', body: conversation });
  expect(posted.status).toBe(201);
  // Only the accepted post reached the channel.
  expect((await call(emulator.url, undefined, '/emulator/channel/messages')).body.value).toHaveLength(before + 1);
});

test('Graph refuses a Bot Connector token (401 InvalidAuthenticationToken, invalid audience)', async () => {
  const bot = await appToken({ scope: 'https://api.botframework.com/.default' });
  const answer = await call(emulator.url, bot.token, `/v1.0/sites/${DEMO.site.id}/lists/${DEMO.registerListId}/items`);
  expect(answer.status).toBe(401);
  expect(graphError(answer)).toBe('InvalidAuthenticationToken');
  expect(answer.body.error.message).toMatch(/Invalid audience/);
  // The same app's Graph token reads the register.
  expect((await call(emulator.url, await appTokenFor(emulator.url), `/v1.0/sites/${DEMO.site.id}/lists/${DEMO.registerListId}/items`)).status).toBe(200);
});
