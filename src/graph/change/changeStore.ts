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
import { CHANGE_FIELD_NAMES, changeToFields, fieldsToChange, type ChangeRecord, type StoredChange } from '@domain/change';
import type { GraphClient } from '../client';
import { openItemStore, reapply, waitMs } from '../lists';
import { eTagOf, type ListItem } from '../register';

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
  const sleep = options.sleep ?? waitMs;
  const items = openItemStore<StoredChange, ChangeRecord, ListItem>(client, {
    location,
    fieldNames: CHANGE_FIELD_NAMES,
    keyColumn: 'ChangeKey',
    fromItem: toStored,
    toFields: changeToFields,
    isUnreadable: (error) => error instanceof UnreadableChangeError,
  });

  return {
    async list() {
      const { records, unreadable } = await items.list({ expand: items.expand, $top: 500 });
      return { changes: records, unreadable: unreadable.length };
    },
    get: items.get,
    create: (change) => items.create(change, change.key),
    update: async (id, apply, known, attempts = 10) =>
      reapply(items, id, known ?? (await items.get(id)), apply, {
        attempts,
        recordOf: (current) => current.change,
        unchanged: (next, current) => JSON.stringify(next) === JSON.stringify(current),
        sleep,
        busy: () => new Error('This change record kept changing while yours was being saved; try again.'),
      }),
  };
}
