/**
 * Tokens for the app's OWN web API, as Entra issues them in the Teams tab SSO pattern
 * (msteams-docs msteams-platform/tabs/how-to/authentication/tab-sso-register-aad.md, "To expose an
 * API": the application ID URI `api://fully-qualified-domain-name.com/{AppID}`, a scope such as
 * `access_as_user`, and `accessTokenAcceptedVersion` 2). The tab asks for
 * `api://{tab host}/{app id}/access_as_user` and sends the token to the app's service, which
 * validates it against the tenant's published keys.
 *
 * Unlike the emulator's Graph tokens (HMAC, only the emulator checks them), these are real RS256 JWTs:
 * the service verifies them itself, as it would Entra's. The emulator plays the tenant's authority
 * with a key pair made once per instance and publishes it like Entra's v2.0 endpoints:
 *
 *   GET /emulator/login/{tenant}/v2.0/.well-known/openid-configuration   (issuer, jwks_uri)
 *   GET /emulator/login/{tenant}/discovery/v2.0/keys                     the public key(s)
 *
 * Claims of a v2.0 access token (learn.microsoft.com entra/identity-platform/access-token-claims-reference):
 * `aud` the API's client id, `iss` `https://login.microsoftonline.com/{tid}/v2.0`, `tid`, `oid`,
 * `preferred_username`, `name`, `scp`, `azp`, `ver` "2.0", `iat`/`nbf`/`exp`.
 *
 * The emulator's App ID URI for an app is `api://{the host the tab is served from}/{app id}`: the
 * emulator serves the tab, so that host is the one the token request came to.
 */
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { fail } from '../errors';
import { json } from '../http';
import type { RegisteredApp } from '../model/appPrincipal';
import type { EmulatorState } from '../model/state';
import type { Route, RouteContext } from '../router';

export const API_SCOPE_NAME = 'access_as_user';
export const EMULATOR_TENANT_ID = 'emulator';
export const issuerOf = (tenant: string) => `https://login.microsoftonline.com/${tenant}/v2.0`;
export const openIdPathOf = (tenant: string) => `/emulator/login/${tenant}/v2.0/.well-known/openid-configuration`;
export const keysPathOf = (tenant: string) => `/emulator/login/${tenant}/discovery/v2.0/keys`;

interface TenantKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly jwk: Record<string, unknown>;
}

const keys = new WeakMap<EmulatorState, TenantKey>();

/** The tenant's signing key (made on first use; a restarted emulator publishes a new one, as a rotation). */
function tenantKey(state: EmulatorState): TenantKey {
  let key = keys.get(state);
  if (!key) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = randomUUID();
    key = { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', kty: 'RSA', alg: 'RS256' } };
    keys.set(state, key);
  }
  return key;
}

/** The App ID URI of `appId` when the tab is served from `origin`. */
export function appIdUri(origin: string, appId: string): string {
  return `api://${new URL(origin).host}/${appId}`;
}

/** True when any requested scope names an `api://` resource (not Graph). */
export function asksForOwnApi(scopes: readonly string[]): boolean {
  return scopes.some((scope) => scope.startsWith('api://'));
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A delegated token for `app`'s own API. Every scope must be `{App ID URI}/access_as_user`: one
 * resource per token, as Entra (a request mixing Graph and another resource is refused).
 * @throws GraphHttpError 400 invalid_scope otherwise.
 */
export function issueApiToken(
  ctx: RouteContext,
  user: { id: string; userPrincipalName: string; displayName: string },
  app: RegisteredApp,
  scopes: readonly string[],
  lifetimeSeconds: number,
): { access_token: string; token_type: 'Bearer'; expires_in: number; scope: string } {
  const resource = appIdUri(ctx.req.origin, app.appId);
  const wanted = `${resource}/${API_SCOPE_NAME}`;
  const bad = scopes.filter((scope) => scope !== wanted);
  if (bad.length > 0)
    throw fail.badRequest(`AADSTS28000/AADSTS65005: ${bad.join(', ')} is not a scope of one resource this app exposes (it exposes ${wanted}; Graph scopes go in a separate request).`, 'invalid_scope');
  const key = tenantKey(ctx.state);
  const iat = Math.floor(Date.now() / 1000);
  const claims = {
    aud: app.appId, iss: issuerOf(EMULATOR_TENANT_ID), tid: EMULATOR_TENANT_ID, iat, nbf: iat, exp: iat + lifetimeSeconds,
    oid: user.id, sub: user.id, preferred_username: user.userPrincipalName, name: user.displayName,
    scp: API_SCOPE_NAME, azp: app.appId, azpacr: '0', ver: '2.0', uti: randomUUID(),
  };
  const header = b64({ alg: 'RS256', typ: 'JWT', kid: key.kid });
  const payload = b64(claims);
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key.privateKey).toString('base64url');
  return { access_token: `${header}.${payload}.${signature}`, token_type: 'Bearer', expires_in: lifetimeSeconds, scope: wanted };
}

function tenantOf(ctx: RouteContext): string {
  const tenant = ctx.params.tenant as string;
  // Entra answers for the tenant id and for the multi-tenant aliases; the emulator has one tenant.
  if (![EMULATOR_TENANT_ID, 'organizations', 'common'].includes(tenant)) throw fail.notFound(`AADSTS90002: Tenant '${tenant}' not found.`, 'invalid_tenant');
  return EMULATOR_TENANT_ID;
}

export const apiTokenRoutes: Route[] = [
  {
    method: 'GET',
    path: '/emulator/login/:tenant/v2.0/.well-known/openid-configuration',
    handler: (ctx) => {
      const tenant = tenantOf(ctx);
      return json(200, {
        issuer: issuerOf(tenant),
        jwks_uri: `${ctx.req.origin}${keysPathOf(tenant)}`,
        token_endpoint: `${ctx.req.origin}/emulator/token`,
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'token id_token'],
        subject_types_supported: ['pairwise'],
        tenant_region_scope: 'EU',
      });
    },
  },
  { method: 'GET', path: '/emulator/login/:tenant/discovery/v2.0/keys', handler: (ctx) => (tenantOf(ctx), json(200, { keys: [tenantKey(ctx.state).jwk] })) },
];
