/**
 * The local emulator's sign-in: `GET /emulator/users` lists the seeded people one may sign in as,
 * `POST /emulator/token {"upn","scopes"}` issues a bearer token for one of them carrying exactly the
 * scopes asked for (Entra-shaped: `scp`). Like MSAL, signing in asks for the register's scopes and
 * a request that needs more (`withScopes`) asks again with them added (incremental consent), so the
 * emulator's per-route permission checks test the scope table in src/graph/client/scopes.ts by running.
 * Used only when AUTH_MODE is "emulator"; the MSAL sign-in replaces this module, not the screens.
 */
import { FEATURE_SCOPES } from '@graph/client';
import type { TokenSource } from '@graph';
import { isOwnApiScope } from './serviceToken';
import { SignInRequestError, type SignIn, type SignInUser } from './types';

export { SignInRequestError } from './types';

const SESSION_KEY = 'dsr.emulator.session';
/** Tokens for the app's own API (the service), kept apart from the Graph session. */
const API_SESSION_KEY = 'dsr.emulator.apiToken';
/** Renew a little before expiry so a request never leaves with a token about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;

interface StoredSession {
  readonly upn: string;
  readonly displayName: string;
  readonly accessToken: string;
  readonly expiresAt: number;
  /** The scopes the token carries. */
  readonly scopes?: readonly string[];
}

/** What signing in asks for: who I am and the register (other features ask when first used). */
const SIGN_IN_SCOPES: readonly string[] = [...new Set([...FEATURE_SCOPES['sign-in'], ...FEATURE_SCOPES.register])];

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
  async function issueToken(upn: string, displayName: string, scopes: readonly string[]): Promise<StoredSession> {
    const body = (await fetchJson(`${baseUrl}/emulator/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn, scopes }),
    })) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new SignInRequestError('The sign-in service gave no token.');
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    const session: StoredSession = { upn, displayName, accessToken: body.access_token, expiresAt: Date.now() + expiresIn * 1000, scopes: [...scopes] };
    storage.setItem(SESSION_KEY, JSON.stringify(session));
    return session;
  }

  /** A token for the app's own API (the service): its own request and its own cache, one resource per token. */
  async function apiToken(session: StoredSession, scopes: readonly string[]): Promise<string> {
    const key = `${API_SESSION_KEY}.${scopes.join(' ')}`;
    try {
      const cached = JSON.parse(storage.getItem(key) ?? 'null') as { upn?: string; accessToken?: string; expiresAt?: number } | null;
      if (cached?.upn === session.upn && typeof cached.accessToken === 'string' && (cached.expiresAt ?? 0) - EXPIRY_MARGIN_MS > Date.now()) return cached.accessToken;
    } catch {
      // unreadable: ask again
    }
    const body = (await fetchJson(`${baseUrl}/emulator/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn: session.upn, scopes }),
    })) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new SignInRequestError('The sign-in service gave no token.');
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    storage.setItem(key, JSON.stringify({ upn: session.upn, accessToken: body.access_token, expiresAt: Date.now() + expiresIn * 1000 }));
    return body.access_token;
  }

  const tokenSource: TokenSource = {
    async getToken(scopes: readonly string[] = SIGN_IN_SCOPES) {
      const session = readSession(storage);
      if (!session) throw new SignInRequestError('You are signed out. Sign in again.');
      if (scopes.some(isOwnApiScope)) return apiToken(session, scopes);
      const held = session.scopes ?? [];
      const covered = scopes.every((scope) => held.includes(scope));
      if (covered && session.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return session.accessToken;
      // Incremental consent: keep what was granted and add what this request needs.
      return (await issueToken(session.upn, session.displayName, [...new Set([...held, ...scopes])])).accessToken;
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
      await issueToken(user.upn, user.displayName, SIGN_IN_SCOPES);
    },
    async signOut() {
      storage.removeItem(SESSION_KEY);
      for (let i = storage.length - 1; i >= 0; i--) {
        const name = storage.key(i);
        if (name?.startsWith(API_SESSION_KEY)) storage.removeItem(name);
      }
    },
  };
}
