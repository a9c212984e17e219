/**
 * The tab's start-up reads, every one on a path Microsoft documents, batched so the register renders
 * after one round trip when the ids are known (research: Graph JSON batching, at most 20 requests):
 *
 * - Ids known (the tab's saved configuration, or the warm copy): one `$batch` of
 *   [`/me`, `/me/joinedTeams` (the team's name), `/teams/{id}/members`, `/sites/{site}/lists/{list}/items/delta`]. The delta enumeration
 *   without a token returns every item and, on its last page, the deltaLink for later changes, as one
 *   consistent sequence (api-reference/v1.0/api/listitem-delta.md): nothing can fall between "read
 *   the items" and "take the link", whatever order Graph runs the batch in.
 * - Only the team's site URL known (Teams context `sharePointSite.teamSiteUrl`, first open):
 *   one `$batch` of [me, members, the site by path (`/sites/{hostname}:/{path}`, site-get.md), the
 *   register and settings lists by title under it (`{site}:/lists/{title}`, list-get.md; the colon
 *   returns to the resource model, resources/sharepoint.md)], then the delta enumeration by list id.
 *
 * Graph may run and answer a batch's requests in any order (json-batching.md), so every answer is
 * looked up by its id and nothing depends on another answer in the same batch. An inner request
 * that fails with anything but 404 is sent again on its own, after its own `Retry-After` when
 * throttled (inner responses carry it; the browser can read it there), otherwise after the client's
 * documented backoff.
 */
import type { Site, User } from '@microsoft/microsoft-graph-types';
import type { StoredEntry } from '@domain';
import { waitBeforeRetry, type GraphClient, throttleWaitMs, pathSegment, queryString, requestFor, innerRetryAfter, THROTTLED_STATUSES, type BatchInnerAnswer } from '../client';
import { toTeamMembers, type ConversationMember, type TeamMember } from '../people';
import { toStoredEntry, type ListItem } from './listItems';
import { REGISTER_LIST_NAME } from '@domain';
import { REGISTER_ITEM_EXPAND, registerListPath } from './registerDelta';
import { REGISTER_SETTINGS_LIST_NAME } from './registerSettings';
import type { RegisterLocation } from '../types';
import { sitePathOf, teamSiteOf, type Me, type TeamSite, type TeamSummary } from './workspace';

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

const PAGE_SIZE = 500;

/**
 * GETs `urls` (relative to the version root) in one `$batch`; answers are matched by id, never by position.
 * @returns each body by key, or null for a 404.
 * @throws GraphError/NetworkError when the batch, or the single retry of a failed inner request, fails.
 */
export async function batchGet<K extends string>(client: GraphClient, urls: Record<K, string>): Promise<Record<K, unknown>> {
  const keys = Object.keys(urls) as K[];
  const requests = keys.map((key) => ({ id: key, method: 'GET', url: urls[key] }));
  const answer = (await client.api('/$batch').post({ requests })) as { responses?: BatchInnerAnswer[] } | undefined;
  const byId = new Map((answer?.responses ?? []).map((inner) => [inner.id, inner]));
  const results = {} as Record<K, unknown>;
  await Promise.all(
    keys.map(async (key) => {
      const inner = byId.get(key);
      const status = inner?.status ?? 0;
      if (status >= 200 && status < 300) results[key] = inner?.body;
      else if (status === 404) results[key] = null;
      else {
        // Throttled inside the batch: never ask again before its Retry-After (the documented backoff when absent).
        if (THROTTLED_STATUSES.has(status)) {
          const waitMs = throttleWaitMs(innerRetryAfter(inner), 1, Date.now());
          await waitBeforeRetry(client, { status, waitMs, attempt: 1 });
        }
        results[key] = await client.api(urls[key]).get();
      }
    }),
  );
  return results;
}

/** The rest of a collection whose first page came in a batch (nextLinks on the client's own origin only). */
async function remainingPages<T>(client: GraphClient, first: Page<T>): Promise<{ items: T[]; deltaLink?: string }> {
  const items = [...(first.value ?? [])];
  let page = first;
  for (let pages = 0; page['@odata.nextLink'] !== undefined; pages += 1) {
    if (pages > 1000) throw new Error('The collection did not end after 1000 pages.');
    page = (await requestFor(client, page['@odata.nextLink']).get()) as Page<T>;
    items.push(...(page.value ?? []));
  }
  return { items, deltaLink: page['@odata.deltaLink'] };
}

/**
 * `<list>/items/delta` without a token: a full, consistent enumeration ending in a deltaLink.
 * `expand` 'fields' (every field, no select) reads a register that lacks newer columns, which a
 * select naming them makes SharePoint refuse (read-only open, graph/lists `isMissingFieldError`).
 */
export function enumerationPath(location: Pick<RegisterLocation, 'siteId' | 'listId'>, expand: string = REGISTER_ITEM_EXPAND): string {
  return `${registerListPath(location)}/items/delta${queryString({ expand, $top: PAGE_SIZE })}`;
}

