/**
 * The HTTP security headers the tab must be served with, wherever it is hosted (the emulator here;
 * docs/deployment.md repeats them for production hosting).
 *
 * - frame-ancestors: only Teams and the Microsoft 365 hosts (and the tab's own origin, for the test
 *   host page) may frame the tab; no other site can embed it to trick a user into clicking.
 * - script-src 'self': only the bundle's own files run; no inline script, no eval.
 * - style-src 'unsafe-inline': Fluent UI (Griffel) inserts its CSS rules at run time through <style>
 *   elements; it is for styles only, scripts stay strict.
 * - connect-src: the tab's own origin (the emulator, or a same-origin proxy), Microsoft Graph, Entra
 *   sign-in (MSAL), and the CDN teams-js fetches its list of valid host origins from.
 * - frame-src: MSAL's hidden iframe for silent token renewal in a plain browser.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
];

const GRAPH = 'https://graph.microsoft.com';
const LOGIN = 'https://login.microsoftonline.com';
const TEAMS_JS_CDN = 'https://res.cdn.office.net';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  `connect-src 'self' ${GRAPH} ${LOGIN} ${TEAMS_JS_CDN}`,
  `frame-src 'self' ${LOGIN}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/**
 * The policy with the app's service added to connect-src (SERVICE_URL: the tab calls
 * `POST {service}/api/incidents/notify`). Origins only; anything else is dropped.
 */
export function contentSecurityPolicyWith(serviceOrigins: readonly string[]): string {
  const extra = serviceOrigins.filter((o) => /^https?:\/\/[a-z0-9.:[\]-]+$/i.test(o));
  if (extra.length === 0) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace(`connect-src 'self' `, `connect-src 'self' ${extra.join(' ')} `);
}

/** Headers for every file of the built tab (HTML, scripts, the legal pages). */
export const TAB_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};
