/**
 * Is this card already in the channel? After an ambiguous post (a 5xx or a lost answer: the message
 * may exist), the service looks before it posts again, app-only, with the least-privileged read:
 * resource-specific consent `ChannelMessage.Read.Group` (granted by the team with the app's install,
 * scoped to that team; the manifest asks for it):
 *
 * - the incident card: `GET /teams/{team-id}/channels/{channel-id}/messages?$top=50`
 *   (api-reference/v1.0/api/channel-list-messages.md: application ChannelMessage.Read.Group*);
 * - an update: `GET /teams/{team-id}/channels/{channel-id}/messages/{message-id}/replies?$top=50`
 *   (api-reference/v1.0/api/chatmessage-list-replies.md: application ChannelMessage.Read.Group*).
 *
 * A card is recognised by its key, which every incident card carries (cardKey.ts: the id of its
 * first element), in the attachment's content. Only a few pages of the newest messages are read: a
 * card the service posted minutes ago is near the top, and the claim in the ledger is what stops
 * older repeats.
 */
import type { ChatMessage as GraphChatMessage } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client';
import { pathSegment, queryString } from '../client';

export interface FoundCard {
  readonly messageId: string;
  readonly webUrl: string;
}

/** Graph's `chatMessage` as Microsoft publishes it: the fields the search reads, the id always present. */
type ChatMessage = Pick<GraphChatMessage, 'webUrl' | 'attachments'> & { readonly id: string };

const MAX_PAGES = 3;

function carries(message: ChatMessage, key: string): boolean {
  return (message.attachments ?? []).some((attachment) => typeof attachment.content === 'string' && attachment.content.includes(key));
}

async function search(client: GraphClient, firstUrl: string, key: string): Promise<FoundCard | null> {
  let url: string | undefined = firstUrl;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const body = (await client.api(url).get()) as { value?: ChatMessage[]; '@odata.nextLink'?: string };
    const hit = (body.value ?? []).find((message) => carries(message, key));
    if (hit) return { messageId: hit.id, webUrl: hit.webUrl ?? '' };
    url = body['@odata.nextLink'];
  }
  return null;
}

/**
 * @param rootMessageId null for the incident card itself; the thread's root for an update.
 * @returns the message carrying `key`, or null when it is not there. @throws GraphError (403 without the RSC grant).
 */
export function findCardInChannel(client: GraphClient, teamId: string, channelId: string, rootMessageId: string | null, key: string): Promise<FoundCard | null> {
  const base = `/teams/${pathSegment(teamId)}/channels/${pathSegment(channelId)}/messages`;
  const url = rootMessageId === null ? base : `${base}/${pathSegment(rootMessageId)}/replies`;
  return search(client, `${url}${queryString({ $top: 50 })}`, key);
}
