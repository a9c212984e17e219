/**
 * The emulator's side of incident cards through the bot: tokens for the app's own API (Teams tab SSO,
 * "Expose an API") signed with keys the tenant's OpenID metadata publishes; the Bot Connector's
 * threaded reply (`{channel};messageid={root}`) and single-member lookup; fault rules aimed at them.
 */
import { createPublicKey, createVerify } from 'node:crypto';
import { appTokenFor, DEMO, startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { call, graphError } from '../call';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicyWith } from '../../../src/emulator/securityHeaders';

const APP_ID = '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a';
let emulator: RunningEmulator;

beforeEach(async () => {
  emulator = await startTestEmulator();
});
afterEach(() => emulator.close());

const apiScope = () => `api://${new URL(emulator.url).host}/${APP_ID}/access_as_user`;
const botToken = async () => ((await call(emulator.url, undefined, '/emulator/token', { method: 'POST', body: { appId: APP_ID, scope: 'https://api.botframework.com/.default' } })).body?.access_token as string);
const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Update' }] };

test('an API token is an RS256 JWT for the app, verifiable with the published keys; mixing resources is refused', async () => {
  const issued = await call(emulator.url, undefined, '/emulator/token', { method: 'POST', body: { upn: DEMO.manager.upn, scopes: [apiScope()] } });
  expect(issued.status).toBe(200);
  const token = issued.body?.access_token as string;
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  expect(claims).toMatchObject({ aud: APP_ID, iss: 'https://login.microsoftonline.com/emulator/v2.0', tid: 'emulator', oid: DEMO.manager.id, scp: 'access_as_user', ver: '2.0' });
  const metadata = await call(emulator.url, undefined, '/emulator/login/emulator/v2.0/.well-known/openid-configuration');
  expect(metadata.body?.issuer).toBe(claims.iss);
  const keys = (await (await fetch(metadata.body?.jwks_uri as string)).json()) as { keys: Array<Record<string, unknown>> };
  const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string };
  const jwk = keys.keys.find((k) => k.kid === kid);
  expect(jwk).toBeDefined();
  const ok = createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(createPublicKey({ key: jwk as never, format: 'jwk' }), Buffer.from(signature, 'base64url'));
  expect(ok).toBe(true);
  const mixed = await call(emulator.url, undefined, '/emulator/token', { method: 'POST', body: { upn: DEMO.manager.upn, scopes: [apiScope(), 'User.Read'] } });
  expect(mixed.status).toBe(400);
  const otherScope = await call(emulator.url, undefined, '/emulator/token', { method: 'POST', body: { upn: DEMO.manager.upn, scopes: [`api://evil.example/${APP_ID}/access_as_user`] } });
  expect(otherScope.status).toBe(400);
  expect((await call(emulator.url, undefined, '/emulator/login/another-tenant/discovery/v2.0/keys')).status).toBe(404);
});

test('the Bot Connector threads a reply under its root, finds members by object id, and answers 404 for others', async () => {
  const token = await botToken();
  const root = await call(emulator.url, token, '/emulator/botframework/v3/conversations', { method: 'POST', body: { isGroup: true, channelData: { channel: { id: DEMO.channel.id } }, activity: { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] } } });
  expect(root.status).toBe(201);
  const rootId = root.body?.activityId as string;
  const conversation = encodeURIComponent(`${DEMO.channel.id};messageid=${rootId}`);
  const reply = await call(emulator.url, token, `/emulator/botframework/v3/conversations/${conversation}/activities`, { method: 'POST', body: { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] } });
  expect(reply.status).toBe(201);
  const graph = await appTokenFor(emulator.url);
  const replies = await call(emulator.url, graph, `/v1.0/teams/${DEMO.team.id}/channels/${encodeURIComponent(DEMO.channel.id)}/messages/${rootId}/replies`);
  expect(replies.status).toBe(200);
  expect((replies.body?.value as Array<{ id: string; replyToId: string }>).map((m) => [m.id, m.replyToId])).toEqual([[reply.body?.id, rootId]]);
  const lost = await call(emulator.url, token, `/emulator/botframework/v3/conversations/${encodeURIComponent(`${DEMO.channel.id};messageid=42`)}/activities`, { method: 'POST', body: { type: 'message', text: 'x' } });
  expect(lost.status).toBe(404);
  const member = await call(emulator.url, token, `/emulator/botframework/v3/conversations/${encodeURIComponent(DEMO.channel.id)}/members/${DEMO.manager.id}`);
  expect(member.status).toBe(200);
  expect(member.body).toMatchObject({ aadObjectId: DEMO.manager.id, userPrincipalName: DEMO.manager.upn });
  const outsider = await call(emulator.url, token, `/emulator/botframework/v3/conversations/${encodeURIComponent(DEMO.channel.id)}/members/${DEMO.outsider.id}`);
  expect(outsider.status).toBe(404);
  expect(graphError(outsider)).toBe('MemberNotFoundInConversation');
  // A Graph token is not a Bot Connector token.
  expect((await call(emulator.url, graph, `/emulator/botframework/v3/conversations/${encodeURIComponent(DEMO.channel.id)}/members/${DEMO.manager.id}`)).status).toBe(401);
});

test('fault rules aim at a reply: 429 with Retry-After before it runs, 504 after it is stored', async () => {
  const token = await botToken();
  const root = await call(emulator.url, token, '/emulator/botframework/v3/conversations', { method: 'POST', body: { isGroup: true, channelData: { channel: { id: DEMO.channel.id } }, activity: { type: 'message', text: 'root' } } });
  const path = `/emulator/botframework/v3/conversations/${encodeURIComponent(`${DEMO.channel.id};messageid=${root.body?.activityId as string}`)}/activities`;
  await call(emulator.url, undefined, '/emulator/faults', { method: 'POST', body: { rules: [{ path: '/activities$', status: 429, retryAfter: 2, times: 1 }, { path: '/activities$', status: 504, afterCommit: true, times: 1 }] } });
  const throttled = await call(emulator.url, token, path, { method: 'POST', body: { type: 'message', text: 'one' } });
  expect(throttled.status).toBe(429);
  expect(throttled.headers.get('retry-after')).toBe('2');
  const ambiguous = await call(emulator.url, token, path, { method: 'POST', body: { type: 'message', text: 'two' } });
  expect(ambiguous.status).toBe(504);
  const graph = await appTokenFor(emulator.url);
  const replies = await call(emulator.url, graph, `/v1.0/teams/${DEMO.team.id}/channels/${encodeURIComponent(DEMO.channel.id)}/messages/${root.body?.activityId as string}/replies`);
  expect((replies.body?.value as unknown[]).length).toBe(1);
});

test('the tab CSP names the local service only when asked, and only as an origin', () => {
  expect(contentSecurityPolicyWith([])).toBe(CONTENT_SECURITY_POLICY);
  const policy = contentSecurityPolicyWith(['http://127.0.0.1:3978', "http://x; script-src 'unsafe-inline'"]);
  expect(policy).toContain("connect-src 'self' http://127.0.0.1:3978 https://graph.microsoft.com");
  expect(policy).not.toContain('http://x');
  expect(policy.match(/script-src/g)).toHaveLength(1);
});
