/**
 * The register as a SharePoint list, through Graph list items.
 *
 * Writes are safe to repeat after an unknown outcome (a timeout, a 5xx): a create carries a
 * client-made `EntryKey` (a unique, indexed column) and is looked up by it before anything is
 * repeated; updates and deletes carry `If-Match`, so a repeat can never overwrite someone else's change.
 */
import type { LocalDate, RegisterEntry, StoredEntry } from '../../domain/entry';
import { londonDateOf } from '../../domain/localDate';
import { dateRangeErrors } from '../../domain/validation';
import { ConflictError, GraphError, isAmbiguousFailure } from '../client/errors';
import type { GraphClient } from '../client/client';
import { newestFirst, toEntryVersion, toStoredEntry, type ListItem, type ListItemVersion } from './listItems';
import { escapeODataString, pathSegment, queryString } from '../client/odata';
import { NON_INDEXED_QUERIES, pageAll } from '../client/paging';
import { REGISTER_FIELD_NAMES } from './registerColumns';
import { entryToFields, fieldsToEntry } from './registerFields';
import type { RegisterLocation, RegisterStore } from '../types';

export interface RegisterStoreOptions {
  /** `$top` for list pages. Default 500. */
  pageSize?: number;
  /** Today's Europe/London date, for the dates-within-reason check on writes. Default: the clock's. */
  today?: () => LocalDate;
}

/**
 * A write carrying a date outside the domain's limits (before 2000, or a due date more than five
 * years ahead): refused before any request, with the same messages the form shows, so no caller
 * (form, import, CLI, service) can put an absurd date into the list.
 */
export class DateOutOfRangeError extends RangeError {
  constructor(readonly problems: Readonly<Record<string, string>>) {
    super(Object.values(problems).join('; '));
    this.name = 'DateOutOfRangeError';
  }
}

function checkDates(entry: RegisterEntry, today: LocalDate): void {
  const problems = dateRangeErrors(entry, today) as Record<string, string>;
  if (Object.keys(problems).length > 0) throw new DateOutOfRangeError(problems);
}

const EXPAND_FIELDS = `fields(select=${REGISTER_FIELD_NAMES.join(',')})`;

/** True when `stored` holds exactly what writing `entry` would leave in the list. */
function holds(stored: StoredEntry, entry: RegisterEntry): boolean {
  return JSON.stringify(entryToFields(stored.entry)) === JSON.stringify(entryToFields(fieldsToEntry(entryToFields(entry))));
}

function isStatus(error: unknown, ...statuses: number[]): error is GraphError {
  return error instanceof GraphError && statuses.includes(error.status);
}

export function openRegisterStore(client: GraphClient, location: RegisterLocation, options: RegisterStoreOptions = {}): RegisterStore {
  const items = `/sites/${pathSegment(location.siteId)}/lists/${pathSegment(location.listId)}/items`;
  const itemUrl = (id: string): string => `${items}/${pathSegment(id)}`;
  const pageSize = options.pageSize ?? 500;
  const today = options.today ?? ((): LocalDate => londonDateOf(new Date()));

  async function get(id: string): Promise<StoredEntry> {
    return toStoredEntry((await client.api(`${itemUrl(id)}${queryString({ expand: EXPAND_FIELDS })}`).get()) as ListItem);
  }

  async function getOrNull(id: string): Promise<StoredEntry | null> {
    try {
      return await get(id);
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  async function findByKey(entryKey: string): Promise<StoredEntry | null> {
    const filter = `fields/EntryKey eq '${escapeODataString(entryKey)}'`;
    const found = await pageAll<ListItem>(client, `${items}${queryString({ $filter: filter, expand: EXPAND_FIELDS, $top: 2 })}`, [], NON_INDEXED_QUERIES);
    return found[0] ? toStoredEntry(found[0]) : null;
  }

  async function create(entry: RegisterEntry, entryKey: string): Promise<StoredEntry> {
    checkDates(entry, today());
    try {
      const created = (await client.api(items).post({ fields: { ...entryToFields(entry), EntryKey: entryKey } })) as ListItem;
      return created.fields ? toStoredEntry(created) : await get(created.id);
    } catch (error) {
      // 409: the unique EntryKey already exists, so an earlier attempt (or a double click) made it.
      if (!isAmbiguousFailure(error) && !isStatus(error, 409)) throw error;
      const existing = await findByKey(entryKey);
      if (existing) return existing;
      throw error;
    }
  }

  async function update(id: string, eTag: string, entry: RegisterEntry, isRepeat = false): Promise<StoredEntry> {
    checkDates(entry, today());
    try {
      await client.api(`${itemUrl(id)}/fields`).header('If-Match', eTag).patch(entryToFields(entry));
      return await get(id);
    } catch (error) {
      const conflict = isStatus(error, 409, 412);
      if (!conflict && !isAmbiguousFailure(error)) throw error;
      const current = await getOrNull(id);
      // A repeated PATCH that was applied the first time gets 412: the entry already holds our change.
      if ((isAmbiguousFailure(error) || isRepeat) && current && current.eTag !== eTag && holds(current, entry)) return current;
      // Unknown outcome and the eTag has not moved: the change was not applied, and If-Match makes a repeat safe.
      // If the repeat fails the same way, report that failure: nobody else changed the entry, so it is no conflict.
      if (!conflict && current?.eTag === eTag) {
        if (!isRepeat) return update(id, eTag, entry, true);
        throw error;
      }
      throw new ConflictError(current);
    }
  }

  async function remove(id: string, eTag: string, isRepeat = false): Promise<void> {
    try {
      await client.api(itemUrl(id)).header('If-Match', eTag).delete();
    } catch (error) {
      // Gone after an unknown outcome: our earlier attempt deleted it.
      if (isStatus(error, 404) && (isAmbiguousFailure(error) || isRepeat)) return;
      const conflict = isStatus(error, 409, 412);
      if (!conflict && !isAmbiguousFailure(error)) throw error;
      const current = await getOrNull(id);
      if (current === null && (isAmbiguousFailure(error) || isRepeat)) return;
      if (!conflict && current?.eTag === eTag) {
        if (!isRepeat) return remove(id, eTag, true);
        throw error;
      }
      throw new ConflictError(current);
    }
  }

  return {
    location,
    list: async () =>
      (await pageAll<ListItem>(client, `${items}${queryString({ $top: pageSize, expand: EXPAND_FIELDS })}`)).map(toStoredEntry),
    get,
    create,
    update: (id, eTag, entry) => update(id, eTag, entry),
    delete: (id, eTag) => remove(id, eTag),
    versions: async (id) =>
      (await pageAll<ListItemVersion>(client, `${itemUrl(id)}/versions${queryString({ expand: 'fields' })}`)).map(toEntryVersion).sort(newestFirst),
  };
}
