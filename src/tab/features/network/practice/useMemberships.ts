/**
 * The practice's opt-ins, PCN and ICB review, read from its own settings list when the panel opens
 * and replaced in place after an opt-in or a withdrawal (no second read); both are remembered for the
 * session's other readers (state/networkMembership.ts).
 */
import { useCallback, useEffect, useState } from 'react';
import type { NetworkKind, NetworkMembership } from '@domain/network';
import type { GraphClient } from '@graph';
import { readMembership } from '@graph/network';
import { rememberMembership } from '../../../state/networkMembership';

export type MembershipState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly membership: NetworkMembership | null };

export function useMembership(client: GraphClient, practiceSiteId: string, networkKind: NetworkKind) {
  const [state, setState] = useState<MembershipState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    readMembership(client, practiceSiteId, networkKind).then(
      (membership) => {
        rememberMembership(practiceSiteId, networkKind, membership);
        if (live) setState({ kind: 'ready', membership });
      },
      (error: unknown) => live && setState({ kind: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [client, practiceSiteId, networkKind, attempt]);
  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  const replace = useCallback((membership: NetworkMembership) => {
    rememberMembership(practiceSiteId, networkKind, membership);
    setState({ kind: 'ready', membership });
  }, [practiceSiteId, networkKind]);
  return { state, reload, replace };
}
