/**
 * Where the bot's token may go. Teams names the Bot Connector address (`serviceUrl`) in every
 * activity it sends; the service keeps it from authenticated activities only and sends its bearer
 * token nowhere else than the Bot Connector hosts Microsoft documents for Teams:
 *
 * - `smba.trafficmanager.net` (commercial cloud; Teams adds a region path such as `/emea/` or `/uk/`),
 * - `smba.infra.gcc.teams.microsoft.com` (GCC) and `smba.infra.gov.teams.microsoft.us` (GCC High),
 *   msteams-docs msteams-platform/bots/how-to/conversations/send-proactive-messages.md ("For
 *   proactive messages the bots should use the following end points for government cloud").
 *
 * Always https, default port, no user name or password in the URL. In emulator mode the local
 * emulator's own Bot Connector (`{origin}/emulator/botframework/`) is allowed as well, and nothing else.
 */

export const BOT_CONNECTOR_HOSTS: readonly string[] = ['smba.trafficmanager.net', 'smba.infra.gcc.teams.microsoft.com', 'smba.infra.gov.teams.microsoft.us'];

export type ServiceUrlCheck = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The same origin, counting localhost and 127.0.0.1 as one host (the emulator answers on both). */
function sameLocalOrigin(a: URL, b: URL): boolean {
  if (a.origin === b.origin) return true;
  return a.protocol === b.protocol && a.port === b.port && LOOPBACK.has(a.hostname) && LOOPBACK.has(b.hostname);
}

/**
 * @param emulatorOrigin the local emulator's origin (e.g. http://127.0.0.1:53000) in emulator mode; null in production.
 * @returns the URL (without a trailing slash) when the token may go there, or why not.
 */
export function checkServiceUrl(serviceUrl: unknown, emulatorOrigin: string | null): ServiceUrlCheck {
  if (typeof serviceUrl !== 'string' || serviceUrl === '') return { ok: false, reason: 'no serviceUrl' };
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return { ok: false, reason: 'serviceUrl is not a URL' };
  }
  if (url.username || url.password || url.search || url.hash) return { ok: false, reason: 'serviceUrl carries credentials, a query or a fragment' };
  const trimmed = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  if (emulatorOrigin !== null) {
    const local = new URL(emulatorOrigin);
    if (sameLocalOrigin(url, local) && /^\/emulator\/botframework\/?$/.test(url.pathname)) return { ok: true, url: trimmed };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: `serviceUrl ${url.origin} is not https` };
  if (url.port !== '') return { ok: false, reason: `serviceUrl ${url.origin} names a port` };
  if (!BOT_CONNECTOR_HOSTS.includes(url.hostname.toLowerCase())) return { ok: false, reason: `serviceUrl host ${url.hostname} is not a documented Bot Connector host` };
  return { ok: true, url: trimmed };
}
