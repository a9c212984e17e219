/**
 * Teams' side of the app's life in a team, as control endpoints (no token, like the rest of
 * `/emulator/`). Each change is recorded in the installations model and then sent to the app's bot
 * as the activity Teams would send, signed with the key the metadata document publishes:
 *
 *   GET    /emulator/botframework/v1/.well-known/openidconfiguration   OpenID metadata (jwks_uri)
 *   GET    /emulator/botframework/v1/.well-known/keys                  the public signing key(s)
 *   PUT    /emulator/teams/bot-endpoint {url, appId?}                  where the app's bot listens
 *   GET    /emulator/teams/bot-endpoint[?appId=]
 *   POST   /emulator/teams/{teamId}/installedApps {appId?, channelId?, rsc?, installedBy?, serviceUrl?}
 *          installs (or reinstalls) the app: installationUpdate add -> 201 {installation, delivery}
 *   DELETE /emulator/teams/{teamId}/installedApps/{appId}              uninstalls: installationUpdate remove
 *   PATCH  /emulator/teams/{teamId} {displayName}                      renames: conversationUpdate teamRenamed
 *   DELETE /emulator/teams/{teamId}                                    deletes the team: teamDeleted
 *
 * `serviceUrl` (default: this emulator's Bot Connector) lets a test play a Teams that sends an
 * unexpected address; `rsc` a tenant that consented to fewer RSC permissions.
 */
import { DEMO_APP, findApp } from '../model/appPrincipal';
import { installationIn, recordInstallation, removeInstallation, type BotInstallation } from '../model/installations';
import type { EmulatorState } from '../model/state';
import { channelKey, type TeamDoc } from '../model/teams';
import { fail } from '../errors';
import { json } from '../http';
import type { Route, RouteContext } from '../router';
import { botEndpointOf, deliver, installationActivity, setBotEndpoint, teamEventActivity, teamThreadId } from './activities';
import { KEYS_PATH, OPENID_PATH, openIdConfiguration, signingKeyOf } from './signing';

/** The Bot Connector this emulator plays (routes/botConnector.ts), as Teams gives it in activities. */
export const serviceUrlOf = (origin: string) => `${origin}/emulator/botframework/`;

