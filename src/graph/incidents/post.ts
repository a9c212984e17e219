/**
 * The delegated fallback for incident cards: the signed-in person posts the incident card to the
 * practice channel and each update as a reply under it, through Graph.
 *
 * - Root card: `POST /teams/{team-id}/channels/{channel-id}/messages` (api-reference/v1.0/api/chatmessage-post.md),
 *   delegated `ChannelMessage.Send` (the application permission is for migration only).
 * - Update cards: `POST /teams/{team-id}/channels/{channel-id}/messages/{message-id}/replies`
 *   (api-reference/v1.0/api/chatmessage-post-replies.md), same permission, 201 with the reply.
 *
 * Never twice: each card has a key (src/domain/incidents/keys.ts). Before posting, the incident is
 * read again and a key already in `postedKeys` is not posted; after a 201 the key (and, for the root,
 * the thread) is recorded in the incident item with If-Match (store.change re-applies on 412).
 * A throttled post (429) was refused before it ran and is retried by the client after Retry-After.
 * A post that fails with a 5xx or a timeout may have reached the channel: it is NOT repeated here
 * (a delegated token cannot read the channel without ChannelMessage.Read.All, which the app does not
 * ask for); the caller gets AmbiguousPostError and hands the same key to the service, whose bot can
 * check the channel (HB), or asks the person.
 */
import { randomUUIDFrom } from './ids';
import { buildIncidentCard, markPosted, unpostedKeys, buildUpdateCard } from '@domain/incidents';
import type { Incident, IncidentThread, StoredIncident } from '@domain/incidents';
import type { StoredEntry } from '@domain';
import type { AdaptiveCard, GraphMention } from '@domain/reminders';
import { ADAPTIVE_CARD_CONTENT_TYPE, cardWithPlainNames, escapeHtml } from '../teams';
import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client';
import { isAmbiguousFailure, pathSegment, withScopes } from '../client';
import type { IncidentStore } from './store';

export interface IncidentChannel {
  readonly teamId: string;
  readonly channelId: string;
}

/** The post may or may not be in the channel (5xx, timeout). The key was not recorded; do not post it again blindly. */
export class AmbiguousPostError extends Error {
  constructor(readonly cardKey: string, override readonly cause: unknown) {
    super('The card may or may not have reached the channel.');
    this.name = 'AmbiguousPostError';
  }
}

/** An update cannot go into a thread that does not exist yet: post the incident card first (postUnpostedCards does). */
export class RootNotPostedError extends Error {
  constructor(readonly cardKey: string) {
    super('The incident card is not in the channel yet.');
    this.name = 'RootNotPostedError';
  }
}

/** The card is in the channel but recording that failed: call `recordPosted` with these before posting again. */
export class PostedNotRecordedError extends Error {
  constructor(readonly cardKey: string, readonly thread: IncidentThread, override readonly cause: unknown) {
    super('The card was posted but the incident could not be updated to say so.');
    this.name = 'PostedNotRecordedError';
  }
}

export interface IncidentCardContext {
  readonly store: IncidentStore;
  readonly client: GraphClient;
  /** Where the incident card goes (replies go to the incident's recorded thread). */
  readonly channel: IncidentChannel;
  /** The register, for the card's downtime process, contacts and what else breaks. */
  readonly entries: readonly StoredEntry[];
  /** https deep link to an entry (src/domain/reminders/entryLink.ts). */
  readonly entryLink: (entryId: string) => string;
  /** A fresh id per message (the card attachment's id). Default: crypto.randomUUID. */
  readonly newId?: () => string;
}

export type PostOutcome =
  | { readonly status: 'posted'; readonly stored: StoredIncident; readonly messageId: string; readonly webUrl: string }
  | { readonly status: 'already-posted'; readonly stored: StoredIncident };

