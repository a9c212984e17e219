/** Authentication, membership (403) and strictness: the emulator never answers a silent 200. */
import { DEMO, startTestEmulator, tokenFor, type RunningEmulator } from '../support/emulator';
import { call, graphError } from './call';

let emulator: RunningEmulator;
let manager: string;
const REGISTER = `/v1.0/sites/${encodeURIComponent(DEMO.site.id)}/lists/${DEMO.registerListId}`;

beforeAll(async () => {
  emulator = await startTestEmulator();
  manager = await tokenFor(emulator.url, DEMO.manager.upn);
});
afterAll(() => emulator.close());

describe('authentication', () => {
  it('answers 401 InvalidAuthenticationToken without a token', async () => {
    const answer = await call(emulator.url, undefined, '/v1.0/me');
    expect(answer.status).toBe(401);
    expect(graphError(answer)).toBe('InvalidAuthenticationToken');
  });

  it('answers 401 for a forged token (signature from another emulator)', async () => {
    const other = await startTestEmulator({ directorySize: 10 });
    const foreign = await tokenFor(other.url, DEMO.manager.upn);
    await other.close();
    const answer = await call(emulator.url, foreign, '/v1.0/me');
    expect(answer.status).toBe(401);
    const [payload] = manager.split('.');
    expect((await call(emulator.url, `${payload}.tampered`, '/v1.0/me')).status).toBe(401);
  });

  it('answers 401 for an expired token', async () => {
    const expired = await tokenFor(emulator.url, DEMO.manager.upn, -1);
    const answer = await call(emulator.url, expired, '/v1.0/me');
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toMatch(/expired/);
  });

  it('gives a seeded user a token and lists sign-in users with roles', async () => {
    const users = await call(emulator.url, undefined, '/emulator/users');
    expect(users.body.value).toContainEqual({ upn: DEMO.manager.upn, displayName: 'Priya Shah', role: 'Practice manager (team owner)' });
    expect((await call(emulator.url, undefined, '/emulator/token', { method: 'POST', body: { upn: 'nobody@nhs.net' } })).status).toBe(404);
    const me = await call(emulator.url, manager, '/v1.0/me');
    expect(me.body.userPrincipalName).toBe(DEMO.manager.upn);
  });

  it('answers 403 to someone outside the practice team, for the site, list and channel', async () => {
    const outsider = await tokenFor(emulator.url, DEMO.outsider.upn);
    for (const path of [`/v1.0/groups/${DEMO.team.id}/sites/root`, `${REGISTER}/items`, `/v1.0/teams/${DEMO.team.id}/channels`]) {
      const answer = await call(emulator.url, outsider, path);
      expect(answer.status).toBe(403);
      expect(graphError(answer)).toBe('accessDenied');
    }
    expect((await call(emulator.url, outsider, '/v1.0/me/joinedTeams')).body.value).toEqual([]);
  });
});

