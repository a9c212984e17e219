/**
 * Keeping a copy of the register up to date with the list's delta query
 * (`GET /sites/{site}/lists/{list}/items/delta`): a snapshot is the entries plus a deltaLink; later,
 * the deltaLink returns only what changed since (changed items with their fields, deleted ids).
 *
 * Graph answers 410 Gone (`resyncRequired`) when it can no longer say what changed since a token;
 * the caller then loads everything again (`isResyncRequired`).
 */
import type { StoredEntry } from '@domain';
import type { GraphClient } from '../client';
import { GraphError, pathSegment, queryString, requestFor } from '../client';
import { toStoredEntry, type ListItem } from './listItems';
import { REGISTER_FIELD_NAMES } from '@domain';
import type { RegisterLocation } from '../types';

export const REGISTER_ITEM_EXPAND = `fields(select=${REGISTER_FIELD_NAMES.join(',')})`;

export interface RegisterDelta {
  /** Entries created or changed since the link (latest version of each). */
  readonly changed: readonly StoredEntry[];
  readonly deletedIds: readonly string[];
  /** The link to ask for the next changes. */
  readonly deltaLink: string;
}

interface DeltaPage {
  value?: Array<ListItem & { deleted?: unknown }>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** `/sites/{site}/lists/{list}` of a register location. */
export function registerListPath(location: Pick<RegisterLocation, 'siteId' | 'listId'>): string {
  return `/sites/${pathSegment(location.siteId)}/lists/${pathSegment(location.listId)}`;
}

/** `<list>/items/delta?token=latest`: answers no items and a deltaLink for "from now on". */
export function latestDeltaPath(listPath: string): string {
  return `${listPath}/items/delta${queryString({ token: 'latest', expand: REGISTER_ITEM_EXPAND })}`;
}

/**
 * The changes since `deltaLink`, following nextLinks to the next deltaLink.
 * @throws GraphError 410 (see `isResyncRequired`) when the link is too old; other GraphError/NetworkError.
 */
export async function readRegisterDelta(client: GraphClient, deltaLink: string): Promise<RegisterDelta> {
  const changed = new Map<string, StoredEntry>();
  const deleted = new Set<string>();
  let next: string | undefined = deltaLink;
  for (let pages = 0; next !== undefined; pages += 1) {
    if (pages > 1000) throw new Error('The delta query did not end after 1000 pages.');
    const page = (await requestFor(client, next).get()) as DeltaPage;
    for (const item of page.value ?? []) {
      // The same item may appear more than once: the last occurrence wins.
      if (item.deleted) {
        changed.delete(item.id);
        deleted.add(item.id);
      } else {
        deleted.delete(item.id);
        changed.set(item.id, toStoredEntry(item));
      }
    }
    if (page['@odata.deltaLink']) return { changed: [...changed.values()], deletedIds: [...deleted], deltaLink: page['@odata.deltaLink'] };
    next = page['@odata.nextLink'];
  }
  throw new Error('The delta query ended without a deltaLink.');
}

/** A deltaLink for changes from now on (no items read). */
export async function latestDeltaLink(client: GraphClient, location: RegisterLocation): Promise<string> {
  const page = (await client.api(latestDeltaPath(registerListPath(location))).get()) as DeltaPage;
  const link = page['@odata.deltaLink'];
  if (!link) throw new Error('Graph answered the delta query without a deltaLink.');
  return link;
}

/** `entries` with a delta applied: changed entries replaced or added, deleted ones removed. */
export function applyRegisterDelta(entries: readonly StoredEntry[], delta: Pick<RegisterDelta, 'changed' | 'deletedIds'>): StoredEntry[] {
  const changed = new Map(delta.changed.map((stored) => [stored.id, stored]));
  const gone = new Set(delta.deletedIds);
  const kept = entries.filter((stored) => !gone.has(stored.id) && !changed.has(stored.id));
  return [...kept, ...changed.values()];
}

/** True for Graph's 410 Gone on a delta link: load everything again and start from a new link. */
export function isResyncRequired(error: unknown): boolean {
  return error instanceof GraphError && error.status === 410;
}