/** The Graph chatMessage for a card: optional lead paragraph with real mentions, then the card. Pure. */
export function incidentMessageBody(card: AdaptiveCard, attachmentId: string, lead: string, mentions: readonly GraphMention[]): Record<string, unknown> {
  const tags = mentions.map((m) => `<at id="${m.id}">${escapeHtml(m.mentionText)}</at>`).join(', ');
  const leadHtml = lead === '' ? '' : `<p>${escapeHtml(lead)}${tags === '' ? '' : ` For ${tags}.`}</p>`;
  return {
    body: { contentType: 'html', content: `${leadHtml}<attachment id="${attachmentId}"></attachment>` },
    attachments: [{ id: attachmentId, contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: JSON.stringify(cardWithPlainNames(card)), name: null, thumbnailUrl: null }],
    mentions: tags === '' ? [] : mentions,
  };
}

/** Records a posted card in the incident item (idempotent; If-Match with re-apply on 412). */
export function recordPosted(store: IncidentStore, stored: StoredIncident, cardKey: string, thread: IncidentThread): Promise<StoredIncident> {
  return store.change(stored, (incident) => markPosted(incident, cardKey, thread));
}

function rootBody(context: IncidentCardContext, incident: Incident, attachmentId: string): Record<string, unknown> {
  const built = buildIncidentCard({ incident, entries: context.entries, entryLink: context.entryLink });
  const lead = `Incident: ${incident.serviceTitle || 'a service'} is ${incident.impact}.`;
  return incidentMessageBody(built.card, attachmentId, lead, built.graphMentions);
}

/**
 * Posts one card of the incident (its own key: the incident card; an update's key: a reply in the
 * thread) unless that key is already recorded as posted.
 * @throws AmbiguousPostError, RootNotPostedError, PostedNotRecordedError, GraphError (403, 404, 429 after the client's retries).
 */
export async function postIncidentCard(context: IncidentCardContext, stored: StoredIncident, cardKey: string): Promise<PostOutcome> {
  const fresh = await context.store.get(stored.id);
  const incident = fresh.incident;
  if (incident.postedKeys.includes(cardKey)) return { status: 'already-posted', stored: fresh };
  const isRoot = cardKey === incident.key;
  if (!isRoot && incident.thread === null) throw new RootNotPostedError(cardKey);
  const attachmentId = (context.newId ?? randomUUIDFrom)();
  const channel = isRoot ? context.channel : (incident.thread as IncidentThread);
  const base = `/teams/${pathSegment(channel.teamId)}/channels/${pathSegment(channel.channelId)}/messages`;
  const url = isRoot ? base : `${base}/${pathSegment((incident.thread as IncidentThread).messageId)}/replies`;
  const body = isRoot
    ? rootBody(context, incident, attachmentId)
    : incidentMessageBody(buildUpdateCard({ incident, updateKey: cardKey, entryLink: context.entryLink }), attachmentId, '', []);
  let posted: Pick<ChatMessage, 'webUrl'> & { id: string };
  try {
    posted = (await context.client.api(url).middlewareOptions([withScopes('incidents')]).post(body)) as Pick<ChatMessage, 'webUrl'> & { id: string };
  } catch (error) {
    if (isAmbiguousFailure(error)) throw new AmbiguousPostError(cardKey, error);
    throw error;
  }
  const thread: IncidentThread = isRoot ? { teamId: channel.teamId, channelId: channel.channelId, messageId: posted.id } : (incident.thread as IncidentThread);
  try {
    const recorded = await recordPosted(context.store, fresh, cardKey, thread);
    return { status: 'posted', stored: recorded, messageId: posted.id, webUrl: posted.webUrl ?? '' };
  } catch (error) {
    throw new PostedNotRecordedError(cardKey, thread, error);
  }
}

/**
 * Posts every card of the incident not yet in the channel, in order (the incident card first, then
 * each update as a reply), stopping at the first failure (which it throws). Cards already posted are
 * skipped, so calling it again after any failure or crash posts only what is missing.
 */
export async function postUnpostedCards(context: IncidentCardContext, stored: StoredIncident): Promise<StoredIncident> {
  let current = await context.store.get(stored.id);
  for (const key of unpostedKeys(current.incident)) {
    const outcome = await postIncidentCard(context, current, key);
    current = outcome.stored;
  }
  return current;
}
