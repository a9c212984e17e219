/**
 * Entra-shaped tokens, Sites.Selected grants, resource-specific consent and the group-site path,
 * as Microsoft documents them (docs/emulator.md "As strict as Graph").
 */
import { ADMIN_APP, DEMO_APP, OTHER_APP } from '../../src/emulator/model/appPrincipal';
import { DEMO_GRANT_ID } from '../../src/emulator/seed/seed';
import { appTokenFor, DEMO, startTestEmulator, TAB_SCOPES, tokenFor, type RunningEmulator } from '../support/emulator';
import { call } from './call';

const SITE = `/v1.0/sites/${encodeURIComponent(DEMO.site.id)}`;
const ITEMS = `${SITE}/lists/${DEMO.registerListId}/items`;
const GRANT = `${SITE}/permissions/${DEMO_GRANT_ID}`;
const MEMBERS = `/v1.0/teams/${DEMO.team.id}/members`;

let emulator: RunningEmulator;
let admin: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
  admin = await appTokenFor(emulator.url, ADMIN_APP.appId);
});
afterAll(() => emulator.close());

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString('utf8'));

describe('tokens', () => {
  it('a delegated token carries scp, aud and the app id; an app-only token roles, appid and aud', async () => {
    const user = claimsOf(await tokenFor(emulator.url, DEMO.manager.upn, undefined, ['User.Read', 'Sites.Selected']));
    expect(user).toMatchObject({ aud: 'https://graph.microsoft.com', scp: 'User.Read Sites.Selected', appid: DEMO_APP.appId, azp: DEMO_APP.appId, oid: DEMO.manager.id, upn: DEMO.manager.upn, idtyp: 'user' });
    const app = claimsOf(await appTokenFor(emulator.url));
    expect(app).toMatchObject({ aud: 'https://graph.microsoft.com', idtyp: 'app', appid: DEMO_APP.appId, roles: ['Sites.Selected', 'User.Read.All'] });
    expect(app.scp).toBeUndefined();
  });

  it('User.Read reads the signed-in user only (user-get.md): another user needs User.ReadBasic.All', async () => {
    const selfOnly = await tokenFor(emulator.url, DEMO.manager.upn, undefined, ['User.Read']);
    expect((await call(emulator.url, selfOnly, `/v1.0/users/${DEMO.manager.id}`)).status).toBe(200);
    const other = await call(emulator.url, selfOnly, `/v1.0/users/${DEMO.staff.id}`);
    expect([other.status, other.body.error.code]).toEqual([403, 'Authorization_RequestDenied']);
  });

  it('refuses a scope nobody consented to the app, as Entra does', async () => {
    const answer = await call(emulator.url, undefined, '/emulator/token', { method: 'POST', body: { upn: DEMO.manager.upn, scopes: ['Sites.ReadWrite.All'] } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_grant');
    expect(answer.body.error.message).toMatch(/AADSTS65001.*Sites\.ReadWrite\.All/);
  });
});

describe('Sites.Selected', () => {
  afterEach(async () => {
    // Back to the demo's grant: owner for the app.
    const now = await call(emulator.url, admin, GRANT);
    if (now.status === 200) await call(emulator.url, admin, GRANT, { method: 'PATCH', body: { roles: ['owner'] } });
  });

  it('the demo site grants the app owner, and only Sites.FullControl.All may read or change grants', async () => {
    const grants = await call(emulator.url, admin, `${SITE}/permissions`);
    expect(grants.body.value).toEqual([expect.objectContaining({ id: DEMO_GRANT_ID, roles: ['owner'], grantedToIdentitiesV2: [{ application: { id: DEMO_APP.appId, displayName: DEMO_APP.displayName } }] })]);
    const byTheApp = await call(emulator.url, await appTokenFor(emulator.url), `${SITE}/permissions`);
    expect(byTheApp.status).toBe(403);
  });

  it('without a grant neither the app nor a user through it reaches the site; read, write and owner each allow more', async () => {
    const app = await appTokenFor(emulator.url);
    const manager = await tokenFor(emulator.url, DEMO.manager.upn);
    const newItem = { method: 'POST', body: { fields: { Title: 'Grant probe' } } };
    const newList = (name: string) => ({ method: 'POST', body: { displayName: name, list: { template: 'genericList' } } });

    expect((await call(emulator.url, admin, GRANT, { method: 'DELETE' })).status).toBe(204);
    for (const token of [app, manager]) {
      const denied = await call(emulator.url, token, `${ITEMS}?$top=1`);
      expect([denied.status, denied.body.error.code]).toEqual([403, 'accessDenied']);
    }

    const created = await call(emulator.url, admin, `${SITE}/permissions`, { method: 'POST', body: { roles: ['read'], grantedToIdentities: [{ application: { id: DEMO_APP.appId, displayName: DEMO_APP.displayName } }] } });
    expect(created.status).toBe(201);
    const grant = `${SITE}/permissions/${created.body.id}`;
    expect((await call(emulator.url, app, `${ITEMS}?$top=1`)).status).toBe(200);
    expect((await call(emulator.url, manager, `${ITEMS}?$top=1`)).status).toBe(200);
    expect((await call(emulator.url, app, ITEMS, newItem)).status).toBe(403);
    expect((await call(emulator.url, manager, ITEMS, newItem)).status).toBe(403);

    await call(emulator.url, admin, grant, { method: 'PATCH', body: { roles: ['write'] } });
    expect((await call(emulator.url, app, ITEMS, newItem)).status).toBe(201);
    expect((await call(emulator.url, manager, ITEMS, newItem)).status).toBe(201);
    // Creating lists needs more than write (list-create.md: Sites.Manage.All; a grant of owner or fullcontrol).
    expect((await call(emulator.url, manager, `${SITE}/lists`, newList('Needs owner'))).status).toBe(403);

    await call(emulator.url, admin, grant, { method: 'PATCH', body: { roles: ['owner'] } });
    expect((await call(emulator.url, manager, `${SITE}/lists`, newList('Needs owner'))).status).toBe(201);
    await call(emulator.url, admin, grant, { method: 'DELETE' });
    await call(emulator.url, admin, `${SITE}/permissions`, { method: 'POST', body: { roles: ['owner'], grantedToIdentities: [{ application: { id: DEMO_APP.appId } }] } });
  });

  it('a grant is to one app: another app, and a user outside the team, get 403', async () => {
    expect((await call(emulator.url, await appTokenFor(emulator.url, OTHER_APP.appId), `${ITEMS}?$top=1`)).status).toBe(403);
    const outsider = await tokenFor(emulator.url, DEMO.outsider.upn, undefined, TAB_SCOPES);
    expect((await call(emulator.url, outsider, `${ITEMS}?$top=1`)).status).toBe(403);
  });

  it('refuses a role Graph does not have', async () => {
    const answer = await call(emulator.url, admin, `${SITE}/permissions`, { method: 'POST', body: { roles: ['manage'], grantedToIdentities: [{ application: { id: OTHER_APP.appId } }] } });
    expect(answer.status).toBe(400);
  });
});

describe('resource-specific consent', () => {
  it('exists only for the installed app, only in its team', async () => {
    const app = await appTokenFor(emulator.url);
    expect((await call(emulator.url, app, MEMBERS)).status).toBe(200);
    const other = await call(emulator.url, await appTokenFor(emulator.url, OTHER_APP.appId), MEMBERS);
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ code: 'Forbidden', message: expect.stringMatching(/Resource specific consent grants on the request ''/) });
    const uninstalled = await call(emulator.url, undefined, `/emulator/teams/${DEMO.team.id}/installedApps/${DEMO_APP.appId}`, { method: 'DELETE' });
    expect(uninstalled.status).toBe(200);
    expect((await call(emulator.url, app, MEMBERS)).status).toBe(403);
    await call(emulator.url, undefined, `/emulator/teams/${DEMO.team.id}/installedApps`, { method: 'POST', body: { appId: DEMO_APP.appId, channelId: DEMO.channel.id } });
    expect((await call(emulator.url, app, MEMBERS)).status).toBe(200);
  });
});

