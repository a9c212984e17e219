/**
 * App-only tokens for the unattended service, behind the Graph layer's TokenSource.
 *
 * - Locally: `POST {emulator}/emulator/token {"appId"}` (the emulator's own HMAC tokens).
 * - Production: OAuth 2.0 client credentials with a certificate (RFC 7523 client assertion signed
 *   RS256 with the app's private key, `x5t#S256` naming the certificate), the same exchange
 *   `@azure/msal-node`'s ConfidentialClientApplication makes. msal-node is not installed here; this
 *   source keeps to the TokenSource interface so msal-node can replace it without other changes.
 *   Scopes: `https://graph.microsoft.com/.default` (Graph) and `https://api.botframework.com/.default` (Bot Connector).
 */
import { createHash, createPrivateKey, randomUUID, sign, X509Certificate } from 'node:crypto';
import type { TokenSource } from '../graph/types';

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

/** The local emulator's app-only token for `appId` (used for Graph and the Bot Connector alike). */
export function emulatorAppTokenSource(options: { baseUrl: string; appId: string; fetchImpl?: typeof fetch; now?: () => number }): TokenSource {
  const doFetch = options.fetchImpl ?? fetch;
  return cachingSource(async () => {
    const response = await doFetch(`${options.baseUrl}/emulator/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ appId: options.appId }),
    });
    return readToken(response, `The emulator at ${options.baseUrl}`);
  }, options.now ?? Date.now);
}

export interface CertificateCredential {
  readonly tenantId: string;
  readonly clientId: string;
  /** PEM text holding the certificate and its private key (as Entra's "upload certificate" expects). */
  readonly pem: string;
  /** Default https://login.microsoftonline.com. */
  readonly authority?: string;
  readonly fetchImpl?: typeof fetch;
  readonly now?: () => number;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** The signed client assertion (a JWT) for the token request. Exposed for tests. */
export function clientAssertion(credential: CertificateCredential, tokenUrl: string, nowMs: number): string {
  const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(credential.pem)?.[0];
  if (!certPem) throw new Error('The certificate file has no "BEGIN CERTIFICATE" block.');
  const cert = new X509Certificate(certPem);
  const header = { alg: 'RS256', typ: 'JWT', 'x5t#S256': b64url(createHash('sha256').update(cert.raw).digest()) };
  const iat = Math.floor(nowMs / 1000);
  const claims = { aud: tokenUrl, iss: credential.clientId, sub: credential.clientId, jti: randomUUID(), nbf: iat, iat, exp: iat + 600 };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = sign('RSA-SHA256', Buffer.from(signingInput), createPrivateKey(credential.pem));
  return `${signingInput}.${b64url(signature)}`;
}

/** Production app-only tokens: client credentials with a certificate. */
export function certificateTokenSource(credential: CertificateCredential): TokenSource {
  const doFetch = credential.fetchImpl ?? fetch;
  const now = credential.now ?? Date.now;
  const tokenUrl = `${(credential.authority ?? 'https://login.microsoftonline.com').replace(/\/$/, '')}/${encodeURIComponent(credential.tenantId)}/oauth2/v2.0/token`;
  return cachingSource(async (scopes) => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credential.clientId,
      scope: scopes.join(' '),
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: clientAssertion(credential, tokenUrl, now()),
    });
    const response = await doFetch(tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    return readToken(response, 'Microsoft Entra ID');
  }, now);
}
