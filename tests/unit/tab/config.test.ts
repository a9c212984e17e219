/** The tab's build settings: safe defaults, and one message listing every bad value. */
import { ConfigError, loadConfig } from '../../../src/tab/config';

const ORIGIN = 'http://127.0.0.1:53000';

test('emulator defaults: an empty GRAPH_BASE_URL means the page origin', () => {
  expect(loadConfig({ AUTH_MODE: 'emulator', GRAPH_BASE_URL: '' }, ORIGIN)).toEqual({ authMode: 'emulator', graphBaseUrl: ORIGIN });
});

test('an explicit Graph origin is kept without a trailing slash', () => {
  expect(loadConfig({ AUTH_MODE: 'msal', GRAPH_BASE_URL: 'https://graph.microsoft.com/' }, ORIGIN).graphBaseUrl).toBe(
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
