/**
 * Incidents in the practice's incidents list (src/domain/incidents/incidentColumns.ts), through
 * Graph list items (api-reference/v1.0/api/listitem-list.md, listitem-get.md, listitem-create.md,
 * listitem-update.md).
 *
 * Nothing is ever lost or doubled:
 * - create carries the incident's own key in the unique, indexed `IncidentKey` column; after an
 *   ambiguous failure (5xx, timeout) or a 409 the item is looked up by that key before anything is
 *   repeated, so a retried declare finds the item the first attempt made;
 * - every change is a pure function of the incident (src/domain/incidents/operations.ts), written
 *   with `If-Match` on the item's eTag. On 412/409 (someone else wrote first) or an ambiguous
 *   failure the item is read again and the same change re-applied to what is there now, then
 *   written again. The domain's changes are idempotent by key, so a change that had in fact been
 *   applied re-applies to no difference and nothing more is written.
 */
import type { Incident, StoredIncident } from '@domain/incidents';
import { INCIDENT_FIELD_NAMES, fieldsToIncident, IncidentDataError, incidentToFields } from '@domain/incidents';
import { NON_INDEXED_QUERIES, type GraphClient } from '../client';
import { openItemStore, reapply } from '../lists';
import { eTagOf, type ListItem } from '../register';

export interface IncidentListLocation {
  readonly siteId: string;
  /** The incidents list's id (src/graph/lists findPracticeListIds / findOrProvisionList). */
  readonly listId: string;
}

export interface IncidentStoreOptions {
  /** `$top` for list pages. Default 500. */
  readonly pageSize?: number;
  /** Writes attempted for one change before giving up on a busy item. Default 5. */
  readonly maxAttempts?: number;
  /** Told about an item that is not a readable incident (a hand-edited JSON column); it is left out of lists. */
  readonly onUnreadable?: (itemId: string, error: IncidentDataError) => void;
}

/** The item kept changing under us `maxAttempts` times in a row: nothing of ours was lost, but it was not written. */
export class IncidentBusyError extends Error {
  constructor(readonly current: StoredIncident) {
    super('The incident kept changing while saving; try again.');
    this.name = 'IncidentBusyError';
  }
}

/** The incident was deleted from the list (by hand in SharePoint) while being changed. */
export class IncidentGoneError extends Error {
  constructor(readonly key: string) {
    super(`Incident ${key} is no longer in the incidents list.`);
    this.name = 'IncidentGoneError';
  }
}

export interface IncidentStore {
  readonly location: IncidentListLocation;
  /** Every incident (all pages). Unreadable items are left out (see `onUnreadable`). */
  list(): Promise<StoredIncident[]>;
  /** The open incidents only (`State` is indexed). */
  listOpen(): Promise<StoredIncident[]>;
  /** @throws GraphError 404 when there is no such item; IncidentDataError when it is unreadable. */
  get(id: string): Promise<StoredIncident>;
  findByKey(key: string): Promise<StoredIncident | null>;
  /** Idempotent by `incident.key`: a repeat returns the item the first call made. */
  create(incident: Incident): Promise<StoredIncident>;
  /**
   * Applies `change` to the incident as stored and writes it with If-Match; on a conflict or an
   * unknown outcome reads it again, re-applies `change` and writes again. A change that makes no
   * difference writes nothing.
   * @throws IncidentBusyError, IncidentGoneError, or the change's own error (e.g. IncidentInputError).
   */
  change(stored: StoredIncident, change: (incident: Incident) => Incident): Promise<StoredIncident>;
}

export function toStoredIncident(item: ListItem): StoredIncident {
  return { id: item.id, eTag: eTagOf(item), incident: fieldsToIncident(item.fields ?? {}) };
}

export function openIncidentStore(client: GraphClient, location: IncidentListLocation, options: IncidentStoreOptions = {}): IncidentStore {
  const items = openItemStore<StoredIncident, Incident, ListItem>(client, {
    location,
    fieldNames: INCIDENT_FIELD_NAMES,
    keyColumn: 'IncidentKey',
    fromItem: toStoredIncident,
    toFields: incidentToFields,
    isUnreadable: (error) => error instanceof IncidentDataError,
  });
  const pageSize = options.pageSize ?? 500;
  const maxAttempts = options.maxAttempts ?? 5;

  async function readable(query: Record<string, string | number>, headers?: Readonly<Record<string, string>>): Promise<StoredIncident[]> {
    const { records, unreadable } = await items.list(query, headers);
    for (const { item, error } of unreadable) if (error instanceof IncidentDataError) options.onUnreadable?.(item.id, error);
    return records;
  }

  return {
    location,
    list: () => readable({ $top: pageSize, expand: items.expand }),
    listOpen: () => readable({ $filter: "fields/State eq 'Open'", $top: pageSize, expand: items.expand }, NON_INDEXED_QUERIES),
    get: items.get,
    findByKey: items.findByKey,
    create: (incident) => items.create(incident, incident.key),
    change: (stored, apply) =>
      reapply(items, stored.id, stored, apply, {
        // Even a maxAttempts below 1 tries the write once.
        attempts: Math.max(maxAttempts, 1),
        recordOf: (current) => current.incident,
        gone: (last) => new IncidentGoneError(last.incident.key),
        acceptLanded: true,
        busy: (current) => new IncidentBusyError(current),
      }),
  };
}
