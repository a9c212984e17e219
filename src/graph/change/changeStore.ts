/**
 * Change records in the practice's "Digital Services Changes" list (src/domain/change).
 *
 * Requests, each on its documented path:
 * - list:   `GET /sites/{site-id}/lists/{list-id}/items?expand=fields(select=...)` (api-reference/v1.0/api/listitem-list.md)
 * - get:    `GET /sites/{site-id}/lists/{list-id}/items/{item-id}?expand=fields(...)` (listitem-get.md)
 * - create: `POST /sites/{site-id}/lists/{list-id}/items` with `fields` (listitem-create.md)
 * - change: `PATCH /sites/{site-id}/lists/{list-id}/items/{item-id}/fields` with `If-Match: {eTag}`
 *   (listitem-update.md: "a 412 Precondition Failed response is returned and the item will not be updated").
 *
 * Create is idempotent by ChangeKey (unique, indexed): a retry or a double click finds the item the
 * first attempt made. A change to a record (its workload check) is a pure function of the record: on
 * 412 the item is read again and the change re-applied to the fresh copy, so nothing is lost.
 */
import { CHANGE_FIELD_NAMES, changeToFields, fieldsToChange, type ChangeRecord, type StoredChange } from '../../domain/change';
import type { GraphClient } from '../client/client';
import { GraphError, isAmbiguousFailure } from '../client/errors';
import { eTagOf, type ListItem } from '../register/listItems';
import { escapeODataString, pathSegment, queryString } from '../client/odata';
import { NON_INDEXED_QUERIES, pageAll } from '../client/paging';
import { conflictPauseMs } from '../lists';

export interface ChangeListLocation {
  readonly siteId: string;
  readonly listId: string;
}

export interface ChangeList {
  readonly changes: StoredChange[];
  /** Items that could not be read (edited by hand in SharePoint): counted, never half-shown. */
  readonly unreadable: number;
}

export class UnreadableChangeError extends Error {
  constructor(readonly itemId: string) {
    super(`Change record ${itemId} could not be read (it was changed outside the register).`);
    this.name = 'UnreadableChangeError';
  }
}

export interface ChangeStore {
  list(): Promise<ChangeList>;
  /** @throws GraphError 404 when it does not exist; UnreadableChangeError. */
  get(id: string): Promise<StoredChange>;
  /** Creates the record, or returns the one a first attempt with the same key made. */
  create(change: ChangeRecord): Promise<StoredChange>;
  /**
   * Applies `apply` to the stored record with If-Match, re-reading and re-applying after each 412.
   * @param known the copy on screen (saves a read when it is still current).
   * @throws Error after `attempts` conflicts in a row; GraphError / NetworkError.
   */
  update(id: string, apply: (change: ChangeRecord) => ChangeRecord, known?: StoredChange, attempts?: number): Promise<StoredChange>;
}

const EXPAND = `fields(select=${CHANGE_FIELD_NAMES.join(',')})`;

function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof GraphError && statuses.includes(error.status);
}

function toStored(item: ListItem): StoredChange {
  const change = fieldsToChange(item.fields ?? {});
  if (!change) throw new UnreadableChangeError(item.id);
  return { id: item.id, eTag: eTagOf(item), change };
}

export interface ChangeStoreOptions {
  /** Waits before a retry after a conflict (tests pass an instant one). Default: setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
}


export function openChangeStore(client: GraphClient, location: ChangeListLocation, options: ChangeStoreOptions = {}): ChangeStore {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const items = `/sites/${pathSegment(location.siteId)}/lists/${pathSegment(location.listId)}/items`;
  const itemUrl = (id: string) => `${items}/${pathSegment(id)}`;

  async function get(id: string): Promise<StoredChange> {
    return toStored((await client.api(`${itemUrl(id)}${queryString({ expand: EXPAND })}`).get()) as ListItem);
  }

  async function findByKey(key: string): Promise<StoredChange | null> {
    const filter = `fields/ChangeKey eq '${escapeODataString(key)}'`;
    const found = await pageAll<ListItem>(client, `${items}${queryString({ $filter: filter, expand: EXPAND, $top: 2 })}`, [], NON_INDEXED_QUERIES);
    return found[0] ? toStored(found[0]) : null;
  }

  async function create(change: ChangeRecord): Promise<StoredChange> {
    try {
      const created = (await client.api(items).post({ fields: changeToFields(change) })) as ListItem;
      return created.fields ? toStored(created) : await get(created.id);
    } catch (error) {
      // 409: the unique key exists, so an earlier attempt made it; an unknown outcome may have too.
      if (!isStatus(error, 409) && !isAmbiguousFailure(error)) throw error;
      const existing = await findByKey(change.key);
      if (existing) return existing;
      throw error;
    }
  }

  async function update(id: string, apply: (change: ChangeRecord) => ChangeRecord, known?: StoredChange, attempts = 10): Promise<StoredChange> {
    let current = known ?? (await get(id));
    for (let attempt = 0; attempt < attempts; attempt++) {
      const next = apply(current.change);
      if (JSON.stringify(next) === JSON.stringify(current.change)) return current; // nothing to write
      try {
        await client.api(`${itemUrl(id)}/fields`).header('If-Match', current.eTag).patch(changeToFields(next));
        // The next If-Match is the item's eTag, read back (the PATCH answer carries the fields' etag, another format).
        return await get(id);
      } catch (error) {
        // 412: someone else changed it; an unknown outcome: ours may have landed. Either way read and re-apply.
        if (!isStatus(error, 409, 412) && !isAmbiguousFailure(error)) throw error;
        await sleep(conflictPauseMs(attempt));
        current = await get(id);
      }
    }
    throw new Error('This change record kept changing while yours was being saved; try again.');
  }

  return {
    async list() {
      const all = await pageAll<ListItem>(client, `${items}${queryString({ expand: EXPAND, $top: 500 })}`);
      const changes: StoredChange[] = [];
      let unreadable = 0;
      for (const item of all) {
        try {
          changes.push(toStored(item));
        } catch (error) {
          if (!(error instanceof UnreadableChangeError)) throw error;
          unreadable += 1;
        }
      }
      return { changes, unreadable };
    },
    get,
    create,
    update,
  };
}
