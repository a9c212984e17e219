/**
 * An entry's versions in a practice's register, for "overdue reviews over time" across the network:
 * `GET /sites/{site}/lists/{list}/items/{item}/versions?expand=fields` (listitem-list-versions.md),
 * newest first, every page. A network reader has read access to the practice's site.
 */
import { pageAll, pathSegment, queryString, type GraphClient } from '../client';
import { newestFirst, toEntryVersion, type ListItemVersion } from '../register';
import type { EntryVersion } from '../types';

/** @throws GraphError (404 when the item is gone; 403 without access) / NetworkError. */
export async function readEntryVersions(client: GraphClient, practiceSiteId: string, registerListId: string, itemId: string): Promise<EntryVersion[]> {
  const url = `/sites/${pathSegment(practiceSiteId)}/lists/${pathSegment(registerListId)}/items/${pathSegment(itemId)}/versions${queryString({ expand: 'fields' })}`;
  return (await pageAll<ListItemVersion>(client, url)).map(toEntryVersion).sort(newestFirst);
}
