/**
 * The entry dialog's "Notes from your network" (loaded on demand by NetworkHost.tsx): the notes the
 * practice's PCN or ICB left on this entry, read from the network's comments list. Nothing is shown
 * for a practice that has opted in to no network, or while its opt-ins are read.
 */
import { useEffect, useState } from 'react';
import type { StoredEntry } from '@domain';
import { NETWORK_KINDS, type NetworkMembership } from '@domain/network';
import { useGraphClient } from '../../../state/ApiContext';
import { readMembershipOnce } from '../../../state/networkMembership';
import { useRegisterData } from '../../../state/registerData';
import { NetworkNotes } from './NetworkNotes';

export function EntryNetworkNotes(props: { stored: StoredEntry }) {
  const client = useGraphClient();
  const siteId = useRegisterData().workspace.location.siteId;
  const [joined, setJoined] = useState<readonly NetworkMembership[]>([]);
  useEffect(() => {
    let live = true;
    // An opt-in that cannot be read shows no section: the register's own PCN and ICB view says why.
    void Promise.all(NETWORK_KINDS.map((kind) => readMembershipOnce(client, siteId, kind.code).catch(() => null))).then(
      (read) => live && setJoined(read.filter((membership): membership is NetworkMembership => membership?.state === 'joined')),
    );
    return () => {
      live = false;
    };
  }, [client, siteId]);
  if (joined.length === 0) return null;
  return <NetworkNotes client={client} memberships={joined} practiceSiteId={siteId} entryItemId={props.stored.id} />;
}
