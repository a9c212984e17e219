/**
 * Test helpers for anything that talks to the local Graph emulator over HTTP.
 *
 * `startTestEmulator()` starts a seeded emulator on a free port with memory storage; remember to
 * `await emulator.close()` in `afterAll`. `tokenFor(url, upn)` signs a seeded user in through
 * `POST /emulator/token`; `tokenSourceFor` wraps that as the Graph layer's `TokenSource`.
 */
import { DEMO } from '../../src/emulator/seed/demoPractice';
import { DEMO_NETWORK } from '../../src/emulator/seed/demoNetwork';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/server';
import { FEATURE_SCOPES } from '../../src/graph/client/scopes';
import type { TokenSource } from '../../src/graph/types';

/** Every delegated scope the tab asks for (src/graph/client/scopes.ts): what a signed-in user of the tab holds once every feature was used. */
export const TAB_SCOPES: readonly string[] = [...new Set(Object.values(FEATURE_SCOPES).flat())];

export { DEMO, DEMO_NETWORK };

/** The demo register's "Open in browser" address on this emulator: what the CLIs' --register takes. */
export function demoRegisterAddress(emulatorUrl: string): string {
  const url = new URL('/', emulatorUrl);
  url.searchParams.set('teamId', DEMO.team.id);
  url.searchParams.set('siteId', DEMO.site.id);
  url.searchParams.set('listId', DEMO.registerListId);
  return url.toString();
}
export type { RunningEmulator } from '../../src/emulator/server';

/** A seeded emulator on `127.0.0.1`, any free port, memory storage unless `dataDir` is given. */
export function startTestEmulator(options: Omit<EmulatorOptions, 'port'> = {}): Promise<RunningEmulator> {
  return startEmulator({ seed: true, ...options, port: 0, host: '127.0.0.1' });
}

/**
 * A delegated access token for the seeded sign-in user `upn` (e.g. `DEMO.manager.upn`), carrying
 * `scopes` in `scp` (default: every scope the tab asks for, TAB_SCOPES).
 * `expiresInSeconds` may be 0 or negative to mint an already expired token (at most 90 minutes, as Entra).
 * @throws Error when the emulator refuses (unknown user, a scope not consented to the app).
 */
export async function tokenFor(url: string, upn: string, expiresInSeconds?: number, scopes: readonly string[] = TAB_SCOPES): Promise<string> {
  const response = await fetch(`${url}/emulator/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(expiresInSeconds === undefined ? { upn, scopes } : { upn, scopes, expiresInSeconds }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) throw new Error(`No token for ${upn}: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

/** An app-only token for a registered app (default: the register's own app), carrying its consented `roles`. */
export async function appTokenFor(url: string, appId = '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a', expiresInSeconds?: number): Promise<string> {
  const response = await fetch(`${url}/emulator/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(expiresInSeconds === undefined ? { appId } : { appId, expiresInSeconds }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) throw new Error(`No app token for ${appId}: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

/** A `TokenSource` that signs `upn` in once and reuses the token until invalidated. */
export function tokenSourceFor(url: string, upn: string): TokenSource {
  let token: Promise<string> | undefined;
  return {
    getToken: () => (token ??= tokenFor(url, upn)),
    invalidate: () => {
      token = undefined;
    },
  };
}
