/**
 * Where the probe's two identities get their tokens:
 * - **app-only**: as the reminder service does (msal-node client credentials with the certificate;
 *   locally the emulator's `{"appId"}` token);
 * - **delegated**: the person running the probe, with exactly the tab's scopes (src/graph/client/scopes.ts).
 *   On a tenant through msal-node's device-code flow (the public-client flow a command line can use:
 *   learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code), or a token given by hand in
 *   PROBE_USER_TOKEN where the tenant blocks device code. Locally, the emulator's `{"upn","scopes"}`.
 */
import { PublicClientApplication } from '@azure/msal-node';
import { FEATURE_SCOPES } from '@graph';
import type { TokenSource } from '@graph';
import type { ProbeConfig } from './config';
import { certificateTokenSource, emulatorAppTokenSource } from './serviceParts';

/** Every delegated scope the tab asks for, short names (User.Read, ...). */
export const TAB_SCOPES: readonly string[] = [...new Set(Object.values(FEATURE_SCOPES).flat())];

function once(fetchToken: () => Promise<string>): TokenSource {
  let token: Promise<string> | undefined;
  return {
    getToken: () => {
      token ??= fetchToken();
      // A failed sign-in is not cached: the next call tries again.
      token.catch(() => {
        token = undefined;
      });
      return token;
    },
    invalidate: () => {
      token = undefined;
    },
  };
}

function emulatorUserTokenSource(baseUrl: string, upn: string): TokenSource {
  return once(async () => {
    const response = await fetch(`${baseUrl}/emulator/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn, scopes: TAB_SCOPES }),
    });
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; error?: { message?: string } };
    if (!response.ok || !body.access_token) throw new Error(`The local server would not sign in ${upn} (${response.status}): ${body.error?.message ?? ''}`.trim());
    return body.access_token;
  });
}

function deviceCodeTokenSource(config: ProbeConfig, print: (line: string) => void): TokenSource {
  const app = new PublicClientApplication({ auth: { clientId: config.appId, authority: `${config.authorityHost}/${encodeURIComponent(config.tenantId)}` } });
  const scopes = TAB_SCOPES.map((scope) => `https://graph.microsoft.com/${scope}`);
  return once(async () => {
    const result = await app.acquireTokenByDeviceCode({ scopes, deviceCodeCallback: (response) => print(response.message) });
    if (!result?.accessToken) throw new Error('Microsoft Entra ID returned no access token for the device-code sign-in.');
    return result.accessToken;
  });
}

export interface ProbeIdentities {
  readonly user: TokenSource;
  readonly app: TokenSource;
}

/** @throws CertificateError when the certificate file is unusable (before anything is sent). */
export function identitiesFor(config: ProbeConfig, print: (line: string) => void): ProbeIdentities {
  if (config.target === 'emulator') {
    return { user: emulatorUserTokenSource(config.graphBaseUrl, config.localUpn), app: emulatorAppTokenSource({ baseUrl: config.graphBaseUrl, appId: config.appId }) };
  }
  const app = certificateTokenSource({ tenantId: config.tenantId, clientId: config.appId, pem: config.certificatePem ?? '', authority: config.authorityHost });
  const user = config.userToken ? once(async () => config.userToken as string) : deviceCodeTokenSource(config, print);
  return { user, app };
}

/** The claims of an access token, unverified (for the report: which scopes and roles it carries). */
export function claimsOf(token: string): Record<string, unknown> {
  const parts = token.split('.');
  // An Entra JWT is header.payload.signature; the emulator's token is payload.signature.
  const payload = parts.length === 3 ? parts[1] : parts[0];
  try {
    return JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
