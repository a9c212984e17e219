/**
 * List items, their versions and delta tombstones. Every write bumps the item's version (and so its
 * eTag `"{GUID},N"`), records a version, and advances the list's change sequence for delta.
 * Callers validate with `coerceFields` first, and every write runs in one storage transaction.
 */
import { randomUUID } from 'node:crypto';
import { fail, GraphHttpError } from '../errors';
import type { Storage } from '../storage/types';
import { isoSeconds } from './fieldValues';
import type { ListDoc } from './lists';
import type { IdentitySet } from './user';

export interface ItemDoc {
  id: string;
  listId: string;
  guid: string;
  version: number;
  values: Record<string, unknown>;
  createdBy: IdentitySet;
  createdDateTime: string;
  lastModifiedBy: IdentitySet;
  lastModifiedDateTime: string;
  /** The list change sequence of this item's last write. */
  seq: number;
}

export interface VersionDoc {
  itemId: string;
  version: number;
  values: Record<string, unknown>;
  lastModifiedBy: IdentitySet;
  lastModifiedDateTime: string;
  createdBy: IdentitySet;
  createdDateTime: string;
}

export interface TombstoneDoc {
  id: string;
  seq: number;
}

const key = (listId: string, itemId: string) => `${listId}/${itemId}`;

export function eTagOf(item: Pick<ItemDoc, 'guid' | 'version'>): string {
  return `"{${item.guid.toUpperCase()}},${item.version}"`;
}

/**
 * `If-Match` on a write: absent or `*` passes; anything but the current eTag fails.
 * @throws GraphHttpError 412 when the eTag is stale; the caller has written nothing.
 */
export function assertIfMatch(ifMatch: string | undefined, item: ItemDoc): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const current = eTagOf(item);
  if (ifMatch.trim() !== current)
    throw new GraphHttpError(412, 'preconditionFailed', `The request ETag value '${ifMatch}' does not match the object's ETag value '${current}'.`);
}

export class ItemStore {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date,
  ) {}

  list(listId: string): ItemDoc[] {
    return this.storage.list<ItemDoc>('item', listId);
  }

  get(listId: string, itemId: string): ItemDoc | undefined {
    return this.storage.get<ItemDoc>('item', key(listId, itemId));
  }

  /** @throws GraphHttpError 404 itemNotFound. */
  require(listId: string, itemId: string): ItemDoc {
    const item = this.get(listId, itemId);
    if (!item) throw fail.notFound('The specified list item was not found.');
    return item;
  }

  create(list: ListDoc, values: Record<string, unknown>, by: IdentitySet): ItemDoc {
    return this.storage.transaction(() => {
      const fresh = this.storage.get<ListDoc>('list', list.id) ?? list;
      this.assertUnique(fresh, values, undefined);
      const at = isoSeconds(this.now());
      const id = String(fresh.nextItemId);
      const item: ItemDoc = {
        id, listId: list.id, guid: randomUUID(), version: 1, values: dropNulls(values),
        createdBy: by, createdDateTime: at, lastModifiedBy: by, lastModifiedDateTime: at, seq: 0,
      };
      this.save(fresh, item, { nextItemId: fresh.nextItemId + 1 });
      return item;
    });
  }

  update(list: ListDoc, item: ItemDoc, values: Record<string, unknown>, by: IdentitySet): ItemDoc {
    return this.storage.transaction(() => {
      const fresh = this.storage.get<ListDoc>('list', list.id) ?? list;
      this.assertUnique(fresh, values, item.id);
      const next: ItemDoc = {
        ...item, version: item.version + 1, values: dropNulls({ ...item.values, ...values }),
        lastModifiedBy: by, lastModifiedDateTime: isoSeconds(this.now()),
      };
      this.save(fresh, next, {});
      return next;
    });
  }

  delete(list: ListDoc, item: ItemDoc): void {
    this.storage.transaction(() => {
      const fresh = this.storage.get<ListDoc>('list', list.id) ?? list;
      const seq = fresh.changeSeq + 1;
      this.storage.put('list', fresh.id, { ...fresh, changeSeq: seq }, fresh.siteId);
      this.storage.delete('item', key(list.id, item.id));
      for (let v = 1; v <= item.version; v++) this.storage.delete('version', `${key(list.id, item.id)}/${v}`);
      this.storage.put('tombstone', key(list.id, item.id), { id: item.id, seq } satisfies TombstoneDoc, list.id);
    });
  }

  /** Newest first. */
  versions(listId: string, itemId: string): VersionDoc[] {
    return this.storage.list<VersionDoc>('version', key(listId, itemId)).reverse();
  }

  tombstones(listId: string): TombstoneDoc[] {
    return this.storage.list<TombstoneDoc>('tombstone', listId);
  }

  private save(list: ListDoc, item: ItemDoc, listChanges: Partial<ListDoc>): void {
    const seq = list.changeSeq + 1;
    const saved = { ...item, seq };
    this.storage.put('list', list.id, { ...list, ...listChanges, changeSeq: seq }, list.siteId);
    this.storage.put('item', key(list.id, item.id), saved, list.id);
    this.storage.delete('tombstone', key(list.id, item.id));
    const version: VersionDoc = {
      itemId: item.id, version: item.version, values: item.values, lastModifiedBy: item.lastModifiedBy,
      lastModifiedDateTime: item.lastModifiedDateTime, createdBy: item.createdBy, createdDateTime: item.createdDateTime,
    };
    this.storage.put('version', `${key(list.id, item.id)}/${item.version}`, version, key(list.id, item.id));
  }

  /** @throws GraphHttpError 409 when a unique column would hold a duplicate value. */
  private assertUnique(list: ListDoc, values: Record<string, unknown>, exceptId: string | undefined): void {
    const unique = list.columns.filter((column) => column.enforceUniqueValues && values[column.name] != null);
    if (unique.length === 0) return;
    for (const other of this.list(list.id)) {
      if (other.id === exceptId) continue;
      for (const column of unique) {
        const a = values[column.name];
        const b = other.values[column.name];
        if (b != null && String(a).toLowerCase() === String(b).toLowerCase())
          throw fail.conflict(
            `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}].`,
          );
      }
    }
  }
}

/** SharePoint keeps an empty value as no value: Graph omits such fields. */
function dropNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined && value !== ''));
}
