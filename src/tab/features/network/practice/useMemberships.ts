/**
 * The practice's opt-ins, PCN and ICB review, read from its own settings list when the panel opens
 * and replaced in place after an opt-in or a withdrawal (no second read).
 */
import { useCallback, useEffect, useState } from 'react';
import type { NetworkKind, NetworkMembership } from '@domain/network';
import type { GraphClient } from '@graph';
import { readMembership } from '@graph/network';

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
      (membership) => live && setState({ kind: 'ready', membership }),
      (error: unknown) => live && setState({ kind: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [client, practiceSiteId, networkKind, attempt]);
  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  const replace = useCallback((membership: NetworkMembership) => setState({ kind: 'ready', membership }), []);
  return { state, reload, replace };
}
