/**
 * The local emulator's sign-in: `GET /emulator/users` lists the seeded people one may sign in as,
 * `POST /emulator/token {"upn"}` issues a bearer token for one of them. Used only when AUTH_MODE is
 * "emulator"; the MSAL sign-in replaces this module, not the screens that use `SignIn`.
 */
import type { TokenSource } from '../../graph/types';
import { SignInRequestError, type SignIn, type SignInUser } from './types';

export { SignInRequestError } from './types';

const SESSION_KEY = 'dsr.emulator.session';
/** Renew a little before expiry so a request never leaves with a token about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;

interface StoredSession {
  readonly upn: string;
  readonly displayName: string;
  readonly accessToken: string;
  readonly expiresAt: number;
}

/** @throws SignInRequestError when the emulator cannot be reached or answers with an error. */
async function fetchJson(url: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new SignInRequestError('The sign-in service could not be reached. Check that the local server is running.');
  }
  if (!response.ok) throw new SignInRequestError(`The sign-in service answered ${response.status} ${response.statusText}.`);
  return response.json();
}

function readSession(storage: Storage): StoredSession | null {
  try {
    const parsed = JSON.parse(storage.getItem(SESSION_KEY) ?? 'null') as StoredSession | null;
    return parsed && typeof parsed.accessToken === 'string' && typeof parsed.upn === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The session lives in sessionStorage: a reload keeps the user signed in, closing the tab signs out.
 * @param baseUrl the emulator's origin (the same server that answers Graph).
 */
export function createEmulatorSignIn(baseUrl: string, storage: Storage = window.sessionStorage): SignIn {
  async function issueToken(upn: string, displayName: string): Promise<StoredSession> {
    const body = (await fetchJson(`${baseUrl}/emulator/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn }),
    })) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new SignInRequestError('The sign-in service gave no token.');
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    const session = { upn, displayName, accessToken: body.access_token, expiresAt: Date.now() + expiresIn * 1000 };
    storage.setItem(SESSION_KEY, JSON.stringify(session));
    return session;
  }

  const tokenSource: TokenSource = {
    async getToken() {
      const session = readSession(storage);
      if (!session) throw new SignInRequestError('You are signed out. Sign in again.');
      if (session.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return session.accessToken;
      return (await issueToken(session.upn, session.displayName)).accessToken;
    },
    invalidate() {
      const session = readSession(storage);
      if (session) storage.setItem(SESSION_KEY, JSON.stringify({ ...session, expiresAt: 0 }));
    },
  };

  function currentUser() {
    const session = readSession(storage);
    return session ? { upn: session.upn, displayName: session.displayName } : null;
  }

  return {
    method: 'choose-user',
    tokenSource,
    restore: async () => currentUser(),
    currentUser() {
      const session = readSession(storage);
      return session ? { upn: session.upn, displayName: session.displayName } : null;
    },
    async listUsers(): Promise<SignInUser[]> {
      const body = (await fetchJson(`${baseUrl}/emulator/users`)) as { value?: unknown };
      if (!Array.isArray(body.value)) throw new SignInRequestError('The sign-in service gave no list of users.');
      return body.value.map((user: { upn?: unknown; displayName?: unknown; role?: unknown }) => ({
        upn: String(user.upn ?? ''),
        displayName: String(user.displayName ?? user.upn ?? ''),
        role: String(user.role ?? ''),
      }));
    },
    async signIn(user) {
      if (!user) throw new SignInRequestError('Choose who to sign in as.');
      await issueToken(user.upn, user.displayName);
    },
    async signOut() {
      storage.removeItem(SESSION_KEY);
    },
  };
}
