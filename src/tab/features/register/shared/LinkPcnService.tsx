/**
 * "Link a PCN service" (issue 18), beside "Add service", shown only when the practice has opted in
 * to a PCN (its `network.pcn` setting, graph/network). It lists the PCN register's PCN-shared
 * services and adds a linked entry for the one chosen: a copy of its values (kept if the PCN's
 * entry later cannot be read), the link, and blank local fields. A service already linked is not
 * offered twice. Each service's create carries one client-made entry key for this dialog, so a
 * retried or double-clicked Link finds the entry the first attempt made.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { NetworkMembership } from '@domain/network';
import { useGraphClient } from '../../../state/ApiContext';
import { readMembershipOnce } from '../../../state/networkMembership';
import { useRegisterData } from '../../../state/registerData';

// The panel, and the PCN's list of services it reads, load only when someone opens it: the register's first download does not grow.
const LinkPcnServicePanel = lazy(() => import('./LinkPcnServicePanel').then((module) => ({ default: module.LinkPcnServicePanel })));

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
  const opener = useRef<HTMLButtonElement>(null);
  if (pcn === null) return null;
  // Done (or Escape) closes the panel and puts focus back on the button that opened it.
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  return (
    <>
      <Button ref={opener} onClick={() => setOpen(true)} aria-expanded={open}>Link a PCN service</Button>
      {open ? (
        <Suspense fallback={null}>
          <LinkPcnServicePanel pcn={pcn} onClose={close} />
        </Suspense>
      ) : null}
    </>
  );
}
