/**
 * The tab's start-up reads, batched so the register renders after at most two sequential round
 * trips on a cold start (research: Graph JSON batching, at most 20 requests per `$batch`):
 *
 *   1. `$batch` [me, joinedTeams]
 *   2. `$batch` [team site, team members, register list, delta "latest" link, first page of items]
 *      addressed through the group (`/groups/{id}/sites/root/lists/{title}`), so it needs only the team id.
 *
 * An inner request that fails with anything but 404 is sent again on its own (after its Retry-After
 * when throttled), through the client's retry middleware and error mapping, so callers see the usual
 * GraphError.
 * The delta link is taken before the items are read, so no change can fall between the two.
 */
import type { StoredEntry } from '../domain/entry';
import { waitBeforeRetry, type GraphClient } from './client';
import { retryAfterMs } from './retryAfter';
import { toTeamMembers, type ConversationMember, type TeamMember } from './directory';
import { toStoredEntry, type ListItem } from './listItems';
import { pathSegment, queryString } from './odata';
import { requestFor } from './paging';
import { REGISTER_LIST_NAME } from './registerColumns';
import { REGISTER_ITEM_EXPAND, latestDeltaPath, registerListPath } from './registerDelta';
import type { RegisterLocation } from './types';
import type { Me, TeamSite, TeamSummary } from './workspace';

/** The register's entries and the deltaLink that brings them up to date later. */
export interface RegisterSnapshot {
  readonly entries: readonly StoredEntry[];
  readonly deltaLink: string;
}

interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

interface InnerAnswer {
  id?: string;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const THROTTLED = new Set([429, 503]);

function retryAfterOf(inner: InnerAnswer | undefined): string | undefined {
  const entry = Object.entries(inner?.headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after');
  return entry?.[1];
}

const PAGE_SIZE = 500;

/**
 * GETs `urls` (relative to the version root) in one `$batch`.
 * @returns each body by key, or null for a 404.
 * @throws GraphError/NetworkError when the batch, or the single retry of a failed inner request, fails.
 */
async function batchGet<K extends string>(client: GraphClient, urls: Record<K, string>): Promise<Record<K, unknown>> {
  const keys = Object.keys(urls) as K[];
  const requests = keys.map((key) => ({ id: key, method: 'GET', url: urls[key] }));
  const answer = (await client.api('/$batch').post({ requests })) as { responses?: InnerAnswer[] } | undefined;
  const byId = new Map((answer?.responses ?? []).map((inner) => [inner.id, inner]));
  const results = {} as Record<K, unknown>;
  await Promise.all(
    keys.map(async (key) => {
      const inner = byId.get(key);
      const status = inner?.status ?? 0;
      if (status >= 200 && status < 300) results[key] = inner?.body;
      else if (status === 404) results[key] = null;
      else {
        // Throttled inside the batch: never ask again before its Retry-After (1 s when absent).
        const waitMs = THROTTLED.has(status) ? (retryAfterMs(retryAfterOf(inner), Date.now()) ?? 1000) : 0;
        if (waitMs > 0) await waitBeforeRetry(client, { status, waitMs, attempt: 1 });
        results[key] = await client.api(urls[key]).get();
      }
    }),
  );
  return results;
}

/** The rest of a collection whose first page came in a batch. */
async function remainingPages<T>(client: GraphClient, first: Page<T>): Promise<T[]> {
  const items = [...(first.value ?? [])];
  let next = first['@odata.nextLink'];
  while (next !== undefined) {
    const page = (await requestFor(client, next).get()) as Page<T>;
    items.push(...(page.value ?? []));
    next = page['@odata.nextLink'];
  }
  return items;
}

function snapshotRequests(listPath: string): { delta: string; items: string } {
  return {
    delta: latestDeltaPath(listPath),
    items: `${listPath}/items${queryString({ $top: PAGE_SIZE, expand: REGISTER_ITEM_EXPAND })}`,
  };
}

async function snapshotFrom(client: GraphClient, delta: unknown, items: unknown): Promise<RegisterSnapshot | null> {
  if (delta === null || items === null) return null;
  const deltaLink = (delta as Page<unknown>)['@odata.deltaLink'];
  if (!deltaLink) throw new Error('Graph answered the delta query without a deltaLink.');
  const entries = (await remainingPages(client, items as Page<ListItem>)).map(toStoredEntry);
  return { entries, deltaLink };
}

/** Round trip 1: who is signed in and their teams. */
export async function loadMeAndTeams(client: GraphClient): Promise<{ me: Me; teams: TeamSummary[] }> {
  const answers = await batchGet(client, { me: '/me?$select=id,displayName,userPrincipalName', teams: '/me/joinedTeams' });
  const me = answers.me as Me;
  const teams = await remainingPages(client, (answers.teams ?? {}) as Page<TeamSummary>);
  return {
    me: { id: me.id, displayName: me.displayName, userPrincipalName: me.userPrincipalName },
    teams: teams.map((team) => ({ id: team.id, displayName: team.displayName })),
  };
}

export interface TeamRegister {
  readonly site: TeamSite;
  readonly members: TeamMember[];
  /** Null when the register list has not been created yet (then `snapshot` is null too). */
  readonly listId: string | null;
  readonly snapshot: RegisterSnapshot | null;
}

/** Round trip 2: the team's site, members, register list and its entries, in one batch. */
export async function loadTeamRegister(client: GraphClient, teamId: string): Promise<TeamRegister> {
  const listPath = `/groups/${pathSegment(teamId)}/sites/root/lists/${pathSegment(REGISTER_LIST_NAME)}`;
  const answers = await batchGet(client, {
    site: `/groups/${pathSegment(teamId)}/sites/root?$select=id,displayName,webUrl`,
    members: `/teams/${pathSegment(teamId)}/members`,
    list: `${listPath}?$select=id`,
    ...snapshotRequests(listPath),
  });
  const site = answers.site as TeamSite;
  const members = toTeamMembers(await remainingPages(client, (answers.members ?? {}) as Page<ConversationMember>));
  const listId = (answers.list as { id?: string } | null)?.id ?? null;
  const snapshot = listId === null ? null : await snapshotFrom(client, answers.delta, answers.items);
  return { site: { id: site.id, displayName: site.displayName, webUrl: site.webUrl }, members, listId, snapshot };
}

/**
 * The register's entries and a fresh deltaLink, in one round trip (for a reload or after a 410).
 * @throws GraphError 404 when the list no longer exists.
 */
export async function loadRegisterSnapshot(client: GraphClient, location: RegisterLocation): Promise<RegisterSnapshot> {
  const requests = snapshotRequests(registerListPath(location));
  const answers = await batchGet(client, requests);
  const snapshot = await snapshotFrom(client, answers.delta, answers.items);
  if (snapshot !== null) return snapshot;
  // A 404 inside the batch: ask on its own so the caller gets Graph's 404 as a GraphError.
  await client.api(requests.items).get();
  throw new Error('The register list answered 404 in a batch but not on its own.');
}
