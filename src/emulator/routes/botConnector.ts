/**
 * The Bot Connector endpoints the reminder service uses, under the emulator's own prefix so the
 * service's `serviceUrl` is `{emulator}/emulator/botframework` (Teams gives e.g.
 * `https://smba.trafficmanager.net/teams/`):
 *
 *   POST /emulator/botframework/v3/conversations   a proactive message starting a channel thread
 *        {isGroup:true, bot?:{id}, tenantId?, channelData:{channel:{id}, tenant?:{id}}, activity:{type:'message', ...}}
 *        -> 201 {id: "{channelId};messageid={id}", activityId}
 *   POST /emulator/botframework/v3/conversations/{channelId;messageid=rootId}/activities   a reply in a thread,
 *   GET  /emulator/botframework/v3/conversations/{id}/members/{userId}   one member (teams/botThreads.ts)
 *   GET  /emulator/bot/installations?appId=...      where the app's bot is installed (the practices)
 *   POST /emulator/bot/installations {appId, teamId, channelId}   installs it in another team (as
 *        POST /emulator/teams/{teamId}/installedApps, teams/routes.ts: the bot is sent the activity)
 *
 * Bot Connector calls go through the same stages as Graph calls, in the same order (pipeline.ts):
 * latency, injected faults, then the app-only token (401 without a valid one, and 401 for a token
 * whose audience is not `https://api.botframework.com`, e.g. a Graph token), then the handler,
 * then an `afterCommit` fault; the pipeline's accounting counts each post. A bot that is not in the
 * team (never installed, or uninstalled) gets 403 BotNotInConversationRoster, as Teams answers.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BOT_FRAMEWORK_AUDIENCE } from '../auth';
import { fail, GraphHttpError } from '../errors';
import { faultError } from '../faults';
import { json } from '../http';
import { appPrincipal, findApp } from '../model/appPrincipal';
import { installationIn, installationsOf } from '../model/installations';
import { installApp, teamsRoutes } from '../teams/routes';
import { botThreadRoutes, teamOfChannel } from '../teams/botThreads';
import { channelKey, type ChannelDoc, type MessageDoc, type TeamDoc } from '../model/teams';
import type { Route, RouteContext } from '../router';

export const BOT_SERVICE_PATH = '/emulator/botframework';
const CARD = 'application/vnd.microsoft.card.adaptive';

interface Attachment {
  contentType?: unknown;
  content?: unknown;
}

/** @throws GraphHttpError 400 with what is wrong in the conversation parameters. */
function checkConversation(body: unknown): { channelId: string; attachments: Attachment[]; summary: string; text: string } {
  const b = (body ?? {}) as { isGroup?: unknown; channelData?: { channel?: { id?: unknown } }; activity?: Record<string, unknown> };
  if (b.isGroup !== true) throw fail.badRequest('A channel thread needs "isGroup": true.', 'BadArgument');
  const channelId = b.channelData?.channel?.id;
  if (typeof channelId !== 'string' || channelId === '') throw fail.badRequest('channelData.channel.id is required.', 'BadArgument');
  const activity = b.activity;
  if (!activity || activity.type !== 'message') throw fail.badRequest('activity.type must be "message".', 'BadArgument');
  const attachments = Array.isArray(activity.attachments) ? (activity.attachments as Attachment[]) : [];
  if (attachments.length === 0 && typeof activity.text !== 'string') throw fail.badRequest('The activity has no text and no attachments.', 'BadArgument');
  for (const attachment of attachments) {
    if (attachment.contentType !== CARD) continue;
    const card = attachment.content as { type?: unknown } | null;
    // The Bot Connector carries the card as an object (Graph carries it as a string).
    if (typeof card !== 'object' || card === null || card.type !== 'AdaptiveCard') throw fail.badRequest('An Adaptive Card attachment needs the card object as content.', 'BadArgument');
  }
  return { channelId, attachments, summary: typeof activity.summary === 'string' ? activity.summary : '', text: typeof activity.text === 'string' ? activity.text : '' };
}

