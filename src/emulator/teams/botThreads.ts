/**
 * The Bot Connector calls a bot makes inside a team it is installed in, beyond starting a thread
 * (routes/botConnector.ts):
 *
 *   POST {serviceUrl}/v3/conversations/{conversationId}/activities
 *        A message in a conversation. With a channel's conversation id plus `;messageid={root id}`
 *        it is a reply in that thread; with the bare channel id, a new thread. The Teams SDK builds
 *        the threaded id the same way (`toThreadedConversationId`, "the format APX uses to route
 *        messages to a specific thread"); msteams-docs task-modules-and-cards/cards/cards-actions.md
 *        ("Inbound message example") shows a channel activity's `conversation.id` in this form.
 *        -> 201 {id: the new activity id}
 *   GET  {serviceUrl}/v3/conversations/{conversationId}/members/{userId}
 *        One member, by Teams user id (29:...), Entra object id or UPN (msteams-docs
 *        bots/how-to/get-teams-context.md, "Get single member details"). A channel's members are its
 *        team's (standard channels). Not a member -> 404 MemberNotFoundInConversation.
 *
 * Same stages as every Bot Connector call here: latency, injected faults (rules match the path, e.g.
 * `/v3/conversations/[^/]+/activities$`), the Bot Connector token, the installation check (403
 * BotNotInConversationRoster), then the handler, then an `afterCommit` fault (the reply exists).
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BOT_FRAMEWORK_AUDIENCE } from '../auth';
import { fail, GraphHttpError } from '../errors';
import { faultError, type FaultRule } from '../faults';
import { json, type EmuResponse } from '../http';
import { appPrincipal } from '../model/appPrincipal';
import { installationIn } from '../model/installations';
import type { EmulatorState } from '../model/state';
import { channelKey, type ChannelDoc, type MessageDoc, type TeamDoc } from '../model/teams';
import type { Route, RouteContext } from '../router';

const BOT_SERVICE_PATH = '/emulator/botframework';
const CARD = 'application/vnd.microsoft.card.adaptive';

/** channel id -> team id, built once per emulator and rebuilt when a channel is not found (channels are few and rarely added). */
const channelTeams = new WeakMap<EmulatorState, Map<string, string>>();

export function teamOfChannel(state: EmulatorState, channelId: string): string | undefined {
  let index = channelTeams.get(state);
  if (!index?.has(channelId)) {
    index = new Map(state.storage.list<ChannelDoc>('channel').map((c) => [c.id, c.teamId]));
    channelTeams.set(state, index);
  }
  return index.get(channelId);
}

interface BotCall {
  readonly team: TeamDoc;
  readonly channel: ChannelDoc;
  readonly rootId: string | null;
  readonly app: { id: string; displayName: string };
  readonly fault: FaultRule | undefined;
}

const injected = (fault: FaultRule) => {
  const { code, message, headers } = faultError(fault);
  return new GraphHttpError(fault.status, code, message, headers);
};

/** Splits `19:...@thread.tacv2;messageid=123` into the channel id and the thread's root id. */
export function parseConversationId(conversationId: string): { channelId: string; rootId: string | null } {
  const [channelId, ...rest] = conversationId.split(';');
  if (rest.length === 0) return { channelId: channelId as string, rootId: null };
  const match = rest.length === 1 ? /^messageid=(\d+)$/.exec(rest[0] as string) : null;
  if (!match) throw fail.badRequest(`Conversation id '${conversationId}' is not a channel id or a channel id with ;messageid=<root id>.`, 'BadArgument');
  return { channelId: channelId as string, rootId: match[1] as string };
}

