/**
 * "Post now": one delegated Graph channel message carrying the digest card and its @mentions.
 *
 * Never posted twice by accident: the client retries a POST only on 429 (refused before it ran).
 * A 5xx or a timeout may come after Teams stored the message, so it is reported as "may or may not
 * have arrived" and nothing is retried; posting again needs the manager to say they checked the
 * channel first. After a success the button stays disabled until the page is reloaded.
 */
import { useCallback, useRef, useState } from 'react';
import type { Digest } from '@domain/reminders';
import { GraphError, NetworkError, postDigestMessage, type PostedMessage } from '@graph';
import { useGraphClient } from '../../state/ApiContext';

export type PostState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'posting'; readonly channelName: string }
  | { readonly kind: 'posted'; readonly channelName: string; readonly message: PostedMessage }
  /** The outcome is unknown (5xx, timeout, lost connection): the message may be in the channel. */
  | { readonly kind: 'unknown'; readonly channelName: string; readonly error: unknown }
  /** Refused: nothing was posted (403, 400, throttled after every wait). */
  | { readonly kind: 'failed'; readonly channelName: string; readonly error: unknown };

/** True when a failed POST may nevertheless have created the message. */
export function outcomeUnknown(error: unknown): boolean {
  if (error instanceof NetworkError) return error.ambiguous;
  if (error instanceof GraphError) return error.ambiguous || (error.status >= 500 && error.status !== 501);
  return false;
}

export function usePostDigest() {
  const client = useGraphClient();
  const [state, setState] = useState<PostState>({ kind: 'idle' });
  const inFlight = useRef(false);

  const post = useCallback(
    async (teamId: string, channel: { id: string; displayName: string }, digest: Digest) => {
      if (inFlight.current) return;
      inFlight.current = true;
      const channelName = channel.displayName;
      setState({ kind: 'posting', channelName });
      try {
        const message = await postDigestMessage(client, teamId, channel.id, {
          card: digest.card,
          mentions: digest.graphMentions,
          attachmentId: crypto.randomUUID(),
        });
        setState({ kind: 'posted', channelName, message });
      } catch (error) {
        setState({ kind: outcomeUnknown(error) ? 'unknown' : 'failed', channelName, error });
      } finally {
        inFlight.current = false;
      }
    },
    [client],
  );

  return { state, post };
}
