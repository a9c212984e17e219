/**
 * Bearer tokens issued by the emulator, shaped like Entra's v1 access tokens for Microsoft Graph:
 * `base64url(claims).base64url(HMAC-SHA256(claims))` (HMAC instead of RS256: nothing outside the
 * emulator verifies them). The claims are Entra's (learn.microsoft.com/entra/identity-platform/
 * access-token-claims-reference): `aud`, `iss`, `tid`, `iat`, `nbf`, `exp`, `appid`/`azp` and
 *   - delegated: `oid`, `upn`, `scp` (space-separated scopes), `idtyp: "user"`;
 *   - app-only: `oid` (the app's service principal), `roles` (application permissions), `idtyp: "app"`.
 *
 * Lifetime: Entra gives an access token a random lifetime between 60 and 90 minutes
 * (entra/identity-platform/configurable-token-lifetimes.md), so the emulator issues at most 90
 * minutes; zero or negative lifetimes stay possible, to mint expired tokens in tests.
 *
 * The secret is per data directory (at least 32 random bytes, hex, created on first start with mode
 * 0600) or random per process in memory mode, so a token from another emulator instance is rejected.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from './errors';
import { findApp } from './model/appPrincipal';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
/**
 * The audience of the token a bot sends to the Bot Connector: it asks its tenant's authority for
 * scope `https://api.botframework.com/.default` (learn.microsoft.com azure/bot-service/rest-api/
 * bot-framework-rest-connector-authentication.md, "Authenticate requests from your bot to the Bot
 * Connector service"; a single-tenant bot asks its own tenant's authority). Graph refuses such a
 * token, and the Bot Connector refuses a Graph token.
 */
export const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';
/** The `.default` scope of each audience the emulator issues app-only tokens for. */
export const APP_TOKEN_SCOPES: Readonly<Record<string, string>> = {
  [`${GRAPH_AUDIENCE}/.default`]: GRAPH_AUDIENCE,
  [`${BOT_FRAMEWORK_AUDIENCE}/.default`]: BOT_FRAMEWORK_AUDIENCE,
};
export const EMULATOR_TENANT = 'emulator';
const ISSUER = `https://sts.windows.net/${EMULATOR_TENANT}/`;

export interface TokenClaims {
  readonly aud: string;
  readonly iss: string;
  readonly tid: string;
  /** Entra object id: the signed-in user, or the app's service principal. */
  readonly oid: string;
  readonly upn?: string;
  readonly idtyp: 'app' | 'user';
  /** The client (app) id the token was issued to; `azp` repeats it (v2 name). */
  readonly appid: string;
  readonly azp: string;
  /** Delegated: the granted scopes, space-separated. */
  readonly scp?: string;
  /** App-only: the application permissions. */
  readonly roles?: readonly string[];
  readonly iat: number;
  readonly nbf: number;
  /** Expiry, seconds since the epoch. */
  readonly exp: number;
}

export const TOKEN_LIFETIME_SECONDS = 3600;
/** The longest access token Entra issues by default (60-90 minutes). */
export const MAX_TOKEN_LIFETIME_SECONDS = 90 * 60;
/** The least secret length accepted: HMAC-SHA256 keys should be at least as long as the hash. */
export const MIN_SECRET_BYTES = 32;

/**
 * The per-data-dir secret (created on first start), or a random one in memory mode.
 * @throws Error with what to do when the stored secret is shorter than 32 bytes or not hex.
 */
