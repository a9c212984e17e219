/**
 * Bearer tokens issued by the emulator: `base64url(payload).base64url(HMAC-SHA256(payload))`.
 * The secret is per data directory (created on first start, kept under dataDir) or random per
 * process in memory mode, so a token from another emulator instance is rejected as forged.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from './errors';

export interface TokenClaims {
  /** Entra object id of the signed-in user. */
  readonly oid: string;
  readonly upn: string;
  /** 'app' for an app-only token (`issueApp`); absent for a signed-in user. */
  readonly idtyp?: 'app';
  /** The app (client) id of an app-only token. */
  readonly appid?: string;
  readonly iat: number;
  /** Expiry, seconds since the epoch. */
  readonly exp: number;
}

export const TOKEN_LIFETIME_SECONDS = 3600;

/** The per-data-dir secret (created with mode 0600 on first start), or a random one in memory mode. */
export function loadSecret(dataDir?: string): Buffer {
  if (!dataDir) return randomBytes(32);
  const file = join(dataDir, 'token-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

export class TokenIssuer {
  constructor(
    private readonly secret: Buffer,
    private readonly now: () => number = Date.now,
  ) {}

  issue(oid: string, upn: string, lifetimeSeconds = TOKEN_LIFETIME_SECONDS): string {
    const iat = Math.floor(this.now() / 1000);
    const payload = Buffer.from(JSON.stringify({ oid, upn, iat, exp: iat + lifetimeSeconds })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** An app-only token for a registered app id (the reminder service's identity locally). */
  issueApp(appId: string, lifetimeSeconds = TOKEN_LIFETIME_SECONDS): string {
    const iat = Math.floor(this.now() / 1000);
    const payload = Buffer.from(JSON.stringify({ oid: appId, upn: '', idtyp: 'app', appid: appId, iat, exp: iat + lifetimeSeconds })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** @throws GraphHttpError 401 InvalidAuthenticationToken for a missing, forged, malformed or expired token. */
  verify(authorization: string | undefined): TokenClaims {
    if (!authorization) throw fail.unauthorized('Access token is empty.');
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw fail.unauthorized('Access token validation failure. Invalid audience or malformed token.');
    const [payload, signature] = match[1].split('.');
    if (!payload || !signature || !this.sameSignature(this.sign(payload), signature))
      throw fail.unauthorized('Access token validation failure. Invalid signature.');
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      throw fail.unauthorized('Access token validation failure. Malformed token.');
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.now())
      throw fail.unauthorized('Lifetime validation failed, the token is expired.');
    return claims;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  private sameSignature(expected: string, actual: string): boolean {
    const a = Buffer.from(expected);
    const b = Buffer.from(actual);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
