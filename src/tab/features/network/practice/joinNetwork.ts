/**
 * A practice opting in to a network, checked before anything is written: the address must be an
 * https SharePoint site the signed-in person can open, not the practice's own, and set up as a
 * network of the kind asked for (its `network.self`). Only then is the opt-in written, in the
 * practice's OWN settings list. The site is found by its URL (GET /sites/{host}:/{path}, documented
 * under Sites.Selected), not through the team's group, whose site path is undocumented there
 * (PLATFORM-NOTES, site-get.md).
 */
import type { LocalDate } from '@domain';
import { NETWORK_KINDS, type NetworkKind, type NetworkMembership } from '@domain/network';
import { GraphError, type GraphClient } from '@graph';
import { findNetworkHome, resolvePracticeSite, writeMembership } from '@graph/network';

/** A reason in plain words that the opt-in was refused; nothing was written. */
export class JoinRefused extends Error {}

export interface JoinRequest {
  readonly kind: NetworkKind;
  readonly practiceSiteId: string;
  /** The network team's SharePoint site address, as the practice manager pasted it. */
  readonly siteUrl: string;
  /** The network's team, picked from the signed-in person's teams; null when they are not in it. */
  readonly team: { readonly id: string; readonly displayName: string } | null;
  readonly today: LocalDate;
  readonly changedBy: string;
}

export function kindLabel(kind: NetworkKind): string {
  return kind === 'pcn' ? 'a PCN' : "an ICB's digital review";
}

export function kindName(kind: NetworkKind): string {
  return NETWORK_KINDS.find((info) => info.code === kind)?.label ?? kind.toUpperCase();
}

const CANNOT_OPEN = "You cannot open that site. The network must first add your practice's team as visitors of its site (docs/network.md).";

function refusalFor(error: unknown): Error {
  if (error instanceof GraphError && error.status === 404) return new JoinRefused('No SharePoint site was found at that address. Check it and try again.');
  if (error instanceof GraphError && error.status === 403) return new JoinRefused(CANNOT_OPEN);
  return error instanceof Error ? error : new Error(String(error));
}

/** @returns the stored opt-in. @throws JoinRefused (nothing written), GraphError / NetworkError. */
export async function joinNetwork(client: GraphClient, request: JoinRequest): Promise<NetworkMembership> {
  const siteUrl = request.siteUrl.trim();
  if (!/^https:\/\/[^/\s]+\/\S+/i.test(siteUrl)) {
    throw new JoinRefused("Enter the network team's SharePoint site address, starting https://, for example https://nhs.sharepoint.com/sites/NorthgatePCN.");
  }
  const site = await resolvePracticeSite(client, siteUrl).catch((error: unknown) => { throw refusalFor(error); });
  if (site.siteId === request.practiceSiteId) throw new JoinRefused("That is your own practice's site. Enter the network team's site.");
  const home = await findNetworkHome(client, site.siteId).catch((error: unknown) => { throw refusalFor(error); });
  if (home === null) {
    throw new JoinRefused(`${site.name || 'That site'} is not set up as a PCN or ICB network in the Digital Services Register. Check the address, or ask the network's lead to set it up.`);
  }
  if (home.self.kind !== request.kind) {
    throw new JoinRefused(`${home.self.name} is set up as ${kindLabel(home.self.kind)}, not as ${kindLabel(request.kind)}.`);
  }
  return writeMembership(client, request.practiceSiteId, {
    state: 'joined',
    kind: request.kind,
    networkName: home.self.name,
    networkTeamId: request.team?.id ?? '',
    networkSiteId: home.siteId,
    changedOn: request.today,
    changedBy: request.changedBy,
  });
}

/** Withdraws: the same opt-in, marked withdrawn, with who and when. */
export function withdrawFrom(client: GraphClient, practiceSiteId: string, membership: NetworkMembership, today: LocalDate, changedBy: string): Promise<NetworkMembership> {
  return writeMembership(client, practiceSiteId, { ...membership, state: 'withdrawn', changedOn: today, changedBy });
}
