/**
 * Every Graph route needs the permissions its documentation page lists (src/emulator/permissions.ts):
 * a token without any of them gets the workload's 403, and the tab's and the service's own
 * permissions are enough for everything they do.
 */
import { ADMIN_APP, DEMO_APP, OTHER_APP } from '../../src/emulator/model/appPrincipal';
import { ROUTE_PERMISSIONS, UNPROTECTED_ROUTES, type Workload } from '../../src/emulator/permissions';
import { GRAPH_ROUTES } from '../../src/emulator/server';
import { appTokenFor, DEMO, startTestEmulator, TAB_SCOPES, tokenFor, type RunningEmulator } from '../support/emulator';
import { call } from './call';
import { SAMPLES } from './routeSamples';

const CODES: Record<Workload, string> = { directory: 'Authorization_RequestDenied', people: 'ErrorAccessDenied', teams: 'Forbidden', sharepoint: 'accessDenied' };
const KEYS = GRAPH_ROUTES.map((route) => `${route.method} ${route.path}`).filter((key) => !UNPROTECTED_ROUTES.includes(key));

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
});
afterAll(() => emulator.close());

function send(token: string, key: string) {
  const sample = SAMPLES[key];
  if (!sample) throw new Error(`No sample request for ${key}`);
  return call(emulator.url, token, sample.path, { method: key.split(' ')[0], headers: sample.headers, body: sample.body });
}

test('every Graph route declares the permissions of its documentation page, and has a sample here', () => {
  expect(KEYS.filter((key) => !ROUTE_PERMISSIONS[key])).toEqual([]);
  expect(KEYS.filter((key) => !SAMPLES[key])).toEqual([]);
});

describe('a delegated token without any of the route permissions gets 403', () => {
  test.each(KEYS)('%s', async (key) => {
    const permissions = ROUTE_PERMISSIONS[key]!;
    // Everything the app may ask for, except the route's own permissions (and Sites.Selected on SharePoint routes).
    const scopes = DEMO_APP.delegated.filter((s) => !permissions.delegated.includes(s) && !(permissions.site && s === 'Sites.Selected'));
    const answer = await send(await tokenFor(emulator.url, DEMO.manager.upn, undefined, scopes), key);
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe(CODES[permissions.denied]);
  });
});

describe('an app-only token without the route permissions gets 403 (400 on /me routes)', () => {
  test.each(KEYS)('%s', async (key) => {
    const answer = await send(await appTokenFor(emulator.url, OTHER_APP.appId), key);
    if (ROUTE_PERMISSIONS[key]!.application.length === 0) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/delegated authentication flow/);
    } else {
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe(CODES[ROUTE_PERMISSIONS[key]!.denied]);
    }
  });
});

/** What the tab does with a signed-in manager's token (its scopes: src/graph/client/scopes.ts). */
const TAB_ROUTES = [
  'GET /v1.0/me', 'GET /v1.0/me/joinedTeams', 'GET /v1.0/me/people', 'GET /v1.0/users', 'GET /v1.0/users/:userId',
  'GET /v1.0/teams/:teamId/members', 'GET /v1.0/teams/:teamId/channels', 'GET /v1.0/teams/:teamId/channels/:channelId',
  'POST /v1.0/teams/:teamId/channels/:channelId/messages', 'GET /v1.0/sites/:siteId', 'GET /v1.0/sites/:hostname/:collection/:siteName',
  'GET /v1.0/sites/:siteId/lists', 'POST /v1.0/sites/:siteId/lists', 'GET /v1.0/sites/:siteId/lists/:listId', 'GET /v1.0/sites/:siteId/lists/:listId/columns',
  'POST /v1.0/sites/:siteId/lists/:listId/columns', 'GET /v1.0/sites/:siteId/lists/:listId/items', 'GET /v1.0/sites/:siteId/lists/:listId/items/delta',
  'GET /v1.0/sites/:siteId/lists/:listId/items/:itemId', 'GET /v1.0/sites/:siteId/lists/:listId/items/:itemId/fields',
  'GET /v1.0/sites/:siteId/lists/:listId/items/:itemId/versions', 'GET /v1.0/sites/:siteId/lists/:listId/items/:itemId/versions/:versionId',
  'POST /v1.0/sites/:siteId/lists/:listId/items', 'PATCH /v1.0/sites/:siteId/lists/:listId/items/:itemId/fields', 'DELETE /v1.0/sites/:siteId/lists/:listId/items/:itemId',
];

/** What the reminder service does app-only (Sites.Selected with the demo grant, User.Read.All, RSC in the installed team). */
const SERVICE_ROUTES = [
  'GET /v1.0/teams/:teamId/members', 'POST /v1.0/teams/:teamId/sendActivityNotification', 'GET /v1.0/users/:userId', 'GET /v1.0/sites/:siteId',
  'GET /v1.0/sites/:siteId/lists', 'POST /v1.0/sites/:siteId/lists', 'GET /v1.0/sites/:siteId/lists/:listId/items', 'POST /v1.0/sites/:siteId/lists/:listId/items',
  'PATCH /v1.0/sites/:siteId/lists/:listId/items/:itemId/fields',
];

test("the tab's scopes (every feature's) are enough for everything the tab does", async () => {
  const token = await tokenFor(emulator.url, DEMO.manager.upn, undefined, TAB_SCOPES);
  for (const key of TAB_ROUTES) {
    const answer = await send(token, key);
    expect({ key, status: answer.status }).toEqual({ key, status: answer.status < 300 ? answer.status : 'a 2xx' });
  }
});

test("the service's application permissions and RSC are enough for everything the service does", async () => {
  const token = await appTokenFor(emulator.url);
  for (const key of SERVICE_ROUTES) {
    const answer = await send(token, key);
    // The tab made the probe list first: the service's attempt is a 409, which is past the permission check.
    const allowed = answer.status < 300 || (key === 'POST /v1.0/sites/:siteId/lists' && answer.status === 409);
    expect({ key, status: answer.status }).toEqual({ key, status: allowed ? answer.status : 'a 2xx' });
  }
});

test('the app registry consents the tab its scopes and the service what the README lists, nothing else', () => {
  expect([...DEMO_APP.delegated].sort()).toEqual([...TAB_SCOPES].sort());
  expect([...DEMO_APP.application].sort()).toEqual(['Sites.Selected', 'User.Read.All']);
  expect(ADMIN_APP.application).toEqual(['Sites.FullControl.All']);
});
