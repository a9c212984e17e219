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
} from '../../domain/access';
import type { GraphClient } from '../client/client';
import { GraphError, isAmbiguousFailure } from '../client/errors';
import { eTagOf, type ListItem } from '../register/listItems';
import { escapeODataString, pathSegment, queryString } from '../client/odata';
import { NON_INDEXED_QUERIES, pageAll } from '../client/paging';
import { conflictPauseMs } from '../lists';

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

const EXPAND = `fields(select=${CHECKLIST_FIELD_NAMES.join(',')})`;

function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof GraphError && statuses.includes(error.status);
}

function toStored(item: ListItem): StoredChecklist {
  return { id: item.id, eTag: eTagOf(item), checklist: fieldsToChecklist(item.id, item.fields ?? {}) };
}

export interface ChecklistStoreOptions {
  /** Waits before a retry after a conflict (tests pass an instant one). Default: setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
}


export function openChecklistStore(client: GraphClient, location: ListLocation, options: ChecklistStoreOptions = {}): ChecklistStore {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const items = `/sites/${pathSegment(location.siteId)}/lists/${pathSegment(location.listId)}/items`;
  const itemUrl = (id: string) => `${items}/${pathSegment(id)}`;

  async function get(id: string): Promise<StoredChecklist> {
    return toStored((await client.api(`${itemUrl(id)}${queryString({ expand: EXPAND })}`).get()) as ListItem);
  }

  async function findByKey(key: string): Promise<StoredChecklist | null> {
    const filter = `fields/ChecklistKey eq '${escapeODataString(key)}'`;
    const found = await pageAll<ListItem>(client, `${items}${queryString({ $filter: filter, expand: EXPAND, $top: 2 })}`, [], NON_INDEXED_QUERIES);
    return found[0] ? toStored(found[0]) : null;
  }

  async function create(checklist: Checklist): Promise<StoredChecklist> {
    try {
      const created = (await client.api(items).post({ fields: checklistToFields(checklist) })) as ListItem;
      return created.fields ? toStored(created) : await get(created.id);
    } catch (error) {
      // 409: the unique key exists, so an earlier attempt made it; an unknown outcome may have too.
      if (!isStatus(error, 409) && !isAmbiguousFailure(error)) throw error;
      const existing = await findByKey(checklist.key);
      if (existing) return existing;
      throw error;
    }
  }

  async function change(id: string, apply: (checklist: Checklist) => Checklist, known?: StoredChecklist, attempts = 10): Promise<StoredChecklist> {
    let current = known ?? (await get(id));
    for (let attempt = 0; attempt < attempts; attempt++) {
      const next = apply(current.checklist);
      if (JSON.stringify(next) === JSON.stringify(current.checklist)) return current; // nothing to write (already done)
      try {
        await client.api(`${itemUrl(id)}/fields`).header('If-Match', current.eTag).patch(checklistToFields(next));
        // The next If-Match is the item's eTag, read back (the PATCH answer carries the fields' etag, another format).
        return await get(id);
      } catch (error) {
        // 412: someone else changed it; an unknown outcome: ours may have landed. Either way read and
        // re-apply: the pure change leaves an already-applied tick as it is, so nothing is written twice.
        if (!isStatus(error, 409, 412) && !isAmbiguousFailure(error)) throw error;
        await sleep(conflictPauseMs(attempt));
        current = await get(id);
      }
    }
    throw new Error('This checklist kept changing while your change was being saved; try again.');
  }

  return {
    async list() {
      const all = await pageAll<ListItem>(client, `${items}${queryString({ expand: EXPAND, $top: 500 })}`);
      const checklists: StoredChecklist[] = [];
      let unreadable = 0;
      for (const item of all) {
        try {
          checklists.push(toStored(item));
        } catch (error) {
          if (!(error instanceof UnreadableChecklistError)) throw error;
          unreadable += 1;
        }
      }
      return { checklists, unreadable };
    },
    get,
    create,
    change,
  };
}
