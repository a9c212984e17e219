/**
 * How Teams (the Bot Framework channel) proves an activity came from it: each request to the bot's
 * messaging endpoint carries `Authorization: Bearer <JWT>` signed RS256 with a key published in an
 * OpenID metadata document, issuer `https://api.botframework.com`, audience the bot's app id, and a
 * `serviceurl` claim equal to the activity's `serviceUrl` (learn.microsoft.com azure/bot-service/
 * rest-api/bot-framework-rest-connector-authentication, "Connector to bot").
 *
 * The emulator plays that channel with its own key pair, made once per emulator instance, and
 * publishes the public half at `/emulator/botframework/v1/.well-known/openidconfiguration` and
 * `.../keys` (the Teams SDK derives the keys address from the metadata address the same way). The
 * bot trusts that document only in emulator mode; everything else about validation is the SDK's.
 */
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { EmulatorState } from '../model/state';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
export const OPENID_PATH = '/emulator/botframework/v1/.well-known/openidconfiguration';
export const KEYS_PATH = '/emulator/botframework/v1/.well-known/keys';

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly jwk: Record<string, unknown>;
}

const keys = new WeakMap<EmulatorState, SigningKey>();

/** The instance's key pair (made on first use: a restarted emulator publishes a new key, as a rotation). */
export function signingKeyOf(state: EmulatorState): SigningKey {
  let key = keys.get(state);
  if (!key) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = randomUUID();
    key = { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' } };
    keys.set(state, key);
  }
  return key;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A channel token for one activity. Times are the real clock's (the bot's SDK checks them against
 * its own clock), lifetime one hour like the Bot Framework's.
 */
export function channelToken(state: EmulatorState, claims: { appId: string; serviceUrl: string }): string {
  const key = signingKeyOf(state);
  const iat = Math.floor(Date.now() / 1000);
  const header = b64({ alg: 'RS256', typ: 'JWT', kid: key.kid });
  const payload = b64({ iss: BOT_FRAMEWORK_ISSUER, aud: claims.appId, serviceurl: claims.serviceUrl, nbf: iat - 5, iat, exp: iat + 3600 });
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key.privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The OpenID metadata document, with addresses on the origin the caller used. */
export function openIdConfiguration(origin: string): Record<string, unknown> {
  return {
    issuer: BOT_FRAMEWORK_ISSUER,
    authorization_endpoint: `${origin}/emulator/token`,
    jwks_uri: `${origin}${KEYS_PATH}`,
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
  };
}
