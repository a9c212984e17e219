/**
 * The local channel viewer: what the practice would see in its channel.
 *   GET /emulator/channel[?teamId=&channelId=]            the page (defaults to the demo practice's channel)
 *   GET /emulator/channel.js                              the viewer script (viewer/channelViewer.js)
 *   GET /emulator/channel/messages[?teamId=&channelId=]   messages oldest first, each with `localLinks`
 *   GET /emulator/vendor/adaptivecards.min.js             the official renderer, from node_modules
 * The page carries a CSP without inline script; every message is put in the DOM as text or by the
 * renderer. `localLinks` maps each Teams deep link to a tab (`/l/entity/{app}/{entity}?context=...`)
 * to the local tab, handing over the link's `subEntityId` exactly as Teams gives it to the tab
 * (context `page.subPageId`): `/?view=register&entry=<subEntityId>`, prefix and all, so the tab's
 * own prefix handling is what is tested. The page also installs or uninstalls the app in the team
 * (teams/routes.ts), which sends the bot Teams' installation activity.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fail } from '../errors';
import { json, type EmuResponse } from '../http';
import { DEMO_APP } from '../model/appPrincipal';
import { installationIn } from '../model/installations';
import { channelKey, type ChannelDoc, type MessageDoc, type TeamDoc } from '../model/teams';
import type { Route, RouteContext } from '../router';
import { DEMO } from '../seed/demoPractice';

const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const files = new Map<string, Buffer>();

function file(relative: string, from: string): Buffer {
  const full = path.resolve(from, relative);
  let cached = files.get(full);
  if (!cached) {
    cached = readFileSync(full);
    files.set(full, cached);
  }
  return cached;
}

function raw(body: Buffer, type: string): EmuResponse {
  return { status: 200, headers: { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' }, body };
}

const PAGE = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Channel viewer: Digital Services Register emulator</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; background: #f5f5f5; color: #242424; }
header { background: #464775; color: #fff; padding: 12px 24px; }
main { max-width: 760px; margin: 0 auto; padding: 16px; }
ol { list-style: none; padding: 0; }
.message { background: #fff; border-radius: 6px; margin: 12px 0; padding: 12px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.15); }
.message-time { color: #616161; font-size: 12px; }
.replies { list-style: none; margin: 12px 0 0; padding: 0 0 0 16px; border-left: 3px solid #8a8886; }
.message.reply { box-shadow: none; border: 1px solid #d1d1d1; margin: 8px 0; }
.card { margin-top: 8px; border: 1px solid #e0e0e0; border-radius: 4px; overflow: hidden; }
.mention { color: #464775; font-weight: 600; }
</style>
</head>
<body>
<header><h1 id="channel-name">Channel</h1><p>Emulated Teams channel: messages posted by people and by the app's bot.</p></header>
<main><p id="app-state">The app in this team: <strong id="app-installed">…</strong> <button type="button" id="app-toggle" hidden></button></p><p id="status" role="status">Loading…</p><ol id="messages" aria-label="Messages"></ol></main>
<script src="/emulator/vendor/adaptivecards.min.js"></script>
<script src="/emulator/channel.js"></script>
</body>
</html>
`;

function cardUrls(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => cardUrls(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'url' && typeof v === 'string') out.add(v);
      else cardUrls(v, out);
    }
  }
  return out;
}

/**
 * The local tab page for a Teams deep link to a tab, or null for any other link. The link's
 * subEntityId goes over untouched (Teams hands it to the tab exactly as written).
 */
export function localTabPath(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.origin !== 'https://teams.microsoft.com' || !/^\/l\/entity\/[^/]+\/[^/]+$/.test(url.pathname)) return null;
  let context: { subEntityId?: unknown } = {};
  try {
    context = JSON.parse(url.searchParams.get('context') ?? '{}') as typeof context;
  } catch {
    return null;
  }
  const sub = typeof context.subEntityId === 'string' && context.subEntityId !== '' ? context.subEntityId : null;
  return sub === null ? '/?view=register' : `/?${new URLSearchParams({ view: 'register', entry: sub }).toString()}`;
}

function localLinks(message: MessageDoc): Record<string, string> {
  const links: Record<string, string> = {};
  for (const attachment of (message.attachments as { content?: unknown }[] | undefined) ?? []) {
    let card: unknown;
    try {
      card = JSON.parse(String(attachment.content));
    } catch {
      continue;
    }
    for (const url of cardUrls(card, new Set())) {
      const local = localTabPath(url);
      if (local) links[url] = local;
    }
  }
  return links;
}

function messages(ctx: RouteContext) {
  const teamId = ctx.query.get('teamid') ?? DEMO.team.id;
  const channelId = ctx.query.get('channelid') ?? DEMO.channel.id;
  const team = ctx.state.storage.get<TeamDoc>('team', teamId);
  const channel = ctx.state.storage.get<ChannelDoc>('channel', channelKey(teamId, channelId));
  if (!team || !channel) throw fail.notFound('No such team or channel.', 'NotFound');
  const value = ctx.state.storage.list<MessageDoc>('message', channelKey(teamId, channelId)).map((m) => ({ ...m, localLinks: localLinks(m) }));
  const appInstalled = installationIn(ctx.state.storage, DEMO_APP.appId, teamId) !== undefined;
  return json(200, { teamId, channelId, teamName: team.displayName, channelName: channel.displayName, appId: DEMO_APP.appId, appInstalled, value });
}

export const channelViewerRoutes: Route[] = [
  { method: 'GET', path: '/emulator/channel', query: ['teamid', 'channelid'], handler: () => ({ ...raw(Buffer.from(PAGE), 'text/html; charset=utf-8'), headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' } }) },
  { method: 'GET', path: '/emulator/channel.js', handler: () => raw(file('../viewer/channelViewer.js', __dirname), 'text/javascript; charset=utf-8') },
  { method: 'GET', path: '/emulator/channel/messages', query: ['teamid', 'channelid'], handler: messages },
  { method: 'GET', path: '/emulator/vendor/adaptivecards.min.js', handler: () => raw(file(require.resolve('adaptivecards/dist/adaptivecards.min.js'), __dirname), 'text/javascript; charset=utf-8') },
];
