/**
 * The emulator's own surface, closed (issue 11): no CORS on /emulator/*, JSON only with a JSON
 * content type, token lifetimes capped at Entra's, a signing secret of 32+ random bytes, no caller
 * text in a RegExp, and Graph's request size limit.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_BODY_BYTES } from '../../src/emulator/server';
import { DEMO, startTestEmulator, tokenFor, type RunningEmulator } from '../support/emulator';
import { call } from './call';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
});
afterAll(() => emulator.close());

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString('utf8'));

it('answers /emulator/* without any CORS header, so another origin cannot read a token', async () => {
  const answer = await fetch(`${emulator.url}/emulator/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
    body: JSON.stringify({ upn: DEMO.manager.upn }),
  });
  expect(answer.status).toBe(200);
  expect([...answer.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  const preflight = await fetch(`${emulator.url}/emulator/token`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
  expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
});

it('refuses a body that is not sent as JSON (what a page can post cross-origin without a preflight)', async () => {
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const answer = await fetch(`${emulator.url}/emulator/token`, { method: 'POST', headers: { 'Content-Type': type }, body: JSON.stringify({ upn: DEMO.manager.upn }) });
    expect(answer.status).toBe(415);
    expect(((await answer.json()) as { access_token?: string }).access_token).toBeUndefined();
  }
  const json = await fetch(`${emulator.url}/emulator/token`, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify({ upn: DEMO.manager.upn }) });
  expect(json.status).toBe(200);
});

it('caps token lifetime at 90 minutes, as Entra, and still mints expired tokens for tests', async () => {
  const long = await call(emulator.url, undefined, '/emulator/token', { method: 'POST', body: { upn: DEMO.manager.upn, expiresInSeconds: 10 * 365 * 24 * 3600 } });
  expect(long.body.expires_in).toBe(5400);
  const claims = claimsOf(long.body.access_token);
  expect(claims.exp - claims.iat).toBe(5400);
  const app = await call(emulator.url, undefined, '/emulator/token', { method: 'POST', body: { appId: '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a', expiresInSeconds: 1e9 } });
  expect(app.body.expires_in).toBe(5400);
  const expired = await tokenFor(emulator.url, DEMO.manager.upn, -5);
  expect((await call(emulator.url, expired, '/v1.0/me')).status).toBe(401);
});

describe('the signing secret', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'emulator-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is created on first run with 32 random bytes, and kept', async () => {
    const first = await startTestEmulator({ dataDir: dir, directorySize: 10 });
    await first.close();
    const secret = readFileSync(path.join(dir, 'token-secret'), 'utf8');
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const second = await startTestEmulator({ dataDir: dir, directorySize: 10 });
    await second.close();
    expect(readFileSync(path.join(dir, 'token-secret'), 'utf8')).toBe(secret);
  });

  it.each([
    ['shorter than 32 bytes', 'ab'.repeat(31)],
    ['not hex', 'z'.repeat(64)],
    ['empty', ''],
  ])('refuses one %s with a clear error', async (_case, content) => {
    writeFileSync(path.join(dir, 'token-secret'), content);
    await expect(startTestEmulator({ dataDir: dir, directorySize: 10 })).rejects.toThrow(/token-signing secret .* at least 32 random bytes .* Delete the file/);
  });
});

it('compares mention ids as text: a crafted id neither matches loosely nor blocks the server', async () => {
  const token = await tokenFor(emulator.url, DEMO.manager.upn);
  const path = `/v1.0/teams/${DEMO.team.id}/channels/${encodeURIComponent(DEMO.channel.id)}/messages`;
  const mentioned = { user: { id: DEMO.staff.id, displayName: 'Tom Reed', userIdentityType: 'aadUser' } };
  // As a pattern, "(a+)+$" takes exponential time on a long run of a's; ".*" would match any tag.
  const evil = { body: { contentType: 'html', content: `<at id="${'a'.repeat(40)}!">x</at>` }, mentions: [{ id: '(a+)+$', mentionText: 'x', mentioned }] };
  expect((await call(emulator.url, token, path, { method: 'POST', body: evil })).status).toBe(400);
  const loose = { body: { contentType: 'html', content: '<at id="7">Tom</at>' }, mentions: [{ id: '.*', mentionText: 'Tom', mentioned }] };
  expect((await call(emulator.url, token, path, { method: 'POST', body: loose })).status).toBe(400);
  const literal = { body: { contentType: 'html', content: '<at id=".*">Tom</at>' }, mentions: [{ id: '.*', mentionText: 'Tom', mentioned }] };
  expect((await call(emulator.url, token, path, { method: 'POST', body: literal })).status).toBe(201);
});

it(`answers 413 to a body larger than Graph accepts (${MAX_BODY_BYTES} bytes)`, async () => {
  const token = await tokenFor(emulator.url, DEMO.manager.upn);
  const big = { fields: { Title: 'Too big', Notes: 'x'.repeat(MAX_BODY_BYTES) } };
  const answer = await call(emulator.url, token, `/v1.0/sites/${encodeURIComponent(DEMO.site.id)}/lists/${DEMO.registerListId}/items`, { method: 'POST', body: big });
  expect(answer.status).toBe(413);
  expect(answer.body.error.code).toBe('RequestEntityTooLarge');
});
