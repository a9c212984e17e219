/**
 * What the served tab sends and contains: the security headers Teams hosting needs (CSP with
 * frame-ancestors for the Teams and Microsoft 365 hosts, object-src and base-uri locked), the legal
 * pages the app manifest links to, and a built bundle free of secrets.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { requireBuiltTab } from '../support/browser';
import { startTestEmulator, type RunningEmulator } from '../support/emulator';

let emulator: RunningEmulator | undefined;
let tabDir = '';

beforeAll(async () => {
  tabDir = requireBuiltTab();
  emulator = await startTestEmulator({ staticDir: tabDir });
});

afterAll(async () => {
  await emulator?.close();
});

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map((words) => [words[0] as string, words.slice(1)]),
  );
}

function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((match) => match[1] as string);
}

test('the page and its scripts carry the Content-Security-Policy and the other security headers', async () => {
  const page = await fetch(`${emulator?.url}/`);
  expect(page.status).toBe(200);
  const html = await page.text();
  const script = scriptsOf(html)[0];
  expect(script).toBeDefined();
  for (const response of [page, await fetch(`${emulator?.url}${script}`)]) {
    const csp = directives(response.headers.get('content-security-policy') ?? '');
    expect(csp.get('frame-ancestors')).toEqual([
      "'self'",
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://*.cloud.microsoft',
      'https://*.microsoft365.com',
      'https://*.office.com',
    ]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]); // no inline script, no eval
    expect(csp.get('connect-src')).toEqual(
      expect.arrayContaining(["'self'", 'https://graph.microsoft.com', 'https://login.microsoftonline.com', 'https://res.cdn.office.net']),
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  }
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // every script is a file, as script-src 'self' requires
});

test('the privacy statement and terms of use that the manifest links to are served, without script', async () => {
  for (const [file, heading] of [['privacy.html', 'Privacy statement'], ['terms.html', 'Terms of use']] as const) {
    const response = await fetch(`${emulator?.url}/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    const html = await response.text();
    expect(html).toContain(heading);
    expect(html).not.toContain('<script');
  }
});

/** Patterns of things that must never ship to a browser. */
const SECRET_PATTERNS: readonly [string, RegExp][] = [
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['Entra client secret', /\b[A-Za-z0-9_~.-]{3}8Q~[A-Za-z0-9_~.-]{31,34}\b/],
  ['client_secret parameter', /client_secret\s*[=:]\s*["'][^"']{8,}["']/i],
  ['connection string', /(AccountKey|SharedAccessKey|Password)=[^;"'\s]{8,}/i],
  ['bearer token / JWT', /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/],
  ['bot app password', /MicrosoftAppPassword\s*[=:]\s*["'][^"']+["']/i],
  ['GitHub / npm token', /\b(ghp_[A-Za-z0-9]{36}|npm_[A-Za-z0-9]{36})\b/],
  ['AWS key', /\bAKIA[0-9A-Z]{16}\b/],
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test('the built bundle contains no secrets (keys, client secrets, tokens, connection strings)', () => {
  const shipped = filesUnder(tabDir).filter((file) => !file.endsWith('.map'));
  expect(shipped.some((file) => file.endsWith('.js'))).toBe(true);
  const found: string[] = [];
  for (const file of shipped) {
    const text = readFileSync(file, 'utf8');
    for (const [what, pattern] of SECRET_PATTERNS) if (pattern.test(text)) found.push(`${what} in ${path.relative(tabDir, file)}`);
  }
  expect(found).toEqual([]);
});

test('the secret patterns do catch what they are meant to', () => {
  const samples = [
    // Built from parts so this file does not itself look like it holds a key.
    ['-----BEGIN RSA', 'PRIVATE KEY-----'].join(' '),
    'abc8Q~abcdefghijklmnopqrstuvwxyz0123456',
    ['client_secret', ': "s3cr3t-value"'].join(''),
    'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abcdefghijkl==',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnop',
  ];
  for (const sample of samples) expect(SECRET_PATTERNS.some(([, pattern]) => pattern.test(sample))).toBe(true);
});
