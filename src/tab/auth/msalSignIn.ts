/**
 * Sign-in with Microsoft Entra ID through MSAL, behind the `SignIn` seam:
 * - "nested" (Nested App Authentication, inside Teams when the host recommends it): MSAL talks to
 *   the Teams host, which holds the user's session; silent first, then the host's popup.
 * - "standard": a plain browser signs in by redirect (`loginRedirect` / `handleRedirectPromise`);
 *   inside a Teams host without NAA, by popup (sign-in pages do not render inside iframes).
 * Tokens are cached by MSAL in sessionStorage. MSAL itself is loaded on demand (see msalSeam.ts).
 */
import type { TokenSource } from '@graph';
import type { MsalSettings } from '../buildSettings';
import { FEATURE_SCOPES, resolveScopes } from './scopes';
import { loadMsal, type MsalAccount, type MsalApi, type MsalClient, type MsalFlavour, type MsalLoader } from './msalSeam';
import { SignInRequestError, type SignIn, type SignedInUser } from './types';

/** Hints from the Teams context, so MSAL picks the account Teams is signed in with. */
export interface AccountHints {
  readonly loginHint?: string | null;
  readonly tenantId?: string | null;
  /** Entra object id (`context.user.id`). */
  readonly userObjectId?: string | null;
}

export interface MsalSignInOptions {
  readonly settings: MsalSettings;
  readonly flavour: MsalFlavour;
  /** "popup" inside a host frame (Teams), "redirect" in a top-level browser window. */
  readonly interaction: 'popup' | 'redirect';
  /** Where Entra sends the browser back to: the tab's origin (an SPA redirect URI of the app registration). */
  readonly redirectUri: string;
  readonly hints?: AccountHints;
  readonly loader?: MsalLoader;
}

/** The first sign-in asks only for what the register needs to open; other features ask later. */
const FIRST_SCOPES = [...new Set([...FEATURE_SCOPES['sign-in'], ...FEATURE_SCOPES.register])];

function toUser(account: MsalAccount): SignedInUser {
  return { upn: account.username, displayName: account.name || account.username };
}

function plain(error: unknown, doing: string): SignInRequestError {
  if (error instanceof SignInRequestError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SignInRequestError(`Microsoft sign-in failed while ${doing}. ${detail}`.trim());
}

export function createMsalSignIn(options: MsalSignInOptions): SignIn {
  const loader = options.loader ?? loadMsal;
  let started: Promise<{ api: MsalApi; client: MsalClient }> | undefined;
  let account: MsalAccount | null = null;
  let refreshNext = false;

  function msal() {
    started ??= loader().then(async (api) => ({
      api,
      client: await api.createClient(options.flavour, options.settings, options.redirectUri),
    }));
    return started;
  }

  function pickAccount(client: MsalClient): MsalAccount | null {
    const active = client.getActiveAccount();
    if (active) return active;
    const accounts = client.getAllAccounts();
    const { loginHint, userObjectId, tenantId } = options.hints ?? {};
    const hinted = accounts.find(
      (candidate) =>
        (userObjectId && candidate.localAccountId === userObjectId && (!tenantId || candidate.tenantId === tenantId)) ||
        (loginHint && candidate.username.toLowerCase() === loginHint.toLowerCase()),
    );
    return hinted ?? (accounts.length === 1 ? (accounts[0] ?? null) : null);
  }

  function remember(client: MsalClient, chosen: MsalAccount | null): void {
    account = chosen;
    client.setActiveAccount(chosen);
  }

  /** Interactive token: the host's popup (Teams) or a full-page redirect (browser, never returns). */
  async function interact(client: MsalClient, scopes: string[]): Promise<string> {
    const loginHint = account?.username ?? options.hints?.loginHint ?? undefined;
    if (options.interaction === 'redirect') {
      await client.acquireTokenRedirect({ scopes, loginHint });
      throw new SignInRequestError('Taking you to Microsoft to approve access…');
    }
    const result = await client.acquireTokenPopup({ scopes, loginHint });
    if (result.account) remember(client, result.account);
    return result.accessToken;
  }

  const tokenSource: TokenSource = {
    async getToken(requested) {
      const { api, client } = await msal();
      if (!account) throw new SignInRequestError('You are signed out. Sign in again.');
      const scopes = resolveScopes(requested);
      const forceRefresh = refreshNext;
      refreshNext = false;
      try {
        return (await client.acquireTokenSilent({ scopes, account, forceRefresh })).accessToken;
      } catch (error) {
        if (!api.isInteractionRequired(error)) throw plain(error, 'renewing your access');
        try {
          return await interact(client, scopes);
        } catch (interactive) {
          throw plain(interactive, 'asking you to approve access');
        }
      }
    },
    invalidate() {
      refreshNext = true;
    },
  };

  return {
    method: 'microsoft',
    tokenSource,
    async restore() {
      try {
        const { api, client } = await msal();
        if (options.interaction === 'redirect') {
          const returned = await client.handleRedirectPromise();
          if (returned?.account) remember(client, returned.account);
        }
        const found = account ?? pickAccount(client);
        if (!found) return null;
        try {
          await client.acquireTokenSilent({ scopes: [...FEATURE_SCOPES['sign-in']], account: found });
        } catch (error) {
          if (api.isInteractionRequired(error)) return null;
          throw error;
        }
        remember(client, found);
        return toUser(found);
      } catch (error) {
        throw plain(error, 'resuming your session');
      }
    },
    currentUser: () => (account ? toUser(account) : null),
    listUsers: async () => [],
    async signIn() {
      const { client } = await msal().catch((error: unknown) => {
        throw plain(error, 'starting');
      });
      const loginHint = options.hints?.loginHint ?? undefined;
      try {
        if (options.interaction === 'redirect') {
          await client.loginRedirect({ scopes: FIRST_SCOPES, loginHint });
          // The page is navigating to Microsoft: never settle, so the page keeps showing "Signing in…".
          return new Promise<void>(() => undefined);
        }
        const result = await client.acquireTokenPopup({ scopes: FIRST_SCOPES, loginHint });
        const signedIn = result.account ?? pickAccount(client);
        if (!signedIn) throw new SignInRequestError('Microsoft did not say who signed in. Try again.');
        remember(client, signedIn);
      } catch (error) {
        throw plain(error, 'signing you in');
      }
    },
    /**
     * Inside Teams the host owns the session: only this app's cached tokens are dropped. Outside
     * Teams (a shared practice PC) the Entra session itself is ended with MSAL's `logoutRedirect`,
     * so the next person at the browser is asked to sign in rather than signed straight back in as
     * the last one (msal-browser docs, "logout"). The page navigates to Microsoft and back.
     */
    async signOut() {
      const { client } = await msal();
      const leaving = account;
      remember(client, null);
      if (options.interaction === 'redirect') {
        await client.logoutRedirect({ ...(leaving ? { account: leaving } : {}), postLogoutRedirectUri: options.redirectUri });
        return;
      }
      await client.clearCache();
    },
  };
}
