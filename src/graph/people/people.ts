/**
 * Finding people for the owner picker, and checking whether owners are still in the directory.
 *
 * The NHS.net directory is one tenant of about 1.5 million users, so directory search asks for a
 * handful of rows with only the shown fields. `$search` rules (Graph docs, search-query-parameter):
 * each clause sits in double quotes, a `"` or `\` inside it is escaped with a backslash, everything
 * else is URL-encoded, and the request needs `ConsistencyLevel: eventual`.
 */
import type { Person as GraphPerson, User } from '@microsoft/microsoft-graph-types';
import type { MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { normaliseQuery, type DirectoryPresence, type PersonCandidate } from '@domain/people';
import type { GraphClient } from '../client';
import type { TeamMember } from './directory';
import { batchSlices, withScopes, NO_RETRY, pathSegment } from '../client';

export const DIRECTORY_SELECT = 'id,displayName,mail,userPrincipalName,jobTitle,department,companyName';
export const PEOPLE_SELECT = 'id,displayName,scoredEmailAddresses,userPrincipalName,jobTitle,department,companyName,personType';
export const DEFAULT_SEARCH_TOP = 10;

export interface SearchOptions {
  top?: number;
  /** Aborts the request (the picker aborts when the text changes). */
  signal?: AbortSignal;
}

/** The text of one `$search` clause: `"` and `\` escaped with a backslash, as Graph requires. */
export function escapeSearchClause(text: string): string {
  return text.replace(/[\\"]/g, (character) => `\\${character}`);
}

function clampTop(top: number | undefined): number {
  const value = Math.trunc(top ?? DEFAULT_SEARCH_TOP);
  return Number.isFinite(value) ? Math.min(999, Math.max(1, value)) : DEFAULT_SEARCH_TOP;
}

/**
 * `/users?$select=...&$top=<n>&$search="displayName:<q>" OR "mail:<q>"` with the search value
 * percent-encoded. displayName is matched word by word; mail falls back to "starts with".
 * `$search` comes last because the Graph client (v3) puts the parameters it knows (`$select`,
 * `$top`) first: the URL built here is then exactly the URL sent.
 * @throws RangeError when the query is empty after `normaliseQuery` (there is nothing to search for).
 */
export function buildDirectorySearchUrl(query: string, top: number = DEFAULT_SEARCH_TOP): string {
  const text = escapeSearchClause(normaliseQuery(query));
  if (text === '') throw new RangeError('A directory search needs some text.');
  const search = `"displayName:${text}" OR "mail:${text}"`;
  return `/users?$select=${DIRECTORY_SELECT}&$top=${clampTop(top)}&$search=${encodeURIComponent(search)}`;
}

/**
 * `/me/people?$select=...&$top=<n>&$search="<q>"`. The People API searches displayName and email
 * address with fuzzy matching; the docs quote the text (to enclose spaces and `@`) but do not say
 * how to escape inside the quotes, so `"` and `\` (which no name or address contains) become spaces.
 * @throws RangeError when the query is empty.
 */
export function buildPeopleSearchUrl(query: string, top: number = DEFAULT_SEARCH_TOP): string {
  const text = normaliseQuery(query.replace(/[\\"]/g, ' '));
  if (text === '') throw new RangeError('A people search needs some text.');
  return `/me/people?$select=${PEOPLE_SELECT}&$top=${clampTop(top)}&$search=${encodeURIComponent(`"${text}"`)}`;
}

/** The directory's user and the people API's person, as Microsoft publishes them, with the id always present. */
type DirectoryUser = Pick<User, 'displayName' | 'mail' | 'userPrincipalName' | 'jobTitle' | 'department' | 'companyName'> & { id: string };

type Person = Pick<GraphPerson, 'displayName' | 'userPrincipalName' | 'jobTitle' | 'department' | 'companyName' | 'scoredEmailAddresses' | 'personType'> & { id: string };

function optional(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

export function candidateFromDirectoryUser(user: DirectoryUser, source: 'directory' | 'people' = 'directory'): PersonCandidate {
  return {
    id: user.id,
    displayName: user.displayName?.trim() ?? '',
    mail: user.mail?.trim() ?? '',
    userPrincipalName: user.userPrincipalName?.trim() ?? '',
    jobTitle: optional(user.jobTitle),
    department: optional(user.department),
    companyName: optional(user.companyName),
    source,
    inPractice: false,
  };
}

export function candidateFromTeamMember(member: TeamMember): PersonCandidate {
  return { id: member.userId, displayName: member.displayName, mail: member.email, userPrincipalName: member.email, source: 'team', inPractice: true };
}

/** Only organisation users can own an entry: personal contacts, groups and rooms have no Entra user id. */
function isOrganisationUser(person: Person): boolean {
  const type = person.personType;
  return !type || (type.class === 'Person' && (type.subclass ?? 'OrganizationUser') === 'OrganizationUser');
}

/** An aborted request may still come back (the Graph client maps it to NetworkError): say so plainly. */
function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException('The search was cancelled.', 'AbortError');
}

async function getWithSignal(client: GraphClient, url: string, signal: AbortSignal | undefined, headers: Record<string, string> = {}) {
  throwIfAborted(signal);
  // Interactive: a throttled search is reported at once ("Directory busy, try again"), never waited out.
  const request = client.api(url).headers(headers).middlewareOptions([NO_RETRY, withScopes('people')]);
  if (signal) request.option('signal', signal);
  const page = (await request.get()) as { value?: unknown[] } | undefined;
  throwIfAborted(signal);
  return page?.value ?? [];
}

/**
 * Directory search (needs User.ReadBasic.All; job details need User.Read.All and are otherwise null).
 * An empty query sends nothing and finds no one. Sent once, without retries (NO_RETRY).
 * @throws GraphError (429 when the directory is throttling), NetworkError, or the signal's reason when aborted.
 */
export async function searchDirectory(client: GraphClient, query: string, options: SearchOptions = {}): Promise<PersonCandidate[]> {
  if (normaliseQuery(query) === '') return [];
  const users = (await getWithSignal(client, buildDirectorySearchUrl(query, options.top), options.signal, {
    ConsistencyLevel: 'eventual',
  })) as DirectoryUser[];
  return users.filter((user) => typeof user?.id === 'string' && user.id !== '').map((user) => candidateFromDirectoryUser(user));
}

/**
 * People the signed-in user works with (People.Read), organisation users only.
 * @throws GraphError, NetworkError, or the signal's reason when aborted.
 */
export async function listMyPeople(client: GraphClient, query: string, signal?: AbortSignal, top?: number): Promise<PersonCandidate[]> {
  if (normaliseQuery(query.replace(/[\\"]/g, ' ')) === '') return [];
  const people = (await getWithSignal(client, buildPeopleSearchUrl(query, top), signal)) as Person[];
  return people
    .filter((person) => typeof person?.id === 'string' && person.id !== '' && isOrganisationUser(person))
    .map((person) => {
      const address = person.scoredEmailAddresses?.find((scored) => optional(scored.address))?.address;
      return candidateFromDirectoryUser({ ...person, mail: address ?? person.userPrincipalName ?? '' }, 'people');
    });
}

interface BatchResponse {
  responses?: Array<{ id?: string; status?: number; body?: unknown }>;
}

async function lookUp(client: GraphClient, ids: readonly string[], select: string, options: MiddlewareOptions[]): Promise<Map<string, number | DirectoryPresence>> {
  const requests = ids.map((id, index) => ({ id: String(index + 1), method: 'GET', url: `/users/${pathSegment(id)}?$select=${select}` }));
  const answer = (await client.api('/$batch').middlewareOptions(options).post({ requests })) as BatchResponse | undefined;
  const results = new Map<string, number | DirectoryPresence>();
  for (const response of answer?.responses ?? []) {
    const id = ids[Number(response.id) - 1];
    if (id === undefined) continue;
    const body = response.body as { accountEnabled?: boolean | null } | undefined;
    if (response.status === 200) results.set(id, body?.accountEnabled === false ? 'disabled' : 'found');
    else if (response.status === 404) results.set(id, 'deleted');
    else results.set(id, response.status ?? 0);
  }
  return results;
}

/**
 * Whether each user is still in the directory: `GET /users/{id}?$select=id,accountEnabled` in
 * `$batch`es of at most 20, sent one after another. 404 -> 'deleted'; `accountEnabled: false`
 * (readable only with User.Read.All) -> 'disabled'; 200 -> 'found'. An id refused with 403 is asked
 * again for `id` alone. Anything else (an inner 429, 5xx) -> 'unknown': never reported as left.
 * `options` go with each batch: the tab passes `withScopes('people')` (a delegated token with
 * `User.ReadBasic.All`, which user-get.md needs for other users); the app-only service passes none.
 * @throws GraphError or NetworkError when a whole batch fails.
 */
export async function checkOwners(client: GraphClient, ids: readonly string[], options: MiddlewareOptions[] = []): Promise<Map<string, DirectoryPresence>> {
  const unique = [...new Set(ids.filter((id) => id.trim() !== ''))];
  const presence = new Map<string, DirectoryPresence>();
  const refused: string[] = [];
  for (const chunk of batchSlices(unique)) {
    const results = await lookUp(client, chunk, 'id,accountEnabled', options);
    for (const id of chunk) {
      const result = results.get(id);
      if (result === 403) refused.push(id);
      presence.set(id, typeof result === 'string' ? result : 'unknown');
    }
  }
  for (const chunk of batchSlices(refused)) {
    const results = await lookUp(client, chunk, 'id', options);
    for (const id of chunk) {
      const result = results.get(id);
      presence.set(id, typeof result === 'string' ? result : 'unknown');
    }
  }
  return presence;
}
