/**
 * The list-item plumbing every practice list's store shares, written once: read an item, find one by
 * its key, create one safely, and write one with `If-Match`.
 *
 * - get:    `GET /sites/{site-id}/lists/{list-id}/items/{item-id}?expand=fields(select=...)` (api-reference/v1.0/api/listitem-get.md)
 * - list:   `GET /sites/{site-id}/lists/{list-id}/items?...` (listitem-list.md), every page
 * - create: `POST /sites/{site-id}/lists/{list-id}/items` with `fields` (listitem-create.md)
 * - write:  `PATCH .../items/{item-id}/fields` and `DELETE .../items/{item-id}`, each with `If-Match: {eTag}`
 *   (listitem-update.md, listitem-delete.md: 412 Precondition Failed when the item has changed).
 *
 * Creates are safe to repeat because each record carries a client-made key in a unique, indexed
 * column: a 409 (the key is taken) or an unknown outcome (a timeout, a 5xx) is settled by looking the
 * key up before anything is repeated, so a retry or a double click finds the item the first attempt made.
 */
import { escapeODataString, GraphError, isAmbiguousFailure, NON_INDEXED_QUERIES, pageAll, pathSegment, queryString, type GraphClient } from '../client';
import { conflictPauseMs } from './conflictPause';

export interface ItemListLocation {
  readonly siteId: string;
  readonly listId: string;
}

/** What the helper itself reads of a list item; each store's own item type adds the rest. */
export interface ListItemLike {
  readonly id: string;
  readonly fields?: object;
}

/** A record as a store hands it out: the item's id and the eTag a later write must match. */
export interface StoredItem {
  readonly id: string;
  readonly eTag: string;
}

export interface ItemStoreConfig<T, R, I extends ListItemLike> {
  readonly location: ItemListLocation;
  /** Internal names of the columns read (`fields(select=...)`), so a list's other columns are never fetched. */
  readonly fieldNames: readonly string[];
  /** The unique, indexed column holding each record's client-made key. */
  readonly keyColumn: string;
  readonly fromItem: (item: I) => T;
  readonly toFields: (record: R) => Record<string, unknown>;
  /** Errors of `fromItem` that mean "not a readable record" (an item edited by hand): `list` sets those items aside. */
  readonly isUnreadable?: (error: unknown) => boolean;
}

export interface ReadItems<T, I> {
  readonly records: T[];
  readonly unreadable: { readonly item: I; readonly error: unknown }[];
}

export interface ItemStore<T, R, I extends ListItemLike> {
  readonly toFields: (record: R) => Record<string, unknown>;
  /** `fields(select=...)` of the configured columns, for the `expand` of a list query. */
  readonly expand: string;
  itemUrl(id: string): string;
  /** @throws GraphError 404 when there is no such item; whatever `fromItem` throws. */
  get(id: string): Promise<T>;
  getOrNull(id: string): Promise<T | null>;
  /** The first item whose key column holds `key`, or null. */
  findByKey(key: string): Promise<T | null>;
  /** Every item `query` names (all pages), in the order Graph gives them. */
  list(query: Record<string, string | number | undefined>, headers?: Readonly<Record<string, string>>): Promise<ReadItems<T, I>>;
  /** Creates the record (writing `key` to the key column), or returns the item a first attempt with that key made. */
  create(record: R, key: string): Promise<T>;
  /** As `create`, but the new item is read by `settle` from the POST's answer. */
  createOnce<X>(record: R, key: string, settle: (created: I) => X | Promise<X>): Promise<X | NonNullable<T>>;
  /** Writes the record's fields with `If-Match: eTag`. @throws GraphError 412 (see isConflict) when the item changed since. */
  patch(id: string, eTag: string, record: R): Promise<void>;
  /** Deletes the item with `If-Match: eTag`. */
  remove(id: string, eTag: string): Promise<void>;
}

export function isGraphStatus(error: unknown, ...statuses: number[]): error is GraphError {
  return error instanceof GraphError && statuses.includes(error.status);
}

/** Someone else wrote first: 412 from `If-Match`; SharePoint answers some concurrent writes with 409. */
export function isConflict(error: unknown): error is GraphError {
  return isGraphStatus(error, 409, 412);
}

export function waitMs(ms: number): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}

