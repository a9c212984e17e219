/**
 * The tab's local sign-in asks the emulator for the scopes the tab requests (src/graph/client/scopes.ts),
 * and for more only when a feature needs them, so the permissions table is tested by running.
 */
import { FEATURE_SCOPES } from '../../src/graph/client/scopes';
import { createEmulatorSignIn } from '../../src/tab/auth/emulatorSignIn';
import { DEMO, startTestEmulator, type RunningEmulator } from '../support/emulator';
import { call } from './call';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
});
afterAll(() => emulator.close());

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const scopesOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString('utf8')).scp as string).split(' ');

test('signing in asks for the register\'s scopes; a feature that needs more asks again with them added', async () => {
  const signIn = createEmulatorSignIn(emulator.url, memoryStorage());
  await signIn.signIn({ upn: DEMO.manager.upn, displayName: 'Priya Shah', role: '' });
  const first = await signIn.tokenSource.getToken(FEATURE_SCOPES.register);
  expect(scopesOf(first).sort()).toEqual([...new Set([...FEATURE_SCOPES['sign-in'], ...FEATURE_SCOPES.register])].sort());
  // The register's token is refused where the owner picker's scope is needed...
  expect((await call(emulator.url, first, '/v1.0/me/people')).status).toBe(403);
  // ...and the picker's request gets a token with its scopes too.
  const second = await signIn.tokenSource.getToken(FEATURE_SCOPES.people);
  expect(scopesOf(second)).toEqual(expect.arrayContaining([...FEATURE_SCOPES.register, ...FEATURE_SCOPES.people]));
  expect((await call(emulator.url, second, '/v1.0/me/people')).status).toBe(200);
  expect(await signIn.tokenSource.getToken(FEATURE_SCOPES.register)).toBe(second);
});

test('a scope the tenant never consented to the app is refused at sign-in, not silently granted', async () => {
  const signIn = createEmulatorSignIn(emulator.url, memoryStorage());
  await signIn.signIn({ upn: DEMO.manager.upn, displayName: 'Priya Shah', role: '' });
  await expect(signIn.tokenSource.getToken(['Sites.Read.All'])).rejects.toThrow(/400/);
});
