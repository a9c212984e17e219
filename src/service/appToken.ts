/**
 * App-only tokens for the unattended service, behind the Graph layer's TokenSource.
 *
 * - Locally: `POST {emulator}/emulator/token {"appId"}` (the emulator's own HMAC tokens).
 * - Production: `@azure/msal-node`'s ConfidentialClientApplication, client credentials with a
 *   certificate (certificateToken.ts reads the PEM). One source serves both scopes the service asks
 *   for: `https://graph.microsoft.com/.default` (Graph) and `https://api.botframework.com/.default`
 *   (the Bot Connector, botConnector.ts). MSAL keeps the tokens in its in-memory cache and fetches a
 *   new one shortly before expiry; `invalidate()` (called by the Graph client after a 401) makes the
 *   next request of every scope set skip that cache.
 */
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import type { TokenSource } from '@graph';
import { readCertificatePem } from './certificateToken';

export const BOT_SCOPES: readonly string[] = ['https://api.botframework.com/.default'];
/** Renew this long before expiry so a token never expires mid-request. */
const EARLY_RENEW_MS = 5 * 60_000;

interface TokenResponse {
  access_token?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

/** Caches one token per scope set until shortly before it expires. */
function cachingSource(fetchToken: (scopes: readonly string[]) => Promise<{ token: string; expiresInS: number }>, now: () => number): TokenSource {
  const cache = new Map<string, { token: string; renewAt: number }>();
  return {
    async getToken(scopes) {
      const key = [...scopes].sort().join(' ');
      const cached = cache.get(key);
      if (cached && now() < cached.renewAt) return cached.token;
      const { token, expiresInS } = await fetchToken(scopes);
      cache.set(key, { token, renewAt: now() + Math.max(0, expiresInS * 1000 - EARLY_RENEW_MS) });
      return token;
    },
    invalidate: () => cache.clear(),
  };
}

async function readToken(response: Response, what: string): Promise<{ token: string; expiresInS: number }> {
  const body = (await response.json().catch(() => ({}))) as TokenResponse;
  if (!response.ok || !body.access_token) {
    throw new Error(`${what} refused a token (${response.status}): ${body.error_description ?? body.error ?? JSON.stringify(body)}`);
  }
  return { token: body.access_token, expiresInS: body.expires_in ?? 3600 };
}

/**
 * The local emulator's app-only token for `appId`, for the resource the scopes name: Graph
 * (`https://graph.microsoft.com/.default`) or the Bot Connector (BOT_SCOPES), as Entra's
 * client-credentials grant issues one token per resource. The emulator refuses each on the other.
 */
export function emulatorAppTokenSource(options: { baseUrl: string; appId: string; fetchImpl?: typeof fetch; now?: () => number }): TokenSource {
  const doFetch = options.fetchImpl ?? fetch;
  return cachingSource(async (scopes) => {
    // A client-credentials request names exactly one resource's `.default` scope.
    const scope = scopes.find((s) => s.endsWith('/.default'));
    const response = await doFetch(`${options.baseUrl}/emulator/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ appId: options.appId, ...(scope ? { scope } : {}) }),
    });
    return readToken(response, `The emulator at ${options.baseUrl}`);
  }, options.now ?? Date.now);
}

/** The part of msal-node's ConfidentialClientApplication the service uses (a seam for tests). */
export interface ClientCredentialApp {
  acquireTokenByClientCredential(request: { scopes: string[]; skipCache?: boolean }): Promise<{ accessToken: string } | null>;
}

export type ClientCredentialAppFactory = (configuration: Configuration) => ClientCredentialApp;

export interface CertificateCredential {
  readonly tenantId: string;
  readonly clientId: string;
  /** PEM text holding the certificate (first, then any chain) and its unencrypted private key. */
  readonly pem: string;
  /** Default https://login.microsoftonline.com. */
  readonly authority?: string;
  /** Default: `new ConfidentialClientApplication(configuration)`. */
  readonly createApp?: ClientCredentialAppFactory;
}

/** The MSAL configuration for `credential`. @throws CertificateError when the PEM is unusable. */
export function msalConfiguration(credential: CertificateCredential): Configuration {
  const certificate = readCertificatePem(credential.pem);
  const host = (credential.authority ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
  return {
    auth: {
      clientId: credential.clientId,
      authority: `${host}/${encodeURIComponent(credential.tenantId)}`,
      // x5c sends the public certificate with each assertion (subject name and issuer authentication).
      clientCertificate: { thumbprintSha256: certificate.thumbprintSha256, privateKey: certificate.privateKey, x5c: certificate.x5c },
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Production app-only tokens: client credentials with a certificate, through msal-node.
 * The PEM is checked here, so a broken certificate stops the service before any run.
 * @throws CertificateError when the PEM has no certificate, no key, or a key that does not match.
 * getToken @throws Error naming the scopes and MSAL's reason when Entra ID refuses a token.
 */
export function certificateTokenSource(credential: CertificateCredential): TokenSource {
  const configuration = msalConfiguration(credential);
  const app = (credential.createApp ?? ((config) => new ConfidentialClientApplication(config)))(configuration);
  // Each scope set remembers the invalidation generation it last fetched in; an older one skips MSAL's cache.
  let generation = 0;
  const fetchedIn = new Map<string, number>();
  return {
    async getToken(scopes) {
      const key = [...scopes].sort().join(' ');
      const stale = (fetchedIn.get(key) ?? generation) < generation;
      const asked = generation;
      let result: { accessToken: string } | null;
      try {
        result = await app.acquireTokenByClientCredential({ scopes: [...scopes], ...(stale ? { skipCache: true } : {}) });
      } catch (error) {
        throw new Error(`Microsoft Entra ID refused an app-only token for ${scopes.join(' ')}: ${describe(error)}`);
      }
      if (!result?.accessToken) throw new Error(`Microsoft Entra ID returned no access token for ${scopes.join(' ')}.`);
      fetchedIn.set(key, asked);
      return result.accessToken;
    },
    invalidate: () => {
      generation += 1;
    },
  };
}