/** Entries and deltaLink from a delta enumeration's first page (following its nextLinks). */
async function snapshotFrom(client: GraphClient, first: unknown): Promise<RegisterSnapshot> {
  const { items, deltaLink } = await remainingPages(client, (first ?? {}) as Page<ListItem & { deleted?: unknown }>);
  if (!deltaLink) throw new Error('Graph ended the delta enumeration without a deltaLink.');
  // The same item may appear more than once: the last occurrence wins (listitem-delta.md).
  const latest = new Map<string, ListItem>();
  for (const item of items) if (!item.deleted) latest.set(item.id, item);
  return { entries: [...latest.values()].map(toStoredEntry), deltaLink };
}

const ME_PATH = '/me?$select=id,displayName,userPrincipalName';

function toMe(body: unknown): Me {
  const me = (body ?? {}) as User;
  return { id: me.id ?? '', displayName: me.displayName ?? '', userPrincipalName: me.userPrincipalName ?? '' };
}

async function membersFrom(client: GraphClient, body: unknown): Promise<TeamMember[]> {
  return toTeamMembers((await remainingPages(client, (body ?? {}) as Page<ConversationMember>)).items);
}

/** Who is signed in and their teams (a plain browser with no ids). */
export async function loadMeAndTeams(client: GraphClient): Promise<{ me: Me; teams: TeamSummary[] }> {
  const answers = await batchGet(client, { me: ME_PATH, teams: '/me/joinedTeams' });
  const teams = (await remainingPages(client, (answers.teams ?? {}) as Page<TeamSummary>)).items;
  return { me: toMe(answers.me), teams: teams.map((team) => ({ id: team.id, displayName: team.displayName })) };
}

export interface KnownRegister {
  readonly me: Me;
  /** The team's name, from `/me/joinedTeams` (user-list-joinedteams.md, Team.ReadBasic.All): the saved ids carry none. */
  readonly team: TeamSummary;
  readonly members: TeamMember[];
  readonly snapshot: RegisterSnapshot;
}

/**
 * Cold start with every id known: ONE round trip ($batch of me, members, delta enumeration).
 * @throws GraphError 404 when the list no longer exists (the saved ids are stale).
 */
export async function loadKnownRegister(client: GraphClient, location: RegisterLocation): Promise<KnownRegister> {
  const answers = await batchGet(client, {
    me: ME_PATH,
    teams: '/me/joinedTeams',
    members: `/teams/${pathSegment(location.teamId)}/members`,
    items: enumerationPath(location),
  });
  if (answers.items === null) {
    await client.api(enumerationPath(location)).get(); // Graph's own 404, as a GraphError
    throw new Error('The register list answered 404 in a batch but not on its own.');
  }
  const [members, snapshot] = await Promise.all([membersFrom(client, answers.members), snapshotFrom(client, answers.items)]);
  const teams = (await remainingPages(client, (answers.teams ?? {}) as Page<TeamSummary>)).items;
  const team = teams.find((candidate) => candidate.id === location.teamId);
  return { me: toMe(answers.me), team: { id: location.teamId, displayName: team?.displayName ?? '' }, members, snapshot };
}

export interface TeamSiteRegister {
  readonly me: Me;
  readonly site: TeamSite;
  readonly members: TeamMember[];
  /** Null when the register list has not been created yet. */
  readonly listId: string | null;
  readonly settingsId: string | null;
}

/**
 * First open from the Teams context: the site by its URL and the lists by title, with me and the
 * members, in ONE round trip; the entries then come from `loadRegisterSnapshot` (a second one).
 * @throws GraphError (403 when the app has no grant on the site; 404 when the site does not exist).
 */
export async function loadTeamSiteRegister(client: GraphClient, teamId: string, teamSiteUrl: string): Promise<TeamSiteRegister> {
  const site = sitePathOf(teamSiteUrl);
  const listByTitle = (title: string) => `${site}:/lists/${pathSegment(title)}?$select=id`;
  const answers = await batchGet(client, {
    me: ME_PATH,
    members: `/teams/${pathSegment(teamId)}/members`,
    site: `${site}?$select=id,displayName,webUrl`,
    list: listByTitle(REGISTER_LIST_NAME),
    settings: listByTitle(REGISTER_SETTINGS_LIST_NAME),
  });
  if (answers.site === null) await client.api(`${site}?$select=id`).get(); // Graph's own 404, as a GraphError
  const found = teamSiteOf((answers.site ?? {}) as Pick<Site, 'id' | 'displayName' | 'webUrl'>);
  const idOf = (body: unknown) => (body as { id?: string } | null)?.id ?? null;
  return {
    me: toMe(answers.me),
    site: found,
    members: await membersFrom(client, answers.members),
    listId: idOf(answers.list),
    settingsId: idOf(answers.settings),
  };
}

/**
 * The register's entries and a fresh deltaLink from one delta enumeration (a reload, after a 410,
 * or the second round trip of a first open).
 * @throws GraphError 404 when the list no longer exists.
 */
export async function loadRegisterSnapshot(client: GraphClient, location: Pick<RegisterLocation, 'siteId' | 'listId'>, expand?: string): Promise<RegisterSnapshot> {
  return snapshotFrom(client, await client.api(enumerationPath(location, expand)).get());
}
