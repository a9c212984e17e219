/**
 * "Link a PCN service" (issue 18), beside "Add service", shown only when the practice has opted in
 * to a PCN (its `network.pcn` setting, graph/network). It lists the PCN register's PCN-shared
 * services and adds a linked entry for the one chosen: a copy of its values (kept if the PCN's
 * entry later cannot be read), the link, and blank local fields. A service already linked is not
 * offered twice. Each service's create carries one client-made entry key for this dialog, so a
 * retried or double-clicked Link finds the entry the first attempt made.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { NetworkMembership } from '@domain/network';
import { useGraphClient } from '../../../state/ApiContext';
import { readMembershipOnce } from '../../../state/networkMembership';
import { useRegisterData } from '../../../state/registerData';

// The dialog, and the PCN's list of services it reads, load only when someone opens it: the register's first download does not grow.
const LinkPcnServiceDialog = lazy(() => import('./LinkPcnServiceDialog').then((module) => ({ default: module.LinkPcnServiceDialog })));

/** The practice's PCN while it is opted in; null otherwise (or when the setting cannot be read). */
function useJoinedPcn(): NetworkMembership | null {
  const client = useGraphClient();
  const { workspace } = useRegisterData();
  const siteId = workspace.location.siteId;
  const [membership, setMembership] = useState<NetworkMembership | null>(null);
  useEffect(() => {
    let current = true;
    // Read once per session (state/networkMembership.ts), after the register has rendered.
    readMembershipOnce(client, siteId, 'pcn').then((read) => current && setMembership(read?.state === 'joined' ? read : null), () => undefined);
    return () => {
      current = false;
    };
  }, [client, siteId]);
  return membership;
}

export function LinkPcnServiceButton() {
  const pcn = useJoinedPcn();
  const [open, setOpen] = useState(false);
  // Mounted once asked for and closed through `open`, never unmounted while open: Fluent leaves
  // aria-hidden behind on the next dialog otherwise (microsoft/fluentui#35139, EntryDialog.tsx).
  const [asked, setAsked] = useState(false);
  if (pcn === null) return null;
  return (
    <>
      <Button onClick={() => (setAsked(true), setOpen(true))}>Link a PCN service</Button>
      {asked ? (
        <Suspense fallback={null}>
          <LinkPcnServiceDialog pcn={pcn} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
