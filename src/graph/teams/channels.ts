/**
 * The practice team's channels, so the tab's "Post now" can offer where the digest goes.
 * Delegated `Channel.ReadBasic.All` (or the RSC `ChannelSettings.Read.Group`); the signed-in user
 * sees the channels they can see (private channels they are not in are left out by Graph).
 */
import type { Channel } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client';
import { pathSegment, pageAll, withScopes } from '../client';

export interface TeamChannel {
  /** `19:...@thread.tacv2` */
  readonly id: string;
  readonly displayName: string;
  /** Graph's https link that opens the channel in Teams ('' when Graph gave none). */
  readonly webUrl: string;
}

/** The channel the digest goes to when the team has it; the same name the service's bot posts to. */
export const DIGEST_CHANNEL_NAME = 'Digital services';

/**
 * @returns the team's channels, by display name.
 * @throws GraphError (403 when the user is not in the team).
 */
export async function listChannels(client: GraphClient, teamId: string): Promise<TeamChannel[]> {
  const channels = await pageAll<Pick<Channel, 'displayName' | 'webUrl'> & { id: string }>(
    client,
    `/teams/${pathSegment(teamId)}/channels`,
    [withScopes('post-to-channel')],
  );
  return channels
    .map((channel) => ({ id: channel.id, displayName: channel.displayName ?? '', webUrl: channel.webUrl ?? '' }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}

/** The channel named DIGEST_CHANNEL_NAME (case-insensitive), else the first one, else null. */
export function preferredDigestChannel(channels: readonly TeamChannel[]): TeamChannel | null {
  return channels.find((c) => c.displayName.trim().toLowerCase() === DIGEST_CHANNEL_NAME.toLowerCase()) ?? channels[0] ?? null;
}
