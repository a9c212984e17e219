/** The signed-in person's teams (GET /me/joinedTeams, user-list-joinedteams.md), to pick the network's team from. */
import { useCallback, useEffect, useState } from 'react';
import { listJoinedTeams, type GraphClient, type TeamSummary } from '@graph';

export type JoinedTeams =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly teams: readonly TeamSummary[] };

export function useJoinedTeams(client: GraphClient, ownTeamId: string) {
  const [state, setState] = useState<JoinedTeams>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    listJoinedTeams(client).then(
      (teams) => live && setState({
        kind: 'ready',
        // The practice's own team cannot be its network.
        teams: teams.filter((team) => team.id !== ownTeamId).sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB')),
      }),
      (error: unknown) => live && setState({ kind: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [client, ownTeamId, attempt]);
  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, reload };
}
