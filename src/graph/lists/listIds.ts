/**
 * Every practice list's id, found by display name in ONE request of the site's lists:
 * `GET /sites/{site-id}/lists?$select=id,displayName` (api-reference/v1.0/api/list-list.md; covered by
 * any Sites.Selected grant on the site). Paged, in case a site has more lists than one page holds.
 */
import type { List } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client';
import { pathSegment, queryString, pageAll } from '../client';

/** List ids by display name (SharePoint keeps display names unique within a site). */
export type PracticeListIds = ReadonlyMap<string, string>;

/** @returns the id of every list in the site, by display name. @throws GraphError / NetworkError. */
export async function findPracticeListIds(client: GraphClient, siteId: string): Promise<PracticeListIds> {
  const lists = await pageAll<Pick<List, 'displayName'> & { id: string }>(
    client,
    `/sites/${pathSegment(siteId)}/lists${queryString({ $select: 'id,displayName' })}`,
  );
  return new Map(lists.flatMap((list) => (list.displayName ? [[list.displayName, list.id] as const] : [])));
}