function body(ctx: RouteContext): Record<string, unknown> {
  const value = ctx.req.body;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function appOf(value: unknown) {
  const app = findApp(typeof value === 'string' ? value : DEMO_APP.appId);
  if (!app) throw fail.badRequest(`appId '${String(value)}' is not registered with the emulator.`);
  return app;
}

function teamOf(state: EmulatorState, teamId: string): TeamDoc {
  const team = state.storage.get<TeamDoc>('team', teamId);
  if (!team) throw fail.notFound(`No team '${teamId}'.`, 'NotFound');
  return team;
}

/** Installs the app in a team and tells its bot. Shared with the legacy POST /emulator/bot/installations. */
export async function installApp(ctx: RouteContext, teamId: string, input: Record<string, unknown>) {
  const { state } = ctx;
  const app = appOf(input.appId);
  const team = teamOf(state, teamId);
  const channelId = typeof input.channelId === 'string' ? input.channelId : teamThreadId(state, team);
  if (typeof input.channelId === 'string' && !state.storage.get('channel', channelKey(team.id, channelId))) throw fail.notFound('No such channel in that team.', 'NotFound');
  const rsc = Array.isArray(input.rsc) ? input.rsc.filter((p): p is string => typeof p === 'string') : undefined;
  const installedBy = typeof input.installedBy === 'string' ? input.installedBy : null;
  const install: BotInstallation = recordInstallation(state.storage, {
    appId: app.appId, teamId: team.id, channelId, tenantId: 'emulator', rsc, installedBy, installedAt: state.now().toISOString(),
  });
  const serviceUrl = typeof input.serviceUrl === 'string' ? input.serviceUrl : serviceUrlOf(ctx.req.origin);
  const activity = installationActivity(state, team, install, 'add', { appName: app.displayName, serviceUrl, fromUserId: installedBy });
  const delivery = await deliver(state, app.appId, activity);
  return json(201, { installation: install, delivery });
}

async function uninstallApp(ctx: RouteContext) {
  const { state } = ctx;
  const app = appOf(ctx.params.appId);
  const team = teamOf(state, ctx.params.teamId as string);
  const removed = removeInstallation(state.storage, app.appId, team.id);
  if (!removed) throw fail.notFound('The app is not installed in that team.', 'NotFound');
  const input = body(ctx);
  const activity = installationActivity(state, team, removed, 'remove', {
    appName: app.displayName, serviceUrl: serviceUrlOf(ctx.req.origin), fromUserId: typeof input.removedBy === 'string' ? input.removedBy : null,
  });
  return json(200, { delivery: await deliver(state, app.appId, activity) });
}

/** Tells every app installed in the team about a team event. */
async function teamEvent(ctx: RouteContext, team: TeamDoc, eventType: 'teamRenamed' | 'teamDeleted', appIds: readonly string[]) {
  const deliveries = [];
  for (const appId of appIds) {
    const app = appOf(appId);
    const activity = teamEventActivity(ctx.state, team, eventType, { appId, appName: app.displayName, serviceUrl: serviceUrlOf(ctx.req.origin), tenantId: 'emulator', fromUserId: null });
    deliveries.push(await deliver(ctx.state, appId, activity));
  }
  return deliveries;
}

const installedAppIds = (state: EmulatorState, teamId: string) => [DEMO_APP.appId].filter((appId) => installationIn(state.storage, appId, teamId));

async function renameTeam(ctx: RouteContext) {
  const team = teamOf(ctx.state, ctx.params.teamId as string);
  const displayName = body(ctx).displayName;
  if (typeof displayName !== 'string' || displayName.trim() === '') throw fail.badRequest('Send {"displayName": "<new name>"}.');
  const renamed: TeamDoc = { ...team, displayName };
  ctx.state.storage.put('team', team.id, renamed);
  return json(200, { team: { id: team.id, displayName }, deliveries: await teamEvent(ctx, renamed, 'teamRenamed', installedAppIds(ctx.state, team.id)) });
}

async function deleteTeam(ctx: RouteContext) {
  const team = teamOf(ctx.state, ctx.params.teamId as string);
  const appIds = installedAppIds(ctx.state, team.id);
  // Teams sends teamDeleted while the team still exists for the bot; the apps go with the team.
  const deliveries = await teamEvent(ctx, team, 'teamDeleted', appIds);
  for (const appId of appIds) removeInstallation(ctx.state.storage, appId, team.id);
  ctx.state.storage.delete('team', team.id);
  return json(200, { deliveries });
}

function putBotEndpoint(ctx: RouteContext) {
  const input = body(ctx);
  const app = appOf(input.appId);
  const url = input.url;
  if (url !== null && (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/.test(url))) throw fail.badRequest('Send {"url": "http(s)://.../api/messages"} (or null to forget it).');
  setBotEndpoint(ctx.state, app.appId, url as string | null);
  return json(200, { appId: app.appId, url });
}

export const teamsRoutes: Route[] = [
  { method: 'GET', path: OPENID_PATH, handler: (ctx) => json(200, openIdConfiguration(ctx.req.origin)) },
  { method: 'GET', path: KEYS_PATH, handler: (ctx) => json(200, { keys: [signingKeyOf(ctx.state).jwk] }) },
  { method: 'PUT', path: '/emulator/teams/bot-endpoint', handler: putBotEndpoint },
  { method: 'GET', path: '/emulator/teams/bot-endpoint', query: ['appid'], handler: (ctx) => json(200, { url: botEndpointOf(ctx.state, appOf(ctx.query.get('appid') ?? undefined).appId) }) },
  { method: 'POST', path: '/emulator/teams/:teamId/installedApps', handler: (ctx) => installApp(ctx, ctx.params.teamId as string, body(ctx)) },
  { method: 'DELETE', path: '/emulator/teams/:teamId/installedApps/:appId', handler: uninstallApp },
  { method: 'PATCH', path: '/emulator/teams/:teamId', handler: renameTeam },
  { method: 'DELETE', path: '/emulator/teams/:teamId', handler: deleteTeam },
];