describe('the group-site path', () => {
  afterEach(() => call(emulator.url, undefined, '/emulator/strictness', { method: 'PATCH', body: { groupSitePath: true } }));

  it('GET /groups/{id}/sites/root needs what site-get.md lists (Sites.Read.All and up), and nothing deeper exists', async () => {
    const manager = await tokenFor(emulator.url, DEMO.manager.upn);
    const root = `/v1.0/groups/${DEMO.team.id}/sites/root`;
    expect((await call(emulator.url, manager, root)).body.error.code).toBe('accessDenied');
    expect((await call(emulator.url, admin, root)).body.id).toBe(DEMO.site.id);
    const deeper = await call(emulator.url, manager, `${root}/lists`);
    expect(deeper.status).toBe(400);
    expect(deeper.body.error.message).toMatch(/segment 'lists'/);
  });

  it('works with the tab\'s token once a tenant admin consents Sites.Read.All to the app (POST /emulator/apps/{id}/consents)', async () => {
    const consent = await call(emulator.url, undefined, `/emulator/apps/${DEMO_APP.appId}/consents`, { method: 'POST', body: { delegated: ['Sites.Read.All'] } });
    expect(consent.body.delegated).toContain('Sites.Read.All');
    const granted = await tokenFor(emulator.url, DEMO.manager.upn, undefined, [...TAB_SCOPES, 'Sites.Read.All']);
    expect((await call(emulator.url, granted, `/v1.0/groups/${DEMO.team.id}/sites/root`)).body.id).toBe(DEMO.site.id);
    expect((await call(emulator.url, undefined, `/emulator/apps/${DEMO_APP.appId}/consents`, { method: 'DELETE' })).status).toBe(204);
    await expect(tokenFor(emulator.url, DEMO.manager.upn, undefined, ['Sites.Read.All'])).rejects.toThrow(/AADSTS65001/);
  });

  it('with groupSitePath off, Sites.Selected reaches it and deeper paths alias the site', async () => {
    await call(emulator.url, undefined, '/emulator/strictness', { method: 'PATCH', body: { groupSitePath: false } });
    const manager = await tokenFor(emulator.url, DEMO.manager.upn);
    expect((await call(emulator.url, manager, `/v1.0/groups/${DEMO.team.id}/sites/root`)).status).toBe(200);
    expect((await call(emulator.url, manager, `/v1.0/groups/${DEMO.team.id}/sites/root/lists/${DEMO.registerListId}/items?$top=1`)).status).toBe(200);
  });
});
