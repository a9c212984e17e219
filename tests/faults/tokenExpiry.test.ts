/**
 * Matrix D1: the access token expires mid-session. The token source first hands out a short-lived
 * token (as MSAL's cache would until it notices); Graph answers 401; the client drops it, gets a new
 * one silently and sends the edit again. The edit is saved once, and no one is asked to sign in.
 */
import { randomUUID } from 'node:crypto';
import { emptyEntry } from '../../src/domain';
import type { TokenSource } from '../../src/graph/types';
import { DEMO, startTestEmulator, tokenFor, type RunningEmulator } from '../support/emulator';
import { faultClient } from './faultRig';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

/** A cached token that the test can make expire (as an hour passing would); counts renewals. */
function shortLivedFirst(url: string, counts: { minted: number; invalidated: number }): TokenSource & { expireNow(): void } {
  let cached: Promise<string> | undefined;
  return {
    getToken: () => {
      if (!cached) {
        counts.minted += 1;
        cached = tokenFor(url, DEMO.manager.upn, 3600);
      }
      return cached;
    },
    invalidate: () => {
      counts.invalidated += 1;
      cached = undefined;
    },
    expireNow: () => {
      // What an hour passing does to the cached token: Graph now refuses it.
      cached = tokenFor(url, DEMO.manager.upn, -1);
    },
  };
}

it('an expired token is renewed silently (401 -> new token) and the edit is saved once', async () => {
  const counts = { minted: 0, invalidated: 0 };
  const tokenSource = shortLivedFirst(emulator.url, counts);
  const rig = faultClient(emulator.url, { tokenSource });
  const opened = await rig.store.create({ ...emptyEntry(), title: `Token expiry ${randomUUID()}`, dataTypes: ['none'] }, randomUUID());

  tokenSource.expireNow();
  const saved = await rig.store.update(opened.id, opened.eTag, { ...opened.entry, notes: 'typed before the token ran out' });

  expect(saved.entry.notes).toBe('typed before the token ran out');
  const patches = rig.sent.filter((request) => request.method === 'PATCH').map((request) => request.status);
  expect(patches).toEqual([401, 200]);
  expect(counts.invalidated).toBe(1);
  expect(counts.minted).toBe(2);
  expect(await rig.store.versions(opened.id)).toHaveLength(2);
  console.log(`token expired mid-session: renewed silently ${counts.invalidated} time(s); edits lost 0 of 1; applied twice 0`);
});

it('a token that stays refused is not retried in a loop: one renewal, then the 401 is reported', async () => {
  let handedOut = 0;
  const rig = faultClient(emulator.url, {
    tokenSource: {
      getToken: async () => {
        handedOut += 1;
        return tokenFor(emulator.url, DEMO.manager.upn, -1);
      },
      invalidate: () => undefined,
    },
  });
  await expect(rig.store.list()).rejects.toMatchObject({ status: 401 });
  expect(rig.sent.map((request) => request.status)).toEqual([401, 401]);
  expect(handedOut).toBe(2);
  console.log('refused token: requests 2 (one renewal), no loop');
});