export function loadSecret(dataDir?: string): Buffer {
  if (!dataDir) return randomBytes(MIN_SECRET_BYTES);
  const file = join(dataDir, 'token-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(MIN_SECRET_BYTES).toString('hex'), { mode: 0o600 });
  const text = readFileSync(file, 'utf8').trim();
  if (!/^(?:[0-9a-f]{2})+$/i.test(text) || text.length < MIN_SECRET_BYTES * 2)
    throw new Error(`The token-signing secret in ${file} is not valid: it must be at least ${MIN_SECRET_BYTES} random bytes written as hex (${MIN_SECRET_BYTES * 2} or more hex digits). Delete the file and start again to have a new one created.`);
  return Buffer.from(text, 'hex');
}

/** A requested lifetime, capped at what Entra issues. */
export function cappedLifetime(requested: unknown): number {
  const seconds = typeof requested === 'number' && Number.isFinite(requested) ? Math.trunc(requested) : TOKEN_LIFETIME_SECONDS;
  return Math.min(seconds, MAX_TOKEN_LIFETIME_SECONDS);
}

export class TokenIssuer {
  constructor(
    private readonly secret: Buffer,
    private readonly now: () => number = Date.now,
  ) {
    if (secret.length < MIN_SECRET_BYTES) throw new Error(`The token-signing secret must be at least ${MIN_SECRET_BYTES} bytes.`);
  }

  /** A delegated token for a user of `appId` with `scopes` (the caller has checked them against the app's consents). */
  issueDelegated(user: { oid: string; upn: string }, appId: string, scopes: readonly string[], lifetimeSeconds = TOKEN_LIFETIME_SECONDS): string {
    return this.sign({ oid: user.oid, upn: user.upn, idtyp: 'user', appid: appId, azp: appId, scp: scopes.join(' ') }, lifetimeSeconds);
  }

  /**
   * An app-only token carrying `roles` (the app's consented application permissions) for Graph, or
   * for the Bot Connector when `audience` is BOT_FRAMEWORK_AUDIENCE (no Graph roles: they mean
   * nothing there).
   */
  issueApp(appId: string, lifetimeSeconds = TOKEN_LIFETIME_SECONDS, roles: readonly string[] = findApp(appId)?.application ?? [], audience: string = GRAPH_AUDIENCE): string {
    const granted = audience === GRAPH_AUDIENCE ? [...roles] : [];
    return this.sign({ oid: appId, idtyp: 'app', appid: appId, azp: appId, roles: granted }, lifetimeSeconds, audience);
  }

  /**
   * `audience`: Graph's by default; the Bot Connector routes pass BOT_FRAMEWORK_AUDIENCE.
   * @throws GraphHttpError 401 InvalidAuthenticationToken for a missing, forged, malformed, expired or wrong-audience token.
   */
  verify(authorization: string | undefined, audience: string = GRAPH_AUDIENCE): TokenClaims {
    if (!authorization) throw fail.unauthorized('Access token is empty.');
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw fail.unauthorized('Access token validation failure. Invalid audience or malformed token.');
    const [payload, signature] = match[1].split('.');
    if (!payload || !signature || !this.sameSignature(this.mac(payload), signature))
      throw fail.unauthorized('Access token validation failure. Invalid signature.');
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      throw fail.unauthorized('Access token validation failure. Malformed token.');
    }
    if (claims.aud !== audience) throw fail.unauthorized('Access token validation failure. Invalid audience.');
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.now())
      throw fail.unauthorized('Lifetime validation failed, the token is expired.');
    return claims;
  }

  private sign(claims: Omit<TokenClaims, 'aud' | 'iss' | 'tid' | 'iat' | 'nbf' | 'exp'>, lifetimeSeconds: number, aud: string = GRAPH_AUDIENCE): string {
    const iat = Math.floor(this.now() / 1000);
    const lifetime = Math.min(Math.trunc(lifetimeSeconds), MAX_TOKEN_LIFETIME_SECONDS);
    const full: TokenClaims = { aud, iss: ISSUER, tid: EMULATOR_TENANT, iat, nbf: iat, exp: iat + lifetime, ...claims };
    const payload = Buffer.from(JSON.stringify(full)).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  private sameSignature(expected: string, actual: string): boolean {
    const a = Buffer.from(expected);
    const b = Buffer.from(actual);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
