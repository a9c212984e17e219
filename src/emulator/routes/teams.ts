/**
 * `/teams/{id}/members`, `/teams/{id}/channels`, `/teams/{id}/channels/{id}/messages` (GET, POST) and
 * `/teams/{id}/channels/{id}/messages/{id}/replies` (GET, POST: chatmessage-list-replies.md, chatmessage-post-replies.md).
 * A reply is stored beside the channel's messages with `replyToId` set to its root; the channel's
 * message list shows root messages only, as Graph's does (replies come from `/replies`).
 */
import { randomUUID } from 'node:crypto';
import { fail } from '../errors';
import { json } from '../http';
import { channelKey, requireChannel, requireTeam, type ChannelDoc, type MessageDoc, type TeamDoc } from '../model/teams';
import { parseTop } from '../odata/query';
import { isAppPrincipal } from '../model/appPrincipal';
import type { Route, RouteContext } from '../router';

function members(ctx: RouteContext) {
  const team = requireTeam(ctx.state.storage, ctx.params.teamId as string, ctx.user);
  const value = team.members.flatMap((member) => {
    const user = ctx.state.directory.find(member.userId);
    if (!user) return [];
    return [{
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      id: Buffer.from(`${team.id}##${user.id}`).toString('base64'),
      roles: member.roles,
      displayName: user.displayName,
      visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
      userId: user.id,
      email: user.mail,
      tenantId: 'emulator',
    }];
  });
  return json(200, { '@odata.count': value.length, value });
}