async function createConversation(ctx: RouteContext) {
  const { state } = ctx;
  if (state.faults.latencyMs > 0) await sleep(state.faults.latencyMs);
  const path = new URL(ctx.req.pathAndQuery, ctx.req.origin).pathname;
  const fault = state.faults.match(ctx.req.method, path);
  const injected = () => {
    const { code, message, headers } = faultError(fault as NonNullable<typeof fault>);
    return new GraphHttpError((fault as NonNullable<typeof fault>).status, code, message, headers);
  };
  if (fault && !fault.afterCommit) throw injected();
  // The Bot Connector takes only a token for its own audience (api.botframework.com), never a Graph one.
  const app = appPrincipal(state.tokens.verify(ctx.req.headers.authorization, BOT_FRAMEWORK_AUDIENCE));
  const checked = checkConversation(ctx.req.body);
  // The bot may start a thread in any channel of a team where its app is installed.
  const channelTeam = teamOfChannel(state, checked.channelId);
  const install = channelTeam === undefined ? undefined : installationIn(state.storage, app.id, channelTeam);
  if (!install) throw new GraphHttpError(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
  const team = state.storage.get<TeamDoc>('team', install.teamId);
  const channel = team && state.storage.get<ChannelDoc>('channel', channelKey(team.id, checked.channelId));
  if (!team || !channel) throw fail.notFound('Conversation not found.', 'ConversationNotFound');
  const now = state.now();
  const key = channelKey(team.id, channel.id);
  const id = String(now.getTime() + state.storage.list('message', key).length);
  const attachments = checked.attachments.map((a) => ({ id: randomUUID(), contentType: a.contentType, contentUrl: null, content: typeof a.content === 'string' ? a.content : JSON.stringify(a.content), name: null, thumbnailUrl: null }));
  const body = `${checked.text}${attachments.map((a) => `<attachment id="${a.id}"></attachment>`).join('')}`;
  const message: MessageDoc = {
    id, replyToId: null, etag: id, messageType: 'message', createdDateTime: now.toISOString(), lastModifiedDateTime: now.toISOString(),
    subject: null, summary: checked.summary || null, importance: 'normal', locale: 'en-us',
    webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(channel.id)}/${id}?groupId=${team.id}`,
    from: { user: null, device: null, application: { '@odata.type': '#microsoft.graph.teamworkApplicationIdentity', id: app.id, displayName: app.displayName, applicationIdentityType: 'bot' } },
    body: { contentType: 'html', content: body }, channelIdentity: { teamId: team.id, channelId: channel.id },
    attachments, mentions: [], reactions: [], messageHistory: [],
  };
  state.storage.put('message', `${key}/${id}/${randomUUID()}`, message, key);
  if (fault?.afterCommit) throw injected();
  return json(201, { id: `${channel.id};messageid=${id}`, activityId: id });
}

function listInstallations(ctx: RouteContext) {
  const appId = ctx.query.get('appid');
  if (!appId || !findApp(appId)) throw fail.badRequest('Pass ?appId=<a registered app id>.');
  const value = installationsOf(ctx.state.storage, appId).flatMap((install) => {
    const team = ctx.state.storage.get<TeamDoc>('team', install.teamId);
    if (!team) return [];
    return [{ ...install, teamName: team.displayName, siteId: team.siteId, serviceUrl: `${ctx.req.origin}${BOT_SERVICE_PATH}/` }];
  });
  return json(200, { value });
}

function addInstallation(ctx: RouteContext) {
  const body = (ctx.req.body ?? {}) as Record<string, unknown>;
  if (typeof body.appId !== 'string' || !findApp(body.appId)) throw fail.badRequest('appId must be a registered app id.');
  if (typeof body.teamId !== 'string') throw fail.notFound('No such team.', 'NotFound');
  return installApp(ctx, body.teamId, body);
}

export const botConnectorRoutes: Route[] = [
  { method: 'POST', path: `${BOT_SERVICE_PATH}/v3/conversations`, handler: createConversation },
  ...botThreadRoutes,
  { method: 'GET', path: '/emulator/bot/installations', query: ['appid'], handler: listInstallations },
  { method: 'POST', path: '/emulator/bot/installations', handler: addInstallation },
  ...teamsRoutes,
];
