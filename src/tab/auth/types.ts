/**
 * The sign-in seam. Three implementations sit behind it: the emulator's local sign-in (choose a
 * demo person), MSAL with Nested App Authentication inside Teams, and MSAL redirect in a plain
 * browser. The screens only see `SignIn`.
 */
import type { TokenSource } from '@graph';

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

/**
 * How the sign-in page looks: "choose-user" lists people to sign in as (emulator); "microsoft" shows
 * one "Sign in with Microsoft" button (MSAL: NAA in Teams, redirect in a browser).
 */
export type SignInMethod = 'choose-user' | 'microsoft';

export interface SignIn {
  readonly method: SignInMethod;
  readonly tokenSource: TokenSource;
  /**
   * Resumes a session without asking the user anything: completes a returning redirect, or finds
   * the account Teams already signed in. Resolves to the user, or null when they must click.
   * Never asks for consent, never navigates. @throws SignInRequestError on a failed redirect.
   */
  restore(): Promise<SignedInUser | null>;
  /** The user of a session that survived a reload, or null when signed out. */
  currentUser(): SignedInUser | null;
  /** @throws SignInRequestError when the list cannot be fetched. Empty for "microsoft". */
  listUsers(): Promise<SignInUser[]>;
  /**
   * "choose-user": signs `user` in. "microsoft": the user is ignored; opens the host's sign-in popup
   * (NAA) or navigates to the Microsoft sign-in page (redirect: the promise then never settles).
   * @throws SignInRequestError when no token can be issued.
   */
  signIn(user?: SignInUser): Promise<void>;
  signOut(): Promise<void>;
}

export class SignInRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInRequestError';
  }
}
