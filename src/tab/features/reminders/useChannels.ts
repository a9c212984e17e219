/** The practice team's channels, loaded once when the reminders view opens. */
import { useCallback, useEffect, useState } from 'react';
import { listChannels, type TeamChannel } from '@graph/teams';
import { useGraphClient } from '../../state/ApiContext';

export type ChannelsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly channels: readonly TeamChannel[] };

export function useChannels(teamId: string): { state: ChannelsState; reload: () => void } {
  const client = useGraphClient();
  const [state, setState] = useState<ChannelsState>({ kind: 'loading' });
  const reload = useCallback(() => {
    let live = true;
    setState({ kind: 'loading' });
    listChannels(client, teamId).then(
      (channels) => live && setState({ kind: 'ready', channels }),
      (error: unknown) => live && setState({ kind: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [client, teamId]);
  useEffect(reload, [reload]);
  return { state, reload };
}
