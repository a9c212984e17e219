/**
 * Checklists in the practice's "Digital Services Access Checklists" list (src/domain/access).
 *
 * Requests, each on its documented path:
 * - list:   `GET /sites/{site-id}/lists/{list-id}/items?expand=fields(select=...)` (api-reference/v1.0/api/listitem-list.md)
 * - get:    `GET /sites/{site-id}/lists/{list-id}/items/{item-id}?expand=fields(...)` (listitem-get.md)
 * - create: `POST /sites/{site-id}/lists/{list-id}/items` with `fields` (listitem-create.md)
 * - change: `PATCH /sites/{site-id}/lists/{list-id}/items/{item-id}/fields` with `If-Match: {eTag}`
 *   (listitem-update.md: "a 412 Precondition Failed response is returned and the item will not be updated").
 *
 * Create is idempotent by ChecklistKey (unique, indexed): a retry or a double click finds the item the
 * first attempt made. Every change is a pure function of the checklist: on 412 (someone else ticked a
 * line meanwhile) the item is read again and the change re-applied to the fresh copy, so concurrent
 * ticks from two browsers both land and nothing is lost.
 */
import {
  CHECKLIST_FIELD_NAMES,
  UnreadableChecklistError,
  checklistToFields,
  fieldsToChecklist,
  type Checklist,
  type StoredChecklist,
} from '@domain/access';
import type { GraphClient } from '../client';
import { openItemStore, reapply, waitMs } from '../lists';
import { eTagOf, type ListItem } from '../register';

export interface ListLocation {
  readonly siteId: string;
  readonly listId: string;
}

export interface ChecklistList {
  readonly checklists: StoredChecklist[];
  /** Items that could not be read (edited by hand in SharePoint): counted, never half-shown. */
  readonly unreadable: number;
}

export interface ChecklistStore {
  list(): Promise<ChecklistList>;
  /** @throws GraphError 404 when it does not exist; UnreadableChecklistError. */
  get(id: string): Promise<StoredChecklist>;
  /** Creates the checklist, or returns the one a first attempt with the same key made. */
  create(checklist: Checklist): Promise<StoredChecklist>;
  /**
   * Applies `change` to the stored checklist with If-Match, re-reading and re-applying after each 412.
   * @param known the copy on screen (saves a read when it is still current).
   * @throws Error after `attempts` conflicts in a row; GraphError / NetworkError.
   */
  change(id: string, change: (checklist: Checklist) => Checklist, known?: StoredChecklist, attempts?: number): Promise<StoredChecklist>;
}

function toStored(item: ListItem): StoredChecklist {
  return { id: item.id, eTag: eTagOf(item), checklist: fieldsToChecklist(item.id, item.fields ?? {}) };
}

export interface ChecklistStoreOptions {
  /** Waits before a retry after a conflict (tests pass an instant one). Default: setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export function openChecklistStore(client: GraphClient, location: ListLocation, options: ChecklistStoreOptions = {}): ChecklistStore {
  const sleep = options.sleep ?? waitMs;
  const items = openItemStore<StoredChecklist, Checklist, ListItem>(client, {
    location,
    fieldNames: CHECKLIST_FIELD_NAMES,
    keyColumn: 'ChecklistKey',
    fromItem: toStored,
    toFields: checklistToFields,
    isUnreadable: (error) => error instanceof UnreadableChecklistError,
  });

  return {
    async list() {
      const { records, unreadable } = await items.list({ expand: items.expand, $top: 500 });
      return { checklists: records, unreadable: unreadable.length };
    },
    get: items.get,
    create: (checklist) => items.create(checklist, checklist.key),
    // Re-applying the pure change leaves an already-applied tick as it is, so nothing is written twice.
    change: async (id, apply, known, attempts = 10) =>
      reapply(items, id, known ?? (await items.get(id)), apply, {
        attempts,
        recordOf: (current) => current.checklist,
        unchanged: (next, current) => JSON.stringify(next) === JSON.stringify(current),
        sleep,
        busy: () => new Error('This checklist kept changing while your change was being saved; try again.'),
      }),
  };
}
