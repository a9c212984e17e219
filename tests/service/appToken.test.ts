/**
 * Production app-only tokens through @azure/msal-node, at the seam: the configuration MSAL gets
 * (client id, tenant authority, the certificate's SHA-256 thumbprint, its key and x5c), the scopes
 * asked for, the cache and `invalidate()`, and clear errors for a PEM that cannot work. One test runs
 * the real ConfidentialClientApplication against a fake network to check the signed assertion it
 * sends. The certificate is made by openssl for each run (testCertificate.ts): no key is committed.
 */
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import { createPrivateKey, generateKeyPairSync, verify, X509Certificate, constants } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCOPES } from '../../src/graph/client/client';
import { BOT_SCOPES, certificateTokenSource, type ClientCredentialApp } from '../../src/service/appToken';
import { CertificateError } from '../../src/service/certificateToken';
import { makeTestCertificate } from './testCertificate';

const { pem: PEM, thumbprint: THUMBPRINT } = makeTestCertificate();
const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(PEM)![0];
const KEY_BLOCK = /-{5}BEGIN PRIVATE KEY-{5}[\s\S]+?-{5}END PRIVATE KEY-{5}/.exec(PEM)![0];
const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = '0d5e6f70-1a2b-4c3d-8e9f-00000000c0de';

type Request = { scopes: string[]; skipCache?: boolean };

/** A fake MSAL app: records the configuration and every request, answers token-1, token-2, ... */
function fakeMsal() {
  const configs: Configuration[] = [];
  const requests: Request[] = [];
  const createApp = (configuration: Configuration): ClientCredentialApp => {
    configs.push(configuration);
    return {
      acquireTokenByClientCredential: async (request) => {
        requests.push(request);
        return { accessToken: `token-${requests.length}` };
      },
    };
  };
  return { configs, requests, createApp };
}

test('MSAL gets the client id, the tenant authority and the certificate: SHA-256 thumbprint, key and x5c', () => {
  const msal = fakeMsal();
  certificateTokenSource({ tenantId: TENANT, clientId: CLIENT, pem: PEM, createApp: msal.createApp });
  expect(msal.configs).toHaveLength(1);
  const auth = msal.configs[0]!.auth;
  expect(auth.clientId).toBe(CLIENT);
  expect(auth.authority).toBe(`https://login.microsoftonline.com/${TENANT}`);
  expect(auth.clientSecret).toBeUndefined();
  expect(auth.clientCertificate?.thumbprintSha256?.toUpperCase()).toBe(THUMBPRINT);
  expect(auth.clientCertificate?.thumbprint).toBeUndefined();
  // The same key, as PKCS#8 PEM.
  const key = auth.clientCertificate!.privateKey;
  expect(key).toMatch(/^-{5}BEGIN PRIVATE KEY-{5}/);
  expect(createPrivateKey(key).export({ type: 'pkcs8', format: 'der' })).toEqual(createPrivateKey(KEY_BLOCK).export({ type: 'pkcs8', format: 'der' }));
  expect(auth.clientCertificate?.x5c?.replace(/\s/g, '')).toBe(CERT_BLOCK.replace(/\s/g, ''));
});

test('Graph and the Bot Connector each ask MSAL for their own .default scope; MSAL caches, invalidate() skips its cache once', async () => {
  const msal = fakeMsal();
  const source = certificateTokenSource({ tenantId: TENANT, clientId: CLIENT, pem: PEM, createApp: msal.createApp });
  expect(await source.getToken(DEFAULT_SCOPES)).toBe('token-1');
  expect(await source.getToken(BOT_SCOPES)).toBe('token-2');
  expect(await source.getToken(DEFAULT_SCOPES)).toBe('token-3');
  expect(msal.requests).toEqual([
    { scopes: ['https://graph.microsoft.com/.default'] },
    { scopes: ['https://api.botframework.com/.default'] },
    { scopes: ['https://graph.microsoft.com/.default'] },
  ]);
  // After a 401 the Graph client invalidates: the next request of each scope set bypasses MSAL's cache, once.
  source.invalidate?.();
  await source.getToken(DEFAULT_SCOPES);
  await source.getToken(DEFAULT_SCOPES);
  await source.getToken(BOT_SCOPES);
  await source.getToken(BOT_SCOPES);
  expect(msal.requests.slice(3)).toEqual([
    { scopes: ['https://graph.microsoft.com/.default'], skipCache: true },
    { scopes: ['https://graph.microsoft.com/.default'] },
    { scopes: ['https://api.botframework.com/.default'], skipCache: true },
    { scopes: ['https://api.botframework.com/.default'] },
  ]);
});

test('a refusal from Entra ID (or no token) is an error naming the scopes and the reason', async () => {
  const refusing = certificateTokenSource({
    tenantId: TENANT, clientId: CLIENT, pem: PEM,
    createApp: () => ({ acquireTokenByClientCredential: async () => { throw new Error('invalid_client: AADSTS700027: certificate not registered'); } }),
  });
  await expect(refusing.getToken(DEFAULT_SCOPES)).rejects.toThrow('Microsoft Entra ID refused an app-only token for https://graph.microsoft.com/.default: invalid_client: AADSTS700027');
  const empty = certificateTokenSource({ tenantId: TENANT, clientId: CLIENT, pem: PEM, createApp: () => ({ acquireTokenByClientCredential: async () => null }) });
  await expect(empty.getToken(BOT_SCOPES)).rejects.toThrow('returned no access token for https://api.botframework.com/.default');
});

