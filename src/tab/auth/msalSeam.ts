/**
 * The seam between the sign-in and @azure/msal-browser: the few MSAL calls the tab uses, behind
 * small interfaces, so unit tests pass a fake and the emulator build never loads MSAL (the real
 * module is imported on demand, in its own chunk).
 */
import type { MsalSettings } from '../buildSettings';

export interface MsalAccount {
  readonly homeAccountId: string;
  readonly tenantId: string;
  readonly username: string;
  readonly name?: string;
  readonly localAccountId: string;
}

export interface MsalTokenResult {
  readonly accessToken: string;
  readonly account: MsalAccount | null;
}

export interface MsalTokenRequest {
  readonly scopes: string[];
  readonly account?: MsalAccount;
  readonly loginHint?: string;
  readonly forceRefresh?: boolean;
}

/** The subset of MSAL's IPublicClientApplication the tab calls. */
export interface MsalClient {
  handleRedirectPromise(): Promise<MsalTokenResult | null>;
  getActiveAccount(): MsalAccount | null;
  setActiveAccount(account: MsalAccount | null): void;
  getAllAccounts(): MsalAccount[];
  acquireTokenSilent(request: MsalTokenRequest & { account: MsalAccount }): Promise<MsalTokenResult>;
  acquireTokenPopup(request: MsalTokenRequest): Promise<MsalTokenResult>;
  acquireTokenRedirect(request: MsalTokenRequest): Promise<void>;
  loginRedirect(request: MsalTokenRequest): Promise<void>;
  /** Ends the Entra session too (front-channel logout); clears MSAL's cache for the account first. */
  logoutRedirect(request: { account?: MsalAccount; postLogoutRedirectUri?: string }): Promise<void>;
  clearCache(): Promise<void>;
}

export type MsalFlavour = 'nested' | 'standard';

export interface MsalApi {
  /** An initialised client: `createNestablePublicClientApplication` or `createStandardPublicClientApplication`. */
  createClient(flavour: MsalFlavour, settings: MsalSettings, redirectUri: string): Promise<MsalClient>;
  /** True when the error means the user must interact (sign in, consent, MFA). */
  isInteractionRequired(error: unknown): boolean;
}

export type MsalLoader = () => Promise<MsalApi>;

/** The real MSAL, loaded on first use (webpack puts it in its own chunk). */
export const loadMsal: MsalLoader = async () => {
  const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  return {
    async createClient(flavour, settings, redirectUri) {
      const configuration = {
        auth: { clientId: settings.clientId, authority: settings.authority, redirectUri },
        // sessionStorage: closing the browser tab signs out; nothing lingers on shared practice PCs.
        cache: { cacheLocation: msal.BrowserCacheLocation.SessionStorage },
      };
      const client =
        flavour === 'nested'
          ? await msal.createNestablePublicClientApplication(configuration)
          : await msal.createStandardPublicClientApplication(configuration);
      return client as unknown as MsalClient;
    },
    isInteractionRequired: (error) => error instanceof msal.InteractionRequiredAuthError,
  };
};
