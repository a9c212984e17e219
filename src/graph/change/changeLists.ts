/**
 * Where the change records live: found by name among the site's lists with the one request every
 * practice list uses (`findPracticeListIds`, src/graph/lists). A missing list means setup has not
 * brought the register up to date; the feature says so rather than creating it (that needs a team
 * owner and the right grant, which setup asks for).
 */
import { CHANGES_LIST } from '@domain/change';
import type { GraphClient } from '../client';
import { findPracticeListIds, type PracticeListIds } from '../lists';
import { openChangeStore, type ChangeStore } from './changeStore';

/**
 * @param known the site's list ids when already read.
 * @returns the store, or null when the list is missing from the site.
 * @throws GraphError / NetworkError.
 */
export async function openChangeStoreIn(client: GraphClient, siteId: string, known?: PracticeListIds): Promise<ChangeStore | null> {
  const ids = known ?? (await findPracticeListIds(client, siteId));
  const listId = ids.get(CHANGES_LIST.name);
  return listId === undefined ? null : openChangeStore(client, { siteId, listId });
}