test.each([
  ['no certificate', KEY_BLOCK, /has no certificate: it needs a "-----BEGIN CERTIFICATE-----" block/],
  ['no private key', CERT_BLOCK, /has no private key: it needs an unencrypted PKCS#8 key block \("BEGIN PRIVATE KEY"\)/],
  ['a key that is not the certificate\'s', `${CERT_BLOCK}\n${generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' })}`, /does not belong to its certificate/],
  ['an encrypted key', `${CERT_BLOCK}\n-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----`, /is encrypted: give the service the key without a passphrase/],
  ['a damaged certificate', `-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n${KEY_BLOCK}`, /certificate in the certificate file cannot be read/],
])('a PEM with %s is refused at start with a clear message, before MSAL is made', (_what, pem, message) => {
  const msal = fakeMsal();
  const make = () => certificateTokenSource({ tenantId: TENANT, clientId: CLIENT, pem, createApp: msal.createApp });
  expect(make).toThrow(CertificateError);
  expect(make).toThrow(message);
  expect(msal.configs).toHaveLength(0);
});

test('the real ConfidentialClientApplication sends a PS256 assertion signed by the key, naming the certificate (x5t#S256, x5c), and caches the token', async () => {
  const posts: Array<{ url: string; form: URLSearchParams }> = [];
  const tenantBase = `https://login.microsoftonline.com/${TENANT}`;
  const ok = <T>(body: T) => ({ status: 200, headers: { 'content-type': 'application/json' }, body });
  const networkClient = {
    sendGetRequestAsync: async <T>(url: string) => {
      if (url.includes('/discovery/instance'))
        return ok({ tenant_discovery_endpoint: `${tenantBase}/v2.0/.well-known/openid-configuration`, 'api-version': '1.1',
          metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net'] }] }) as unknown as { status: number; headers: Record<string, string>; body: T };
      return ok({ token_endpoint: `${tenantBase}/oauth2/v2.0/token`, issuer: `${tenantBase}/v2.0`, authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${tenantBase}/oauth2/v2.0/logout`, jwks_uri: `${tenantBase}/discovery/v2.0/keys` }) as unknown as { status: number; headers: Record<string, string>; body: T };
    },
    sendPostRequestAsync: async <T>(url: string, options?: { body?: string }) => {
      posts.push({ url, form: new URLSearchParams(options?.body ?? '') });
      return ok({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: `real-${posts.length}` }) as unknown as { status: number; headers: Record<string, string>; body: T };
    },
  };
  const source = certificateTokenSource({
    tenantId: TENANT, clientId: CLIENT, pem: PEM,
    createApp: (configuration) => new ConfidentialClientApplication({ ...configuration, system: { networkClient } }),
  });
  expect(await source.getToken(DEFAULT_SCOPES)).toBe('real-1');
  expect(await source.getToken(DEFAULT_SCOPES)).toBe('real-1');
  expect(posts).toHaveLength(1);
  const { url, form } = posts[0]!;
  expect(url.split('?')[0]).toBe(`${tenantBase}/oauth2/v2.0/token`);
  expect(form.get('grant_type')).toBe('client_credentials');
  expect(form.get('client_id')).toBe(CLIENT);
  expect(form.get('scope')).toBe('https://graph.microsoft.com/.default');
  expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
  const [header, claims, signature] = form.get('client_assertion')!.split('.') as [string, string, string];
  const head = JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>;
  expect(head.alg).toBe('PS256');
  expect(Buffer.from(head['x5t#S256'] as string, 'base64url').toString('hex').toUpperCase()).toBe(THUMBPRINT);
  expect(JSON.stringify(head.x5c)).toContain(new X509Certificate(CERT_BLOCK).raw.toString('base64'));
  const body = JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>;
  expect(body).toMatchObject({ iss: CLIENT, sub: CLIENT, aud: `${tenantBase}/oauth2/v2.0/token` });
  const publicKey = new X509Certificate(CERT_BLOCK).publicKey;
  const signed = verify('sha256', Buffer.from(`${header}.${claims}`), { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, Buffer.from(signature, 'base64url'));
  expect(signed).toBe(true);
  // invalidate(): MSAL goes back to Entra ID instead of its cache.
  source.invalidate?.();
  expect(await source.getToken(DEFAULT_SCOPES)).toBe('real-2');
  expect(await source.getToken(BOT_SCOPES)).toBe('real-3');
  expect(posts[2]!.form.get('scope')).toBe('https://api.botframework.com/.default');
});

test('`npm run reminders` with a certificate file that has no certificate stops at start: exit 2 and one clear message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dsr-cert-'));
  try {
    const path = join(dir, 'app.pem');
    writeFileSync(path, KEY_BLOCK);
    const env = {
      PATH: process.env.PATH, REMINDER_AUTH: 'certificate', APP_ID: CLIENT, TENANT_ID: TENANT, CERTIFICATE_PATH: path,
      TEAMS_APP_ID: 'teams-app', AZURE_TABLES_ENDPOINT: 'https://account.table.core.windows.net', GRAPH_BASE_URL: 'https://graph.microsoft.com',
    };
    const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '../../src/service/main.ts'), '--once'], { env, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("The reminder service's settings are not valid:");
    expect(result.stderr).toContain(`- CERTIFICATE_PATH (${path}): The certificate file has no certificate`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
