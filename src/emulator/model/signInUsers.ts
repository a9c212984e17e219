/**
 * People a seed adds to the local sign-in list (`GET /emulator/users`, `POST /emulator/token`)
 * beside the demo practice's (seed/demoPractice.ts DEMO.signInUsers): the PCN lead of the demo
 * network, an ICB reader of a benchmark. Kept in storage, so a store seeded once keeps them.
 * Each must also be in the directory: a token is only issued for a user the directory holds.
 */
import type { Storage } from '../storage/types';

export interface SignInUser {
  readonly id: string;
  readonly upn: string;
  readonly displayName: string;
  /** Shown on the local sign-in page. */
  readonly role: string;
}

export function addSignInUser(storage: Storage, user: SignInUser): void {
  storage.put('signInUser', user.upn.toLowerCase(), { ...user, upn: user.upn.toLowerCase() });
}

export function storedSignInUsers(storage: Storage): SignInUser[] {
  return storage.list<SignInUser>('signInUser');
}
