/**
 * The tab's settings for the app's service (SERVICE_URL, SERVICE_SCOPE) and the token it sends there:
 * the Teams tab SSO scope `api://{tab host}/{client id}/access_as_user`, asked for on its own (one
 * resource per token), never mixed into the Graph token.
 */
import { apiScopeFor } from '../../src/graph/client/scopes';
import { createEmulatorSignIn } from '../../src/tab/auth/emulatorSignIn';
import { serviceTokenGetter } from '../../src/tab/auth/serviceToken';
import { ConfigError, EMULATOR_CLIENT_ID, loadConfig } from '../../src/tab/buildSettings';

const ORIGIN = 'https://register.example.nhs.uk';
const CLIENT = '11111111-2222-4333-8444-555555555555';

test('no SERVICE_URL: no service and no scope', () => {
  const config = loadConfig({ AUTH_MODE: 'emulator', GRAPH_BASE_URL: '', SERVICE_URL: '' }, ORIGIN);
  expect(config.serviceUrl).toBeNull();
  expect(config.serviceScope).toBeNull();
  expect(serviceTokenGetter({ getToken: async () => 'x' }, config)).toBeNull();
});

test('SERVICE_URL: the scope is api://{tab host}/{client id}/access_as_user (the manifest resource plus the scope)', () => {
  const msal = loadConfig({ AUTH_MODE: 'msal', GRAPH_BASE_URL: '', MSAL_CLIENT_ID: CLIENT, SERVICE_URL: 'https://svc.example.nhs.uk/' }, ORIGIN);
  expect(msal.serviceUrl).toBe('https://svc.example.nhs.uk');
  expect(msal.serviceScope).toBe(`api://register.example.nhs.uk/${CLIENT}/access_as_user`);
  const local = loadConfig({ AUTH_MODE: 'emulator', GRAPH_BASE_URL: '', SERVICE_URL: 'http://127.0.0.1:3978' }, 'http://localhost:53000');
  expect(local.serviceScope).toBe(apiScopeFor('localhost:53000', EMULATOR_CLIENT_ID));
  const explicit = loadConfig({ AUTH_MODE: 'msal', GRAPH_BASE_URL: '', MSAL_CLIENT_ID: CLIENT, SERVICE_URL: 'https://svc.example.nhs.uk', SERVICE_SCOPE: `api://tab.example.nhs.uk/${CLIENT}/access_as_user` }, ORIGIN);
  expect(explicit.serviceScope).toBe(`api://tab.example.nhs.uk/${CLIENT}/access_as_user`);
});

test('a SERVICE_URL with a path and a scope that is not access_as_user are both named', () => {
  try {
    loadConfig({ AUTH_MODE: 'emulator', GRAPH_BASE_URL: '', SERVICE_URL: 'https://svc.example.nhs.uk/api', SERVICE_SCOPE: 'User.Read' }, ORIGIN);
    throw new Error('expected a ConfigError');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toMatch(/SERVICE_URL[\s\S]*SERVICE_SCOPE/);
  }
});

test('the emulator sign-in asks for the API token on its own and keeps the Graph session as it was', async () => {
  const asked: Array<{ upn: string; scopes: string[] }> = [];
  const realFetch = global.fetch;
  global.fetch = (async (_url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { upn: string; scopes: string[] };
    asked.push(body);
    return new Response(JSON.stringify({ access_token: `token-for-${body.scopes.join('+')}`, expires_in: 3600 }), { status: 200 });
  }) as typeof fetch;
  try {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k),
      key: (i: number) => [...store.keys()][i] ?? null, get length() { return store.size; }, clear: () => store.clear(),
    } as Storage;
    const signIn = createEmulatorSignIn('http://localhost:53000', storage);
    await signIn.signIn({ upn: 'priya.shah@nhs.net', displayName: 'Priya Shah', role: '' });
    const scope = apiScopeFor('localhost:53000', EMULATOR_CLIENT_ID);
    const getter = serviceTokenGetter(signIn.tokenSource, { serviceUrl: 'http://127.0.0.1:3978', serviceScope: scope })!;
    expect(await getter()).toBe(`token-for-${scope}`);
    expect(await getter()).toBe(`token-for-${scope}`); // cached
    expect(asked.filter((a) => a.scopes.includes(scope))).toEqual([{ upn: 'priya.shah@nhs.net', scopes: [scope] }]);
    // The Graph token is untouched and never carries the API scope.
    expect(await signIn.tokenSource.getToken(['User.Read'])).not.toContain('api://');
    await signIn.signOut();
    expect([...store.keys()]).toEqual([]);
  } finally {
    global.fetch = realFetch;
  }
});
