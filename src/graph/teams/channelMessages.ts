/**
 * Posting the review digest to a channel as the signed-in user (delegated `ChannelMessage.Send`):
 * the tab's "Post now". Graph has no application permission for this outside migration, so the
 * unattended service posts through its bot instead (src/service/bot/proactive.ts).
 *
 * The card travels as an attachment whose `content` is the card JSON as a string, referenced from
 * the HTML body by `<attachment id="...">`; each @mention is an `<at id="N">` tag in the body paired
 * with `mentions[N]` (api-reference/v1.0/api/chatmessage-post.md, "mentions" example; Graph notifies
 * only mentions that appear in the body).
 *
 * Mentions inside an Adaptive Card (`<at>` text plus `msteams.entities`) are documented for bots and
 * message extensions only (msteams-docs "cards-format", "Mention support within Adaptive Cards";
 * msteams-docs issue #8856), so a card posted by a person through Graph carries plain names and the
 * real mentions go in the message body. The bot's digest keeps its card mentions (src/service).
 */
import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import { withScopes, pathSegment } from '../client';
import type { AdaptiveCard, GraphMention } from '@domain/reminders';
import type { GraphClient } from '../client';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface DigestMessageInput {
  readonly card: AdaptiveCard;
  readonly mentions: readonly GraphMention[];
  /** A fresh GUID per post (the same id in the body and the attachment). */
  readonly attachmentId: string;
}

/** Escapes text for the HTML message body (mention labels are user text). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const AT_TAG = /<at>([^<]*)<\/at>/g;

/** Every string in `value` with `<at>Name</at>` turned into `Name`. */
function plainNames(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(AT_TAG, '$1');
  if (Array.isArray(value)) return value.map(plainNames);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainNames(inner)]));
  return value;
}

/** The card as a person may post it: plain names, no `msteams.entities` (card mentions are for bots). */
export function cardWithPlainNames(card: AdaptiveCard): Record<string, unknown> {
  const { msteams, ...rest } = card;
  return { ...(plainNames(rest) as Record<string, unknown>), msteams: { width: msteams.width } };
}

/** The Graph chatMessage body for a digest: who it is for (real mentions), then the card (plain names). Pure. */
export function digestMessageBody(input: DigestMessageInput): Record<string, unknown> {
  const tags = input.mentions.map((m) => `<at id="${m.id}">${escapeHtml(m.mentionText)}</at>`).join(', ');
  const lead = tags === '' ? '' : `<p>Reviews for ${tags}</p>`;
  return {
    body: { contentType: 'html', content: `${lead}<attachment id="${input.attachmentId}"></attachment>` },
    attachments: [
      {
        id: input.attachmentId,
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        contentUrl: null,
        content: JSON.stringify(cardWithPlainNames(input.card)),
        name: null,
        thumbnailUrl: null,
      },
    ],
    mentions: input.mentions,
  };
}

export interface PostedMessage {
  readonly id: string;
  readonly webUrl: string;
}

/**
 * Posts the digest. A POST is never retried after a 5xx or timeout (the message may exist): the
 * caller gets an error with `ambiguous: true` and must not post again without checking the channel.
 * @throws GraphError (403 when the user may not post, 429 only after Retry-After waits ran out).
 */
export async function postDigestMessage(client: GraphClient, teamId: string, channelId: string, input: DigestMessageInput): Promise<PostedMessage> {
  const posted = (await client
    .api(`/teams/${pathSegment(teamId)}/channels/${pathSegment(channelId)}/messages`)
    .middlewareOptions([withScopes('post-to-channel')])
    .post(digestMessageBody(input))) as Pick<ChatMessage, 'webUrl'> & { id: string };
  return { id: posted.id, webUrl: posted.webUrl ?? '' };
}
