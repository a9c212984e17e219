/**
 * The "Link a PCN service" panel (LinkPcnService.tsx opens it, loaded on demand): the PCN register's
 * PCN-shared services, each with Link. A panel in the page, not a modal dialog: a Fluent modal opened
 * beside the register's always-mounted entry dialog left that dialog aria-hidden once it closed
 * (microsoft/fluentui#35139), hiding the next entry from screen readers (found end to end). A service already linked is not offered twice; each service's
 * create carries one client-made entry key for this dialog, so a retried or double-clicked Link finds
 * the entry the first attempt made.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { StoredEntry } from '@domain';
import type { NetworkMembership } from '@domain/network';
import { entryLinkedTo, linkedEntryFor } from '@domain/sharedServices';
import { listShareableServices } from '@graph/sharedServices';
import { FailureMessage } from '../../../components/StatusViews';
import { useGraphClient } from '../../../state/ApiContext';
import { useRegisterData } from '../../../state/registerData';
import { newEntryKey } from '../newEntryKey';
import { describeSaveFailure } from '../saveFailure';

const useStyles = makeStyles({
  panel: {
    flexBasis: '100%', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1,
  },
  actions: { display: 'flex', justifyContent: 'flex-end' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, listStyleType: 'none', margin: 0, padding: 0 },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  name: { flexGrow: 1, display: 'flex', flexDirection: 'column' },
});

type Offer = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly error: unknown } | { readonly kind: 'ready'; readonly services: readonly StoredEntry[] };

export function LinkPcnServicePanel({ pcn, onClose }: { pcn: NetworkMembership; onClose: () => void }) {
  const styles = useStyles();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the panel's heading when it opens.
  useEffect(() => heading.current?.focus(), []);
  const client = useGraphClient();
  const { store, state, upsert } = useRegisterData();
  const [offer, setOffer] = useState<Offer>({ kind: 'loading' });
  const [linking, setLinking] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const keys = useRef(new Map<string, string>());
  // Read each time it opens: the PCN may have added a service since.
  useEffect(() => {
    let current = true;
    listShareableServices(client, pcn.networkSiteId).then(
      (services) => current && setOffer({ kind: 'ready', services }),
      (error: unknown) => current && setOffer({ kind: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [client, pcn.networkSiteId]);
  const entries = state.kind === 'ready' ? state.rows.map((row) => row.stored) : [];

  async function link(service: StoredEntry) {
    if (linking) return;
    const key = keys.current.get(service.id) ?? newEntryKey();
    keys.current.set(service.id, key);
    setLinking(service.id);
    setFailure(null);
    try {
      upsert(await store.create(linkedEntryFor(service, pcn.networkSiteId), key));
    } catch (error) {
      setFailure(error);
    } finally {
      setLinking(null);
    }
  }

  const failureText = failure ? describeSaveFailure(failure, 'Nothing was linked.') : null;
  return (
    <section className={styles.panel} aria-labelledby={titleId} onKeyDown={(event) => (event.key === 'Escape' ? onClose() : undefined)}>
      <Text as="h3" size={400} weight="semibold" id={titleId} ref={heading} tabIndex={-1}>Link a service from {pcn.networkName || 'your PCN'}</Text>
      <Text block>
        The PCN keeps these services once, with their owner, support, DPIA and downtime process, and reviews them.
        Linking one shows it in this register with the PCN&apos;s values; you add the practice&apos;s local contact and notes.
      </Text>
      {offer.kind === 'loading' ? <Spinner size="small" label="Reading the PCN's services…" /> : null}
      {offer.kind === 'failed' ? <FailureMessage title="Could not read the PCN's services" message={describeSaveFailure(offer.error, '').message} /> : null}
      {offer.kind === 'ready' && offer.services.length === 0 ? <Text block>The PCN has no shared services in its register yet.</Text> : null}
      {offer.kind === 'ready' && offer.services.length > 0 ? (
        <ul className={styles.list} aria-label="The PCN's shared services">
          {offer.services.map((service) => {
            const linked = entryLinkedTo(entries, { siteId: pcn.networkSiteId, itemId: service.id }) !== undefined;
            return (
              <li key={service.id} className={styles.item}>
                <span className={styles.name}>
                  <Text weight="semibold">{service.entry.title}</Text>
                  <Text size={200}>Owner: {service.entry.owner?.displayName || 'No owner'}</Text>
                </span>
                <Button onClick={() => void link(service)} disabled={linked || linking !== null} aria-label={linked ? `${service.entry.title} is linked` : `Link ${service.entry.title}`}>
                  {linking === service.id ? <Spinner size="extra-tiny" label="Linking…" /> : linked ? 'Linked' : 'Link'}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div aria-live="polite">{failureText ? <FailureMessage title={failureText.title} message={failureText.message} /> : null}</div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onClose}>Done</Button>
      </div>
    </section>
  );
}