/** The stages before a handler runs. @throws the injected fault, 401, 403 or 404. */
async function enter(ctx: RouteContext): Promise<BotCall> {
  const { state } = ctx;
  if (state.faults.latencyMs > 0) await sleep(state.faults.latencyMs);
  const path = new URL(ctx.req.pathAndQuery, ctx.req.origin).pathname;
  const fault = state.faults.match(ctx.req.method, path);
  if (fault && !fault.afterCommit) throw injected(fault);
  const app = appPrincipal(state.tokens.verify(ctx.req.headers.authorization, BOT_FRAMEWORK_AUDIENCE));
  const { channelId, rootId } = parseConversationId(ctx.params.conversationId as string);
  const teamId = teamOfChannel(state, channelId);
  const install = teamId === undefined ? undefined : installationIn(state.storage, app.id, teamId);
  if (!install) throw new GraphHttpError(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
  const team = state.storage.get<TeamDoc>('team', install.teamId);
  const channel = team && state.storage.get<ChannelDoc>('channel', channelKey(team.id, channelId));
  if (!team || !channel) throw fail.notFound('Conversation not found.', 'ConversationNotFound');
  return { team, channel, rootId, app: { id: app.id, displayName: app.displayName }, fault };
}

function rootMessage(call: BotCall, state: RouteContext['state']): MessageDoc | undefined {
  return state.storage.list<MessageDoc>('message', channelKey(call.team.id, call.channel.id)).find((m) => m.id === call.rootId && !m.replyToId);
}

async function sendActivity(ctx: RouteContext): Promise<EmuResponse> {
  const call = await enter(ctx);
  const { state } = ctx;
  const activity = (ctx.req.body ?? {}) as Record<string, unknown>;
  if (activity.type !== 'message') throw fail.badRequest('activity.type must be "message".', 'BadArgument');
  const attachments = Array.isArray(activity.attachments) ? (activity.attachments as Array<{ contentType?: unknown; content?: unknown }>) : [];
  const text = typeof activity.text === 'string' ? activity.text : '';
  if (attachments.length === 0 && text === '') throw fail.badRequest('The activity has no text and no attachments.', 'BadArgument');
  for (const a of attachments) {
    const content = a.content as { type?: unknown } | null;
    if (a.contentType === CARD && (typeof content !== 'object' || content === null || content.type !== 'AdaptiveCard'))
      throw fail.badRequest('An Adaptive Card attachment needs the card object as content.', 'BadArgument');
  }
  if (call.rootId !== null && !rootMessage(call, state)) throw fail.notFound('The thread this reply is for was not found.', 'ConversationNotFound');
  const now = state.now();
  const key = channelKey(call.team.id, call.channel.id);
  const id = String(now.getTime() + state.storage.list('message', key).length);
  const stored = attachments.map((a) => ({ id: randomUUID(), contentType: a.contentType, contentUrl: null, content: typeof a.content === 'string' ? a.content : JSON.stringify(a.content), name: null, thumbnailUrl: null }));
  const webUrl = `https://teams.microsoft.com/l/message/${encodeURIComponent(call.channel.id)}/${id}?groupId=${call.team.id}${call.rootId ? `&parentMessageId=${call.rootId}` : ''}`;
  const message: MessageDoc = {
    id, replyToId: call.rootId, etag: id, messageType: 'message', createdDateTime: now.toISOString(), lastModifiedDateTime: now.toISOString(),
    subject: null, summary: typeof activity.summary === 'string' ? activity.summary : null, importance: 'normal', locale: 'en-us', webUrl,
    from: { user: null, device: null, application: { '@odata.type': '#microsoft.graph.teamworkApplicationIdentity', id: call.app.id, displayName: call.app.displayName, applicationIdentityType: 'bot' } },
    body: { contentType: 'html', content: `${text}${stored.map((a) => `<attachment id="${a.id}"></attachment>`).join('')}` },
    channelIdentity: { teamId: call.team.id, channelId: call.channel.id }, attachments: stored, mentions: [], reactions: [], messageHistory: [],
  };
  state.storage.put('message', `${key}/${id}/${randomUUID()}`, message, key);
  if (call.fault?.afterCommit) throw injected(call.fault);
  return json(201, { id });
}

async function getMember(ctx: RouteContext): Promise<EmuResponse> {
  const call = await enter(ctx);
  const wanted = (ctx.params.userId as string).replace(/^29:/, '');
  const user = ctx.state.directory.find(wanted);
  const member = user && call.team.members.find((m) => m.userId === user.id);
  if (!user || !member) throw new GraphHttpError(404, 'MemberNotFoundInConversation', 'The member could not be found in the conversation.');
  if (call.fault?.afterCommit) throw injected(call.fault);
  return json(200, {
    id: `29:${user.id}`, name: user.displayName, aadObjectId: user.id, objectId: user.id, email: user.mail, userPrincipalName: user.userPrincipalName,
    tenantId: 'emulator', userRole: 'user',
  });
}

export const botThreadRoutes: Route[] = [
  { method: 'POST', path: `${BOT_SERVICE_PATH}/v3/conversations/:conversationId/activities`, handler: sendActivity },
  { method: 'GET', path: `${BOT_SERVICE_PATH}/v3/conversations/:conversationId/members/:userId`, handler: getMember },
];
