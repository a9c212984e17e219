/**
 * A practice's opt-in to a network: its Primary Care Network (PCN) and its ICB's annual digital
 * review. The opt-in lives in the practice's OWN settings list ("Digital Services Register
 * Settings"), one setting per network kind, so only the practice can give or withdraw it: the
 * network's readers have read-only access to the practice's site (docs/network.md).
 *
 * The roll-up reads a practice only when BOTH hold: the network's roster names the practice's site
 * (networkLists.ts), and the practice's setting names the network's site. Either side can end it.
 */
import * as z from 'zod/mini';
import type { LocalDate } from '../entry';

export type NetworkKind = 'pcn' | 'icb';

export const NETWORK_KINDS: ReadonlyArray<{ readonly code: NetworkKind; readonly label: string; readonly long: string }> = [
  { code: 'pcn', label: 'PCN', long: 'Primary Care Network' },
  { code: 'icb', label: 'ICB', long: "Integrated Care Board's digital review" },
];

/** The practice's settings key for its opt-in to a network of `kind`. */
export function membershipSettingKey(kind: NetworkKind): string {
  return `network.${kind}`;
}

/** The network team's own settings key: present when the team acts as a PCN or ICB (its name and kind). */
export const NETWORK_SELF_SETTING = 'network.self';

/** What a practice stores when it opts in: the network it trusts with read access, and who said so. */
export interface NetworkMembership {
  readonly state: 'joined' | 'withdrawn';
  readonly kind: NetworkKind;
  /** The network team's name, as the practice saw it when it opted in. */
  readonly networkName: string;
  /** The network team's Microsoft 365 group (team) id. */
  readonly networkTeamId: string;
  /** The network team's SharePoint site id: what the roll-up matches against. */
  readonly networkSiteId: string;
  /** When the state last changed, and who changed it (display name). */
  readonly changedOn: LocalDate;
  readonly changedBy: string;
}

/** A team that acts as a network: written in its own settings list when a lead sets it up. */
export interface NetworkSelf {
  readonly kind: NetworkKind;
  readonly name: string;
}

const localDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const kind = z.enum(['pcn', 'icb']);

const MEMBERSHIP = z.object({
  state: z.enum(['joined', 'withdrawn']),
  kind,
  networkName: z.string(),
  networkTeamId: z.string(),
  networkSiteId: z.string().check(z.minLength(1)),
  changedOn: localDate,
  changedBy: z.string(),
});

const SELF = z.object({ kind, name: z.string().check(z.minLength(1)) });

/** The stored setting's value read back; null for nothing stored or anything else (edited by hand). */
export function parseMembership(value: unknown): NetworkMembership | null {
  const parsed = MEMBERSHIP.safeParse(value);
  return parsed.success ? (parsed.data as NetworkMembership) : null;
}

export function parseNetworkSelf(value: unknown): NetworkSelf | null {
  const parsed = SELF.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** True when the practice's stored opt-in admits the network whose site is `networkSiteId`. */
export function admitsNetwork(membership: NetworkMembership | null, networkSiteId: string): boolean {
  return membership !== null && membership.state === 'joined' && membership.networkSiteId === networkSiteId;
}
