/**
 * What the roll-up asks of one member practice's site, and how each answer is read. Every request is
 * on a documented path and addresses the site and its lists by id:
 *
 * - its lists by name: `GET /sites/{id}/lists?$select=id,displayName` (list-list.md), as
 *   graph/lists findPracticeListIds asks;
 * - its opt-in: the settings list's items filtered on the indexed SettingKey column (listitem-list.md);
 * - its register: `items/delta` without a token (a consistent enumeration ending in a deltaLink,
 *   2 RU a page) or with the cached deltaLink (changes only, 1 RU) (listitem-delta.md);
 * - its open incidents: the incidents list filtered on the indexed State column (listitem-list.md).
 */
import type { StoredEntry } from '@domain';
import { INCIDENTS_LIST_NAME, INCIDENT_FIELD_NAMES, IncidentDataError } from '@domain/incidents';
import { REGISTER_LIST_NAME, REGISTER_SETTINGS_LIST_NAME } from '@domain';
import { membershipSettingKey, parseMembership, type NetworkKind, type NetworkMembership, type StoredIncidentSummary, type UnavailableReason } from '@domain/network';
import { escapeODataString, NON_INDEXED_QUERIES, pathSegment, queryString, requestFor, type GraphClient } from '../client';
import { toStoredIncident } from '../incidents';
import { enumerationPath, toStoredEntry, type ListItem } from '../register';
import type { WaveRequest } from './batchWave';

/** The lists of a practice's site the roll-up reads. */
export interface PracticeLists {
  readonly registerListId: string;
  /** Null when the practice has no settings list: it cannot have opted in. */
  readonly settingsListId: string | null;
  /** Null when the practice has no incidents list: its open incidents are not known. */
  readonly incidentsListId: string | null;
}

interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

const PAGE_SIZE = 500;
const SETTING_EXPAND = 'fields(select=Title,SettingKey,Value)';
const INCIDENT_EXPAND = `fields(select=${INCIDENT_FIELD_NAMES.join(',')})`;
/**
 * `expand=fields` with no select: a practice's register may be older than ours and lack newer columns,
 * which a select naming them makes SharePoint refuse (graph/register startup.ts enumerationPath).
 */
export const NETWORK_REGISTER_EXPAND = 'fields';

const site = (siteId: string) => `/sites/${pathSegment(siteId)}`;
const listItems = (siteId: string, listId: string) => `${site(siteId)}/lists/${pathSegment(listId)}/items`;

export function listsRequest(id: string, siteId: string): WaveRequest {
  return { id, url: `${site(siteId)}/lists${queryString({ $select: 'id,displayName' })}` };
}

export function membershipRequest(id: string, siteId: string, settingsListId: string, kind: NetworkKind): WaveRequest {
  const filter = `fields/SettingKey eq '${escapeODataString(membershipSettingKey(kind))}'`;
  // SettingKey is created indexed; the header keeps a list whose index an admin dropped readable.
  return { id, url: `${listItems(siteId, settingsListId)}${queryString({ $filter: filter, expand: SETTING_EXPAND, $top: 2 })}`, headers: NON_INDEXED_QUERIES };
}

/** The register's delta: `deltaUrl` (the cached deltaLink, made relative) or, when null, the full enumeration. */
export function registerRequest(id: string, siteId: string, registerListId: string, deltaUrl: string | null): WaveRequest {
  return { id, url: deltaUrl ?? enumerationPath({ siteId, listId: registerListId }, NETWORK_REGISTER_EXPAND) };
}

export function openIncidentsRequest(id: string, siteId: string, incidentsListId: string): WaveRequest {
  // The stored choice is the option's label (graph/incidents store.ts listOpen asks the same).
  return { id, url: `${listItems(siteId, incidentsListId)}${queryString({ $filter: "fields/State eq 'Open'", expand: INCIDENT_EXPAND, $top: PAGE_SIZE })}`, headers: NON_INDEXED_QUERIES };
}

/** A collection whose first page came in a batch, with the rest followed (on the client's own origin only). */
export async function allPages<T>(client: GraphClient, first: unknown): Promise<{ items: T[]; deltaLink?: string }> {
  let page = (first ?? {}) as Page<T>;
  const items = [...(page.value ?? [])];
  for (let pages = 0; page['@odata.nextLink'] !== undefined; pages += 1) {
    if (pages > 1000) throw new Error('The collection did not end after 1000 pages.');
    page = (await requestFor(client, page['@odata.nextLink']).get()) as Page<T>;
    items.push(...(page.value ?? []));
  }
  return { items, deltaLink: page['@odata.deltaLink'] };
}

/** The practice's lists from its lists' answer; null when it has no register list. */
export async function practiceListsFrom(client: GraphClient, body: unknown): Promise<PracticeLists | null> {
  const { items } = await allPages<{ id: string; displayName?: string }>(client, body);
  const byName = new Map(items.flatMap((list) => (list.displayName ? [[list.displayName, list.id] as const] : [])));
  const registerListId = byName.get(REGISTER_LIST_NAME);
  if (registerListId === undefined) return null;
  return { registerListId, settingsListId: byName.get(REGISTER_SETTINGS_LIST_NAME) ?? null, incidentsListId: byName.get(INCIDENTS_LIST_NAME) ?? null };
}

/** The practice's opt-in from its setting's answer; null when none is stored, or it is unreadable. */
export async function membershipFrom(client: GraphClient, body: unknown, kind: NetworkKind): Promise<NetworkMembership | null> {
  const key = membershipSettingKey(kind);
  const { items } = await allPages<ListItem>(client, body);
  const fields = items.map((item) => (item.fields ?? {}) as Record<string, unknown>).find((f) => (f.SettingKey ?? f.Title) === key);
  if (typeof fields?.Value !== 'string') return null;
  try {
    return parseMembership(JSON.parse(fields.Value));
  } catch {
    return null;
  }
}

/**
 * The register after a delta answer: `base` (the cached entries, for a delta with a token; none for
 * an enumeration) with every item applied in order, the last occurrence winning (listitem-delta.md).
 * @throws Error when the delta ends without a deltaLink.
 */
export async function registerFrom(client: GraphClient, body: unknown, base: readonly StoredEntry[]): Promise<{ entries: StoredEntry[]; deltaLink: string }> {
  const { items, deltaLink } = await allPages<ListItem & { deleted?: unknown }>(client, body);
  if (!deltaLink) throw new Error('Graph ended the delta query without a deltaLink.');
  const entries = new Map(base.map((stored) => [stored.id, stored]));
  for (const item of items) {
    if (item.deleted) entries.delete(item.id);
    else entries.set(item.id, toStoredEntry(item));
  }
  return { entries: [...entries.values()], deltaLink };
}

/** The open incidents from the incidents answer (items that are not readable incidents are left out). */
export async function openIncidentsFrom(client: GraphClient, body: unknown): Promise<StoredIncidentSummary[]> {
  const { items } = await allPages<ListItem>(client, body);
  return items.flatMap((item) => {
    try {
      const { incident } = toStoredIncident(item);
      return incident.state === 'open' ? [{ entryId: incident.entryId, serviceTitle: incident.serviceTitle, impact: incident.impact, startedAt: incident.startedAt }] : [];
    } catch (error) {
      if (error instanceof IncidentDataError) return [];
      throw error;
    }
  });
}

/** An answer's status as the reason the view shows. */
export function reasonOf(status: number): UnavailableReason {
  if (status === 403) return 'no-access';
  if (status === 404) return 'not-found';
  if (status === 429 || status === 503) return 'throttled';
  return 'failed';
}
