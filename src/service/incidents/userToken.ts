/**
 * Who is calling the service: the signed-in person's Entra access token for the app's OWN API, as
 * the Teams tab SSO pattern gets it (msteams-docs msteams-platform/tabs/how-to/authentication/
 * tab-sso-register-aad.md "To expose an API": application ID URI `api://{tab domain}/{app id}`,
 * scope `access_as_user`, `accessTokenAcceptedVersion` 2; tab-sso-code.md: the tab passes the token
 * to its server-side code, which must not trust it before checking it, below).
 *
 * Checked with `jose` (a well-kept JOSE library) before anything else happens:
 * - the RS256 signature, against the keys the tenant publishes (`jwks_uri` of its OpenID metadata,
 *   `https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration`; the local
 *   emulator's in emulator mode), fetched and cached by `createRemoteJWKSet` (a new `kid` refetches);
 * - `iss`: the tenant's v2.0 issuer (or the v1.0 `https://sts.windows.net/{tenant}/`);
 * - `aud`: the app's client id (v2 tokens) or its application ID URI (v1 tokens);
 * - `exp`/`nbf`, with two minutes of clock skew; `tid` the app's tenant;
 * - `scp` contains `access_as_user` (a delegated token for this API: an app-only token has no `scp`).
 * Anything else is 401 with `WWW-Authenticate: Bearer error="invalid_token"` and nothing is done.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

export const API_SCOPE = 'access_as_user';

export interface UserTokenSettings {
  /** The app's tenant id ('emulator' locally). */
  readonly tenantId: string;
  /** The app's client id: the v2 token's `aud`. */
  readonly appId: string;
  /** The application ID URI (`api://{tab host}/{app id}`): a v1 token's `aud`. */
  readonly appIdUri: string;
  /** The OpenID metadata address: Entra's for the tenant, or the emulator's. */
  readonly openIdMetadataUrl: string;
}

export interface CallingUser {
  /** Entra object id. */
  readonly oid: string;
  readonly name: string;
  readonly upn: string;
}

export class UserTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserTokenError';
  }
}

/** Entra's OpenID metadata address for a tenant (v2.0 endpoint). */
export function entraOpenIdMetadataUrl(tenantId: string): string {
  return `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/v2.0/.well-known/openid-configuration`;
}

/** A validator that reads the metadata once, then keeps jose's key set (refetched on an unknown `kid`). */
export function userTokenValidator(settings: UserTokenSettings, fetchImpl: typeof fetch = fetch): (authorization: string | undefined) => Promise<CallingUser> {
  let keySet: Promise<JWTVerifyGetKey> | null = null;
  const keys = () => {
    keySet ??= (async () => {
      const response = await fetchImpl(settings.openIdMetadataUrl, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`OpenID metadata answered ${response.status}`);
      const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
      if (typeof jwksUri !== 'string' || !/^https?:\/\//.test(jwksUri)) throw new Error('OpenID metadata has no jwks_uri');
      return createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 10_000, cooldownDuration: 30_000 });
    })().catch((error: unknown) => {
      keySet = null; // try again on the next call
      throw error;
    });
    return keySet;
  };
  const issuers = [`https://login.microsoftonline.com/${settings.tenantId}/v2.0`, `https://sts.windows.net/${settings.tenantId}/`];
  return async (authorization) => {
    const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec((authorization ?? '').trim());
    if (!match?.[1]) throw new UserTokenError('No bearer token.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], await keys(), {
        algorithms: ['RS256'], issuer: issuers, audience: [settings.appId, settings.appIdUri], clockTolerance: 120, requiredClaims: ['exp', 'iat'],
      }));
    } catch (error) {
      throw new UserTokenError(`The token was refused: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (payload.tid !== settings.tenantId) throw new UserTokenError('The token is for another tenant.');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(API_SCOPE)) throw new UserTokenError(`The token does not carry the ${API_SCOPE} scope.`);
    if (typeof payload.oid !== 'string' || payload.oid === '') throw new UserTokenError('The token names no user.');
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    return { oid: payload.oid, name: text(payload.name), upn: text(payload.preferred_username) || text(payload.upn) };
  };
}
