/**
 * Test helpers for anything that talks to the local Graph emulator over HTTP.
 *
 * `startTestEmulator()` starts a seeded emulator on a free port with memory storage; remember to
 * `await emulator.close()` in `afterAll`. `tokenFor(url, upn)` signs a seeded user in through
 * `POST /emulator/token`; `tokenSourceFor` wraps that as the Graph layer's `TokenSource`.
 */
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/server';
import type { TokenSource } from '../../src/graph/types';

export { DEMO } from '../../src/emulator/seed/demoPractice';
export type { RunningEmulator } from '../../src/emulator/server';

/** A seeded emulator on `127.0.0.1`, any free port, memory storage unless `dataDir` is given. */
export function startTestEmulator(options: Omit<EmulatorOptions, 'port'> = {}): Promise<RunningEmulator> {
  return startEmulator({ seed: true, ...options, port: 0, host: '127.0.0.1' });
}

/**
 * An access token for the seeded sign-in user `upn` (e.g. `DEMO.manager.upn`).
 * `expiresInSeconds` may be 0 or negative to mint an already expired token.
 * @throws Error when the emulator refuses (unknown user).
 */
export async function tokenFor(url: string, upn: string, expiresInSeconds?: number): Promise<string> {
  const response = await fetch(`${url}/emulator/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(expiresInSeconds === undefined ? { upn } : { upn, expiresInSeconds }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) throw new Error(`No token for ${upn}: ${response.status} ${JSON.stringify(body)}`);
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
