/**
 * What a network load asks of each practice, and what it keeps between loads (loadNetwork.ts runs
 * the waves): the cache, the options, and the requests of each wave. The one rule these keep: a
 * practice's register and incidents are only ever requested once its own setting admitted the network.
 */
import type { StoredEntry } from '@domain';
import type { MemberPractice, NetworkKind } from '@domain/network';
import type { GraphClient } from '../client';
import { batchUrlOf, type WaveRequest } from './batchWave';
import { listsRequest, membershipRequest, openIncidentsRequest, registerRequest, type PracticeLists } from './practiceReads';

/** What a load keeps of one practice so that the next load asks only for changes. */
export interface CachedPractice {
  readonly registerListId: string;
  readonly settingsListId: string;
  readonly incidentsListId: string | null;
  /** The register's deltaLink; '' when the practice had not opted in (nothing of its register is kept). */
  readonly deltaLink: string;
  readonly entries: readonly StoredEntry[];
}

export interface NetworkDeltaCache {
  get(practiceSiteId: string): CachedPractice | undefined;
  set(practiceSiteId: string, value: CachedPractice): void;
}

export interface NetworkLoadOptions {
  readonly kind: NetworkKind;
  /** The network's own site id: what a practice's opt-in must name. */
  readonly networkSiteId: string;
  /** Called each time one more practice has settled (loaded, not opted in or unavailable). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly cache?: NetworkDeltaCache;
}

export interface Located {
  readonly practice: MemberPractice;
  readonly lists: PracticeLists & { readonly settingsListId: string };
  /** Absent: enumerate the register. deltaLink '': the practice was not admitted at the last load. */
  readonly cached?: CachedPractice;
}

/** A cached entry usable here: its deltaLink (if any) is on this client's own origin. */
export function usableCache(client: GraphClient, practice: MemberPractice, options: NetworkLoadOptions): CachedPractice | undefined {
  const cached = options.cache?.get(practice.key);
  return cached && (cached.deltaLink === '' || batchUrlOf(client, cached.deltaLink) !== null) ? cached : undefined;
}

export function settingRequest(tag: string, target: Located, kind: NetworkKind): WaveRequest {
  return membershipRequest(`${tag}.membership`, target.practice.key, target.lists.settingsListId, kind);
}

/** The register (delta with the cached token, or an enumeration) and the open incidents: only ever for a practice whose setting admitted the network. */
export function registerRequests(tag: string, target: Located, client: GraphClient): WaveRequest[] {
  const { practice, lists, cached } = target;
  const deltaUrl = cached && cached.deltaLink !== '' ? batchUrlOf(client, cached.deltaLink) : null;
  const requests = [registerRequest(`${tag}.register`, practice.key, lists.registerListId, deltaUrl)];
  if (lists.incidentsListId !== null) requests.push(openIncidentsRequest(`${tag}.incidents`, practice.key, lists.incidentsListId));
  return requests;
}

/** A cached practice's first wave: its setting, and its register and incidents only when it was admitted at the last load. */
export function cachedRequests(tag: string, target: Located, kind: NetworkKind, client: GraphClient): WaveRequest[] {
  const setting = settingRequest(tag, target, kind);
  return target.cached?.deltaLink === '' ? [setting] : [setting, ...registerRequests(tag, target, client)];
}

/** An uncached practice's first wave: its lists and, when the roster knows its settings list, its setting. */
export function coldRequests(tag: string, practice: MemberPractice, kind: NetworkKind): WaveRequest[] {
  const lists = listsRequest(`${tag}.lists`, practice.key);
  return practice.settingsListId === '' ? [lists] : [lists, membershipRequest(`${tag}.membership`, practice.key, practice.settingsListId, kind)];
}

export function idsOf(lists: Located['lists']): Pick<CachedPractice, 'registerListId' | 'settingsListId' | 'incidentsListId'> {
  return { registerListId: lists.registerListId, settingsListId: lists.settingsListId, incidentsListId: lists.incidentsListId };
}