function renderChannel(channel: ChannelDoc) {
  return {
    id: channel.id,
    createdDateTime: channel.createdDateTime,
    displayName: channel.displayName,
    description: channel.description,
    isFavoriteByDefault: null,
    email: '',
    tenantId: 'emulator',
    webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(channel.id)}/${encodeURIComponent(channel.displayName)}?groupId=${channel.teamId}`,
    membershipType: 'standard',
    // channel-get.md example 1 shows both on every channel.
    layoutType: 'post',
    isArchived: false,
  };
}

function channels(ctx: RouteContext) {
  const team = requireTeam(ctx.state.storage, ctx.params.teamId as string, ctx.user);
  return json(200, { '@odata.count': 0, value: ctx.state.storage.list<ChannelDoc>('channel', team.id).map(renderChannel) });
}

function getChannel(ctx: RouteContext) {
  const team = requireTeam(ctx.state.storage, ctx.params.teamId as string, ctx.user);
  return json(200, renderChannel(requireChannel(ctx.state.storage, team, ctx.params.channelId as string)));
}

/**
 * Validates a chatMessage like Graph: a body with content; every mention's `<at id="N">` and every
 * attachment's `<attachment id="...">` must appear in the HTML body; card content must be JSON text.
 * @throws GraphHttpError 400 BadRequest.
 */
function checkMessage(input: unknown): { body: { contentType: string; content: string }; mentions: unknown[]; attachments: unknown[]; subject: unknown } {
  const m = (input ?? {}) as Record<string, unknown>;
  const body = m.body as { contentType?: unknown; content?: unknown } | undefined;
  if (!body || typeof body.content !== 'string' || body.content === '') throw fail.badRequest('Missing body content');
  const contentType = body.contentType === undefined ? 'text' : String(body.contentType).toLowerCase();
  if (contentType !== 'text' && contentType !== 'html') throw fail.badRequest(`Invalid contentType '${String(body.contentType)}'.`);
  const mentions = Array.isArray(m.mentions) ? m.mentions : [];
  for (const mention of mentions as { id?: unknown; mentionText?: unknown; mentioned?: unknown }[]) {
    // Plain text comparison, never a RegExp built from the caller's id (a crafted id blocked the server).
    const id = String(mention.id);
    const content = body.content;
    if (![`<at id="${id}">`, `<at id='${id}'>`, `<at id=${id}>`].some((tag) => content.includes(tag)))
      throw fail.badRequest('Mentions should be referenced in the message body using <at id="...">.');
    if (typeof mention.mentioned !== 'object' || mention.mentioned === null) throw fail.badRequest('Each mention needs a mentioned identity.');
  }
  const attachments = Array.isArray(m.attachments) ? m.attachments : [];
  for (const attachment of attachments as { id?: unknown; contentType?: unknown; content?: unknown }[]) {
    if (!body.content.includes(`<attachment id="${String(attachment.id)}">`))
      throw fail.badRequest(`Attachment with id '${String(attachment.id)}' is not referenced in the message body.`);
    if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') {
      try {
        JSON.parse(String(attachment.content));
      } catch {
        throw fail.badRequest('The adaptive card content must be a JSON string.');
      }
    }
  }
  return { body: { contentType, content: body.content }, mentions: mentions.map(renderMention), attachments: attachments.map(renderAttachment), subject: m.subject ?? null };
}

/** A chatMessageMention as Graph returns it: every identity of `mentioned` present, null when absent (chatmessage-post.md example 2). */
function renderMention(input: unknown): Record<string, unknown> {
  const mention = input as { id?: unknown; mentionText?: unknown; mentioned?: Record<string, unknown> };
  const mentioned = mention.mentioned ?? {};
  return {
    id: mention.id,
    mentionText: mention.mentionText ?? null,
    mentioned: { application: null, device: null, conversation: null, user: null, ...mentioned },
  };
}

/** A chatMessageAttachment as Graph returns it: every property present, null when absent (chatmessage-post.md examples 3 and 4). */
function renderAttachment(input: unknown): Record<string, unknown> {
  const a = input as Record<string, unknown>;
  return { id: a.id, contentType: a.contentType, contentUrl: a.contentUrl ?? null, content: a.content ?? null, name: a.name ?? null, thumbnailUrl: a.thumbnailUrl ?? null };
}

/** Stores a chatMessage posted by the signed-in user: a root message, or a reply when `replyToId` is given. */
function storeMessage(ctx: RouteContext, team: TeamDoc, channel: ChannelDoc, replyToId: string | null) {
  const checked = checkMessage(ctx.req.body);
  const now = ctx.state.now();
  const id = String(now.getTime() + ctx.state.storage.list('message', channelKey(team.id, channel.id)).length);
  // chatmessage-post-replies.md example 1: a reply's webUrl names its root as parentMessageId.
  const webUrl = `https://teams.microsoft.com/l/message/${encodeURIComponent(channel.id)}/${id}?groupId=${team.id}${replyToId === null ? '' : `&parentMessageId=${replyToId}`}`;
  const message: MessageDoc = {
    id, replyToId, etag: id, messageType: 'message', createdDateTime: now.toISOString(), lastModifiedDateTime: now.toISOString(),
    lastEditedDateTime: null, deletedDateTime: null, subject: checked.subject, summary: null, chatId: null, importance: 'normal', locale: 'en-us',
    webUrl,
    policyViolation: null, eventDetail: null,
    from: { application: null, device: null, user: { '@odata.type': '#microsoft.graph.teamworkUserIdentity', id: ctx.user.id, displayName: ctx.user.displayName, userIdentityType: 'aadUser', tenantId: 'emulator' } },
    body: checked.body, channelIdentity: { teamId: team.id, channelId: channel.id },
    attachments: checked.attachments, mentions: checked.mentions, reactions: [], messageHistory: [],
  };
  ctx.state.storage.put('message', `${channelKey(team.id, channel.id)}/${id}/${randomUUID()}`, message, channelKey(team.id, channel.id));
  return message;
}

function postMessage(ctx: RouteContext) {
  // Graph allows application permissions here only while a team is being migrated.
  if (isAppPrincipal(ctx.user)) throw fail.forbidden('Posting channel messages with application permissions is only supported for migration. Use a delegated token or a bot.');
  const team = requireTeam(ctx.state.storage, ctx.params.teamId as string, ctx.user);
  const channel = requireChannel(ctx.state.storage, team, ctx.params.channelId as string);
  const message = storeMessage(ctx, team, channel, null);
  return json(201, message, { Location: `${ctx.req.origin}/v1.0/teams/${team.id}/channels/${encodeURIComponent(channel.id)}/messages/${message.id}` });
}

