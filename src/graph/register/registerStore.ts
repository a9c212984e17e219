/**
 * The register as a SharePoint list, through Graph list items.
 *
 * Writes are safe to repeat after an unknown outcome (a timeout, a 5xx): a create carries a
 * client-made `EntryKey` (a unique, indexed column) and is looked up by it before anything is
 * repeated; updates and deletes carry `If-Match`, so a repeat can never overwrite someone else's change.
 */
import { dateRangeErrors, entryToFields, fieldsToEntry, londonDateOf, REGISTER_FIELD_NAMES, type LocalDate, type RegisterEntry, type StoredEntry } from '@domain';
import { ConflictError, isAmbiguousFailure, pageAll, queryString, type GraphClient } from '../client';
import { isConflict, isGraphStatus, openItemStore } from '../lists';
import { newestFirst, toEntryVersion, toStoredEntry, type ListItem, type ListItemVersion } from './listItems';
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

/** True when `stored` holds exactly what writing `entry` would leave in the list. */
function holds(stored: StoredEntry, entry: RegisterEntry): boolean {
  return JSON.stringify(entryToFields(stored.entry)) === JSON.stringify(entryToFields(fieldsToEntry(entryToFields(entry))));
}

export function openRegisterStore(client: GraphClient, location: RegisterLocation, options: RegisterStoreOptions = {}): RegisterStore {
  const items = openItemStore<StoredEntry, RegisterEntry, ListItem>(client, {
    location,
    fieldNames: REGISTER_FIELD_NAMES,
    keyColumn: 'EntryKey',
    fromItem: toStoredEntry,
    toFields: entryToFields,
  });
  const pageSize = options.pageSize ?? 500;
  const today = options.today ?? ((): LocalDate => londonDateOf(new Date()));

  async function create(entry: RegisterEntry, entryKey: string): Promise<StoredEntry> {
    checkDates(entry, today());
    return items.create(entry, entryKey);
  }

  async function update(id: string, eTag: string, entry: RegisterEntry, isRepeat = false): Promise<StoredEntry> {
    checkDates(entry, today());
    try {
      await items.patch(id, eTag, entry);
      return await items.get(id);
    } catch (error) {
      const conflict = isConflict(error);
      if (!conflict && !isAmbiguousFailure(error)) throw error;
      const current = await items.getOrNull(id);
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
      await items.remove(id, eTag);
    } catch (error) {
      // Gone after an unknown outcome: our earlier attempt deleted it.
      if (isGraphStatus(error, 404) && (isAmbiguousFailure(error) || isRepeat)) return;
      const conflict = isConflict(error);
      if (!conflict && !isAmbiguousFailure(error)) throw error;
      const current = await items.getOrNull(id);
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
    list: async () => (await items.list({ $top: pageSize, expand: items.expand })).records,
    get: items.get,
    create,
    update: (id, eTag, entry) => update(id, eTag, entry),
    delete: (id, eTag) => remove(id, eTag),
    versions: async (id) =>
      (await pageAll<ListItemVersion>(client, `${items.itemUrl(id)}/versions${queryString({ expand: 'fields' })}`)).map(toEntryVersion).sort(newestFirst),
  };
}