export function openItemStore<T, R, I extends ListItemLike>(client: GraphClient, config: ItemStoreConfig<T, R, I>): ItemStore<T, R, I> {
  const { location, fromItem, toFields } = config;
  const items = `/sites/${pathSegment(location.siteId)}/lists/${pathSegment(location.listId)}/items`;
  const itemUrl = (id: string): string => `${items}/${pathSegment(id)}`;
  const expand = `fields(select=${config.fieldNames.join(',')})`;

  async function get(id: string): Promise<T> {
    return fromItem((await client.api(`${itemUrl(id)}${queryString({ expand })}`).get()) as I);
  }

  async function getOrNull(id: string): Promise<T | null> {
    try {
      return await get(id);
    } catch (error) {
      if (isGraphStatus(error, 404)) return null;
      throw error;
    }
  }

  async function findByKey(key: string): Promise<T | null> {
    const filter = `fields/${config.keyColumn} eq '${escapeODataString(key)}'`;
    const found = await pageAll<I>(client, `${items}${queryString({ $filter: filter, expand, $top: 2 })}`, [], NON_INDEXED_QUERIES);
    return found[0] ? fromItem(found[0]) : null;
  }

  async function list(query: Record<string, string | number | undefined>, headers: Readonly<Record<string, string>> = {}): Promise<ReadItems<T, I>> {
    const all = await pageAll<I>(client, `${items}${queryString(query)}`, [], headers);
    const records: T[] = [];
    const unreadable: { item: I; error: unknown }[] = [];
    for (const item of all) {
      try {
        records.push(fromItem(item));
      } catch (error) {
        if (!config.isUnreadable?.(error)) throw error;
        unreadable.push({ item, error });
      }
    }
    return { records, unreadable };
  }

  async function createOnce<X>(record: R, key: string, settle: (created: I) => X | Promise<X>): Promise<X | NonNullable<T>> {
    try {
      return await settle((await client.api(items).post({ fields: { ...toFields(record), [config.keyColumn]: key } })) as I);
    } catch (error) {
      if (!isAmbiguousFailure(error) && !isGraphStatus(error, 409)) throw error;
      const existing = await findByKey(key);
      if (existing) return existing;
      throw error;
    }
  }

  return {
    toFields,
    expand,
    itemUrl,
    get,
    getOrNull,
    findByKey,
    list,
    createOnce,
    // The POST's answer usually carries the fields; when it does not, read the item back.
    create: (record, key) => createOnce(record, key, (created) => (created.fields ? fromItem(created) : get(created.id))),
    patch: async (id, eTag, record) => {
      await client.api(`${itemUrl(id)}/fields`).header('If-Match', eTag).patch(toFields(record));
    },
    remove: async (id, eTag) => {
      await client.api(itemUrl(id)).header('If-Match', eTag).delete();
    },
  };
}

export interface ReapplyPolicy<T, R> {
  /** Writes tried before giving up on an item that keeps changing. */
  readonly attempts: number;
  readonly recordOf: (stored: T) => R;
  /** True when writing `next` over `current` would change nothing. Default: their fields are the same. */
  readonly unchanged?: (next: R, current: R) => boolean;
  /** When given, writers racing for one item are spread out by a pause before each re-read (conflictPauseMs). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** When given, an item deleted meanwhile is reported by this error rather than by the re-read's 404. */
  readonly gone?: (last: T) => Error;
  /** When the last write fails but the fresh copy already holds the change (our write landed), return it rather than `busy`. */
  readonly acceptLanded?: boolean;
  readonly busy: (current: T) => Error;
}

/**
 * Applies `apply` to the stored record and writes it with If-Match. A conflict or an unknown outcome
 * is settled by reading the item again and re-applying `apply` to what is there now: `apply` is a
 * pure function of the record, so a concurrent writer's change is kept and a write of ours that did
 * land re-applies to no difference, and nothing is written twice.
 * @param known the copy the change starts from (it saves a read while it is still current).
 */
export async function reapply<T extends StoredItem, R, I extends ListItemLike>(
  store: ItemStore<T, R, I>,
  id: string,
  known: T,
  apply: (record: R) => R,
  policy: ReapplyPolicy<T, R>,
): Promise<T> {
  const unchanged = policy.unchanged ?? ((next: R, current: R) => JSON.stringify(store.toFields(next)) === JSON.stringify(store.toFields(current)));
  async function reread(last: T): Promise<T> {
    if (!policy.gone) return store.get(id);
    const fresh = await store.getOrNull(id);
    if (fresh === null) throw policy.gone(last);
    return fresh;
  }

  let current = known;
  for (let attempt = 0; attempt < policy.attempts; attempt += 1) {
    const record = policy.recordOf(current);
    const next = apply(record);
    if (unchanged(next, record)) return current;
    try {
      await store.patch(id, current.eTag, next);
      // Read back for the next If-Match: the PATCH answer carries the fields' etag, another format.
      return await store.get(id);
    } catch (error) {
      if (!isConflict(error) && !isAmbiguousFailure(error)) throw error;
      if (policy.sleep) await policy.sleep(conflictPauseMs(attempt));
      current = await reread(current);
      if (policy.acceptLanded && attempt + 1 >= policy.attempts && unchanged(apply(policy.recordOf(current)), policy.recordOf(current))) return current;
    }
  }
  throw policy.busy(current);
}