/** The channel's root message `messageId` (a reply cannot be replied to: Teams threads are one level deep). @throws GraphHttpError 404. */
function requireRootMessage(ctx: RouteContext, team: TeamDoc, channel: ChannelDoc): MessageDoc {
  const messageId = ctx.params.messageId as string;
  const root = ctx.state.storage.list<MessageDoc>('message', channelKey(team.id, channel.id)).find((m) => m.id === messageId && (m.replyToId ?? null) === null);
  if (!root) throw fail.notFound(`Message ${messageId} was not found in this channel.`, 'NotFound');
  return root;
}

/** chatmessage-post-replies.md: 201 with the reply, `replyToId` = the root's id. Application permission only for migration. */
function postReply(ctx: RouteContext) {
  if (isAppPrincipal(ctx.user)) throw fail.forbidden('Posting channel messages with application permissions is only supported for migration. Use a delegated token or a bot.');
  const team = requireTeam(ctx.state.storage, ctx.params.teamId as string, ctx.user);
  const channel = requireChannel(ctx.state.storage, team, ctx.params.channelId as string);
  const root = requireRootMessage(ctx, team, channel);
  const reply = storeMessage(ctx, team, channel, root.id);
  return json(201, reply, { Location: `${ctx.req.origin}/v1.0/teams/${team.id}/channels/${encodeURIComponent(channel.id)}/messages/${root.id}/replies/${reply.id}` });
}

/** chatmessage-list-replies.md: the root's replies, newest first, `$top` up to 50. */
function listReplies(ctx: RouteContext) {
  const team = requireTeam(ctx.state.storage, ctx.params.teamId as string, ctx.user);
  const channel = requireChannel(ctx.state.storage, team, ctx.params.channelId as string);
  const root = requireRootMessage(ctx, team, channel);
  const top = parseTop(ctx.query, 20, 50);
  const all = ctx.state.storage.list<MessageDoc>('message', channelKey(team.id, channel.id)).filter((m) => m.replyToId === root.id).reverse();
  return json(200, { '@odata.count': Math.min(top, all.length), value: all.slice(0, top) });
}

function listMessages(ctx: RouteContext) {
  const team = requireTeam(ctx.state.storage, ctx.params.teamId as string, ctx.user);
  const channel = requireChannel(ctx.state.storage, team, ctx.params.channelId as string);
  const top = parseTop(ctx.query, 20, 50);
  // Root messages only: replies are listed under their root (chatmessage-list-replies.md).
  const all = ctx.state.storage.list<MessageDoc>('message', channelKey(team.id, channel.id)).filter((m) => (m.replyToId ?? null) === null).reverse();
  return json(200, { '@odata.count': Math.min(top, all.length), value: all.slice(0, top) });
}

export const teamRoutes: Route[] = [
  { method: 'GET', path: '/v1.0/teams/:teamId/members', handler: members },
  { method: 'GET', path: '/v1.0/teams/:teamId/channels', handler: channels },
  { method: 'GET', path: '/v1.0/teams/:teamId/channels/:channelId', handler: getChannel },
  { method: 'GET', path: '/v1.0/teams/:teamId/channels/:channelId/messages', query: ['top'], handler: listMessages },
  { method: 'POST', path: '/v1.0/teams/:teamId/channels/:channelId/messages', handler: postMessage },
  { method: 'GET', path: '/v1.0/teams/:teamId/channels/:channelId/messages/:messageId/replies', query: ['top'], handler: listReplies },
  { method: 'POST', path: '/v1.0/teams/:teamId/channels/:channelId/messages/:messageId/replies', handler: postReply },
];
