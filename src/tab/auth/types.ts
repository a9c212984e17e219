/**
 * The sign-in seam. The emulator's local sign-in implements it today; an MSAL implementation
 * (Nested App Authentication in Teams, redirect in a browser) plugs in behind the same shape.
 */
import type { TokenSource } from '../../graph/types';

/** Someone the local sign-in offers (the emulator's seeded users). */
export interface SignInUser {
  readonly upn: string;
  readonly displayName: string;
  /** Plain words, e.g. "Practice manager (team owner)". */
  readonly role: string;
}

export interface SignedInUser {
  readonly upn: string;
  readonly displayName: string;
}

export interface SignIn {
  readonly tokenSource: TokenSource;
  /** The user of a session that survived a reload, or null when signed out. */
  currentUser(): SignedInUser | null;
  /** @throws SignInRequestError when the list cannot be fetched. */
  listUsers(): Promise<SignInUser[]>;
  /** @throws SignInRequestError when no token can be issued. */
  signIn(user: SignInUser): Promise<void>;
  signOut(): Promise<void>;
}
