/**
 * The practice's opt-ins to its PCN and ICB (its `network.pcn` / `network.icb` settings), read at most
 * once per browser session for the views that only need to know them: "Link a PCN service" on the
 * register and the network's notes on an entry. The PCN and ICB panel reads them afresh and, after
 * an opt-in or a withdrawal, puts what it wrote here (`rememberMembership`). The network's Graph room
 * loads on demand, so the register's first download does not grow.
 */
import type { NetworkKind, NetworkMembership } from '@domain/network';
import type { GraphClient } from '@graph';

const known = new Map<string, Promise<NetworkMembership | null>>();
const keyOf = (siteId: string, kind: NetworkKind) => `${siteId}|${kind}`;

/** The stored opt-in (null: none). A failed read is not kept, so the next caller asks again. */
export function readMembershipOnce(client: GraphClient, siteId: string, kind: NetworkKind): Promise<NetworkMembership | null> {
  const key = keyOf(siteId, kind);
  const cached = known.get(key);
  if (cached) return cached;
  const reading = import('@graph/network').then(({ readMembership }) => readMembership(client, siteId, kind));
  known.set(key, reading);
  reading.catch(() => known.delete(key));
  return reading;
}

/** What the practice's settings now hold, after it was read or written. */
export function rememberMembership(siteId: string, kind: NetworkKind, membership: NetworkMembership | null): void {
  known.set(keyOf(siteId, kind), Promise.resolve(membership));
}
