/** The tab's build settings: safe defaults, and one message listing every bad value. */
import { ConfigError, loadConfig } from '../../src/tab/buildSettings';

const ORIGIN = 'http://127.0.0.1:53000';
const CLIENT_ID = '11111111-2222-4333-8444-555555555555';

test('emulator defaults: an empty GRAPH_BASE_URL means the page origin', () => {
  expect(loadConfig({ AUTH_MODE: 'emulator', GRAPH_BASE_URL: '' }, ORIGIN)).toEqual({ authMode: 'emulator', graphBaseUrl: ORIGIN, groupSiteLookup: false, serviceUrl: null, serviceScope: null });
});

test('an explicit Graph origin is kept without a trailing slash', () => {
  const settings = { AUTH_MODE: 'msal', GRAPH_BASE_URL: 'https://graph.microsoft.com/', MSAL_CLIENT_ID: CLIENT_ID };
  expect(loadConfig(settings, ORIGIN).graphBaseUrl).toBe(
    'https://graph.microsoft.com',
  );
});

test('every bad value is listed in one message', () => {
  let caught: unknown;
  try {
    loadConfig({ AUTH_MODE: 'magic', GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' }, ORIGIN);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  const problems = (caught as ConfigError).problems;
  expect(problems).toHaveLength(2);
  expect(problems[0]).toContain('AUTH_MODE must be "emulator" or "msal" (got "magic")');
  expect(problems[1]).toContain('GRAPH_BASE_URL must be an origin');
  expect((caught as Error).message).toContain('- AUTH_MODE');
});

test('missing settings are reported, not guessed', () => {
  expect(() => loadConfig({}, ORIGIN)).toThrow(/AUTH_MODE[\s\S]*GRAPH_BASE_URL/);
});

test('AUTH_MODE msal: the client id is required, the authority defaults to any work account', () => {
  const config = loadConfig({ AUTH_MODE: 'msal', GRAPH_BASE_URL: 'https://graph.microsoft.com', MSAL_CLIENT_ID: CLIENT_ID }, ORIGIN);
  expect(config.msal).toEqual({ clientId: CLIENT_ID, authority: 'https://login.microsoftonline.com/organizations' });
  const nhs = loadConfig(
    { AUTH_MODE: 'msal', GRAPH_BASE_URL: '', MSAL_CLIENT_ID: CLIENT_ID, MSAL_AUTHORITY: 'https://login.microsoftonline.com/37c354b2-85b0-47f5-b222-07b48d774ee3/' },
    ORIGIN,
  );
  expect(nhs.msal?.authority).toBe('https://login.microsoftonline.com/37c354b2-85b0-47f5-b222-07b48d774ee3');
});

test('AUTH_MODE msal: a missing client id and a bad authority are both named', () => {
  let caught: unknown;
  try {
    loadConfig({ AUTH_MODE: 'msal', GRAPH_BASE_URL: '', MSAL_CLIENT_ID: '', MSAL_AUTHORITY: 'http://login.example/x/y' }, ORIGIN);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  const problems = (caught as ConfigError).problems;
  expect(problems).toHaveLength(2);
  expect(problems[0]).toContain('MSAL_CLIENT_ID must be');
  expect(problems[1]).toContain('MSAL_AUTHORITY must be');
});

test('the emulator build carries no MSAL settings', () => {
  expect(loadConfig({ AUTH_MODE: 'emulator', GRAPH_BASE_URL: '', MSAL_CLIENT_ID: CLIENT_ID }, ORIGIN).msal).toBeUndefined();
});

test('a plain browser may find a team site through the group only where the build says the tenant granted it', () => {
  const msal = { AUTH_MODE: 'msal', GRAPH_BASE_URL: 'https://graph.microsoft.com', MSAL_CLIENT_ID: CLIENT_ID };
  expect(loadConfig(msal, ORIGIN).groupSiteLookup).toBe(false);
  expect(loadConfig({ ...msal, GROUP_SITE_LOOKUP: 'granted' }, ORIGIN).groupSiteLookup).toBe(true);
  expect(loadConfig({ AUTH_MODE: 'emulator', GRAPH_BASE_URL: '', GROUP_SITE_LOOKUP: 'granted' }, ORIGIN).groupSiteLookup).toBe(true);
  expect(() => loadConfig({ ...msal, GROUP_SITE_LOOKUP: 'yes' }, ORIGIN)).toThrow(/GROUP_SITE_LOOKUP/);
});
