/**
 * A member practice's reads of its PCN's register (issue 18): the entries the PCN keeps once and the
 * practice links to. The practice's team is a Visitor of the PCN's site (read), so these are reads
 * only; the PCN edits its own register in its own tab.
 *
 * - the PCN's register by name: `GET /sites/{id}/lists?$select=id,displayName` (list-list.md)
 * - the linked items: `GET /sites/{id}/lists/{list}/items/{item}?expand=fields(select=...)`
 *   (listitem-get.md), at most 20 to a `POST /$batch` (json-batching.md); a 404 (deleted at the PCN) is absent
 * - the PCN's shareable services: the register's items (listitem-list.md), filtered in the domain:
 *   a register is a few hundred items, and Provision is not an indexed column to filter on
 */
import { REGISTER_LIST_NAME, type StoredEntry } from '@domain';
import { shareableEntries } from '@domain/sharedServices';
import { batchSlices, pageAll, pathSegment, queryString, type GraphClient } from '../client';
import { findPracticeListIds } from '../lists';
import { batchGet, registerListPath, toStoredEntry, type ListItem } from '../register';

const PAGE_SIZE = 500;
/**
 * Every field, not a select of ours: the PCN's register may not have been brought up to date with
 * the newest columns, and a select naming a column a list lacks is refused (graph/register startup.ts).
 */
const ALL_FIELDS = 'fields';

/** @returns the PCN register's list id, or null when the PCN's site has no register. @throws GraphError / NetworkError. */
export async function findSharedRegister(client: GraphClient, networkSiteId: string): Promise<string | null> {
  return (await findPracticeListIds(client, networkSiteId)).get(REGISTER_LIST_NAME) ?? null;
}

/**
 * The PCN entries `itemIds` names, by item id; an id the PCN has deleted (or a site without a
 * register) is absent, so the practice's row says the PCN's entry is unavailable.
 * @throws GraphError / NetworkError (403 when the practice is not a Visitor of the PCN's site).
 */
export async function readSharedEntries(client: GraphClient, networkSiteId: string, itemIds: readonly string[]): Promise<Map<string, StoredEntry>> {
  const found = new Map<string, StoredEntry>();
  const wanted = [...new Set(itemIds.filter((id) => /^\d+$/.test(id)))];
  if (wanted.length === 0) return found;
  const listId = await findSharedRegister(client, networkSiteId);
  if (listId === null) return found;
  const listPath = registerListPath({ siteId: networkSiteId, listId });
  const batches = batchSlices(wanted);
  // Sent in parallel: one round trip however many batches (a PCN shares a handful of services).
  const answers = await Promise.all(
    batches.map((ids) =>
      batchGet(client, Object.fromEntries(ids.map((id) => [`item-${id}`, `${listPath}/items/${pathSegment(id)}${queryString({ expand: ALL_FIELDS })}`]))),
    ),
  );
  for (const answer of answers) {
    for (const body of Object.values(answer)) {
      if (body === null || typeof body !== 'object') continue;
      const stored = toStoredEntry(body as ListItem);
      found.set(stored.id, stored);
    }
  }
  return found;
}

/** The PCN's services a member practice may link to ('pcn-shared', not retired), by name. @throws GraphError / NetworkError. */
export async function listShareableServices(client: GraphClient, networkSiteId: string): Promise<StoredEntry[]> {
  const listId = await findSharedRegister(client, networkSiteId);
  if (listId === null) return [];
  const path = `${registerListPath({ siteId: networkSiteId, listId })}/items${queryString({ expand: ALL_FIELDS, $top: PAGE_SIZE })}`;
  return shareableEntries((await pageAll<ListItem>(client, path)).map(toStoredEntry));
}
