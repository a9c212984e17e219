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
import type { Incident, StoredIncident } from '../../domain/incidents/incident';
import { INCIDENT_FIELD_NAMES } from '../../domain/incidents/incidentColumns';
import { fieldsToIncident, IncidentDataError, incidentToFields } from '../../domain/incidents/incidentFields';
import type { GraphClient } from '../client/client';
import { GraphError, isAmbiguousFailure } from '../client/errors';
import { eTagOf, type ListItem } from '../register/listItems';
import { escapeODataString, pathSegment, queryString } from '../client/odata';
import { NON_INDEXED_QUERIES, pageAll } from '../client/paging';

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

function isStatus(error: unknown, ...statuses: number[]): error is GraphError {
  return error instanceof GraphError && statuses.includes(error.status);
}

function sameFields(a: Incident, b: Incident): boolean {
  return JSON.stringify(incidentToFields(a)) === JSON.stringify(incidentToFields(b));
}

export function toStoredIncident(item: ListItem): StoredIncident {
  return { id: item.id, eTag: eTagOf(item), incident: fieldsToIncident(item.fields ?? {}) };
}

export function openIncidentStore(client: GraphClient, location: IncidentListLocation, options: IncidentStoreOptions = {}): IncidentStore {
  const items = `/sites/${pathSegment(location.siteId)}/lists/${pathSegment(location.listId)}/items`;
  const itemUrl = (id: string) => `${items}/${pathSegment(id)}`;
  const expand = `fields(select=${INCIDENT_FIELD_NAMES.join(',')})`;
  const pageSize = options.pageSize ?? 500;
  const maxAttempts = options.maxAttempts ?? 5;

  function readable(list: ListItem[]): StoredIncident[] {
    const out: StoredIncident[] = [];
    for (const item of list) {
      try {
        out.push(toStoredIncident(item));
      } catch (error) {
        if (!(error instanceof IncidentDataError)) throw error;
        options.onUnreadable?.(item.id, error);
      }
    }
    return out;
  }

  async function get(id: string): Promise<StoredIncident> {
    return toStoredIncident((await client.api(`${itemUrl(id)}${queryString({ expand })}`).get()) as ListItem);
  }

  async function getOrNull(id: string): Promise<StoredIncident | null> {
    try {
      return await get(id);
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  async function findByKey(key: string): Promise<StoredIncident | null> {
    const filter = `fields/IncidentKey eq '${escapeODataString(key)}'`;
    const found = await pageAll<ListItem>(client, `${items}${queryString({ $filter: filter, expand, $top: 2 })}`, [], NON_INDEXED_QUERIES);
    return found[0] ? toStoredIncident(found[0]) : null;
  }

  async function create(incident: Incident): Promise<StoredIncident> {
    try {
      const created = (await client.api(items).post({ fields: incidentToFields(incident) })) as ListItem;
      return created.fields ? toStoredIncident(created) : await get(created.id);
    } catch (error) {
      // 409: the unique IncidentKey exists, so an earlier attempt (or a second click) made it.
      if (!isAmbiguousFailure(error) && !isStatus(error, 409)) throw error;
      const existing = await findByKey(incident.key);
      if (existing) return existing;
      throw error;
    }
  }

  async function change(stored: StoredIncident, apply: (incident: Incident) => Incident): Promise<StoredIncident> {
    let current = stored;
    for (let attempt = 1; ; attempt += 1) {
      const next = apply(current.incident);
      if (sameFields(next, current.incident)) return current;
      try {
        await client.api(`${itemUrl(current.id)}/fields`).header('If-Match', current.eTag).patch(incidentToFields(next));
        return await get(current.id);
      } catch (error) {
        if (!isStatus(error, 409, 412) && !isAmbiguousFailure(error)) throw error;
        // Someone else wrote first, or we do not know whether our write landed: read it again and
        // re-apply. A write that did land re-applies to no difference (the change is idempotent).
        const fresh = await getOrNull(current.id);
        if (fresh === null) throw new IncidentGoneError(current.incident.key);
        if (attempt >= maxAttempts) {
          if (sameFields(apply(fresh.incident), fresh.incident)) return fresh;
          throw new IncidentBusyError(fresh);
        }
        current = fresh;
      }
    }
  }

  return {
    location,
    list: async () => readable(await pageAll<ListItem>(client, `${items}${queryString({ $top: pageSize, expand })}`)),
    listOpen: async () =>
      readable(await pageAll<ListItem>(client, `${items}${queryString({ $filter: "fields/State eq 'Open'", $top: pageSize, expand })}`, [], NON_INDEXED_QUERIES)),
    get,
    findByKey,
    create,
    change,
  };
}