describe('strictness', () => {
  it('answers an unknown route with a Graph-shaped 400', async () => {
    const answer = await call(emulator.url, manager, '/v1.0/sites/x/unknownThing');
    expect(answer.status).toBe(400);
    expect(graphError(answer)).toBe('BadRequest');
  });

  it('answers a wrong method with 405', async () => {
    expect((await call(emulator.url, manager, '/v1.0/me', { method: 'DELETE' })).status).toBe(405);
  });

  it('refuses an unknown query option instead of ignoring it', async () => {
    const answer = await call(emulator.url, manager, `${REGISTER}/items?$skip=5`);
    expect(answer.status).toBe(400);
    expect(graphError(answer)).toBe('BadRequest');
    expect((await call(emulator.url, manager, '/v1.0/me?$expand=manager')).status).toBe(400);
  });

  it('refuses an unsupported $filter function with 501', async () => {
    const answer = await call(emulator.url, manager, `${REGISTER}/items?$filter=contains(fields/Status,'Live')`);
    expect(answer.status).toBe(501);
    graphError(answer);
  });

  it('echoes client-request-id and sets request-id', async () => {
    const response = await fetch(`${emulator.url}/v1.0/me`, { headers: { Authorization: `Bearer ${manager}`, 'client-request-id': 'abc-123' } });
    expect(response.headers.get('client-request-id')).toBe('abc-123');
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('directory', () => {
  it('requires ConsistencyLevel: eventual for $search, with Graph\'s message', async () => {
    const answer = await call(emulator.url, manager, '/v1.0/users?$search="displayName:sarah"');
    expect(answer.status).toBe(400);
    expect(graphError(answer)).toBe('Request_UnsupportedQuery');
    expect(answer.body.error.message).toBe(
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  });

  const search = (q: string) =>
    call(emulator.url, manager, `/v1.0/users?$search=${encodeURIComponent(q)}&$top=999&$select=displayName,mail,companyName&$count=true`, {
      headers: { ConsistencyLevel: 'eventual' },
    });

  it('matches words and word prefixes, not substrings', async () => {
    const sar = await search('"displayName:sar"');
    expect(sar.body.value.some((u: { displayName: string }) => u.displayName === 'Sarah Smith')).toBe(true);
    const arah = await search('"displayName:arah"');
    expect(arah.body.value).toEqual([]);
    const plain = await search('"smith sarah"');
    expect(plain.body.value.length).toBeGreaterThan(0);
    for (const user of plain.body.value) expect(user.displayName).toMatch(/Sarah.*Smith|Smith.*Sarah/);
  });

  it('has many Sarah Smiths in different organisations, told apart by mail', async () => {
    const answer = await search('"displayName:sarah smith"');
    const exact = answer.body.value.filter((u: { displayName: string }) => u.displayName === 'Sarah Smith');
    expect(exact.length).toBeGreaterThan(5);
    expect(new Set(exact.map((u: { mail: string }) => u.mail)).size).toBe(exact.length);
    expect(answer.body['@odata.count']).toBe(answer.body.value.length);
    // The tab's User.ReadBasic.All reads the basic profile only: the organisation is null (permissions reference).
    expect(exact.every((u: { companyName: unknown }) => u.companyName === null)).toBe(true);
    // With User.Read.All (Graph Explorer here) the organisations show.
    const full = await tokenFor(emulator.url, DEMO.manager.upn, undefined, ['User.Read.All']).catch(() => undefined);
    expect(full).toBeUndefined();
    const explorer = (await call(emulator.url, undefined, '/emulator/token', { method: 'POST', body: { upn: DEMO.manager.upn, appId: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064', scopes: ['User.Read.All'] } })).body.access_token;
    const all = await call(emulator.url, explorer, `/v1.0/users?$search=${encodeURIComponent('"displayName:sarah smith"')}&$top=999&$select=displayName,mail,companyName`, { headers: { ConsistencyLevel: 'eventual' } });
    const named = all.body.value.filter((u: { displayName: string }) => u.displayName === 'Sarah Smith');
    expect(new Set(named.map((u: { companyName: string }) => u.companyName)).size).toBeGreaterThan(2);
  });

  it('reads only the basic profile of others with User.ReadBasic.All, and all of one\'s own with User.Read', async () => {
    const other = await call(emulator.url, manager, `/v1.0/users/${DEMO.staff.id}?$select=displayName,mail,jobTitle,accountEnabled`);
    expect(other.body).toEqual({ displayName: 'Tom Reed', mail: DEMO.staff.upn, jobTitle: null, accountEnabled: null });
    const me = await call(emulator.url, manager, '/v1.0/me?$select=displayName,jobTitle');
    expect(me.body).toEqual({ displayName: 'Priya Shah', jobTitle: 'Practice manager' });
    const app = await call(emulator.url, undefined, '/emulator/token', { method: 'POST', body: { appId: '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a' } });
    const byService = await call(emulator.url, app.body.access_token, `/v1.0/users/${DEMO.disabledOwner.id}?$select=id,accountEnabled`);
    expect(byService.body.accountEnabled).toBe(false);
  });

  it('filters with startswith and OData quote escaping', async () => {
    const answer = await call(emulator.url, manager, `/v1.0/users?$filter=${encodeURIComponent("startswith(displayName,'Siobhán O''Ne')")}&$top=5`);
    expect(answer.status).toBe(200);
    expect(answer.body.value.map((u: { displayName: string }) => u.displayName)).toContain("Siobhán O'Neill");
  });

  it('pages with $top and refuses $top outside 1..999', async () => {
    const first = await call(emulator.url, manager, '/v1.0/users?$top=999&$select=id');
    expect(first.body.value).toHaveLength(999);
    expect(first.body['@odata.nextLink']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0\/users\?/);
    expect((await call(emulator.url, manager, '/v1.0/users?$top=1000')).status).toBe(400);
  });

  it('finds a user by id or UPN, and answers 404 Request_ResourceNotFound for the leaver', async () => {
    expect((await call(emulator.url, manager, `/v1.0/users/${DEMO.staff.upn}`)).body.id).toBe(DEMO.staff.id);
    const gone = await call(emulator.url, manager, `/v1.0/users/${DEMO.leaver.id}`);
    expect(gone.status).toBe(404);
    expect(graphError(gone)).toBe('Request_ResourceNotFound');
  });

  it('lists team members as conversation members with owner roles', async () => {
    const answer = await call(emulator.url, manager, `/v1.0/teams/${DEMO.team.id}/members`);
    const priya = answer.body.value.find((m: { userId: string }) => m.userId === DEMO.manager.id);
    expect(priya).toMatchObject({ '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: ['owner'], email: DEMO.manager.upn });
    expect(answer.body.value.find((m: { userId: string }) => m.userId === DEMO.staff.id).roles).toEqual([]);
    expect(answer.body.value.some((m: { userId: string }) => m.userId === DEMO.leaver.id || m.userId === DEMO.outsider.id)).toBe(false);
  });
});
