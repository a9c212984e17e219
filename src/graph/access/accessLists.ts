/**
 * Where the checklists and access reviews live: found by name among the site's lists with HL's one
 * request (`findPracticeListIds`, src/graph/lists). A list that is not there yet means setup has not
 * brought the register up to date; features say so rather than creating lists themselves (creating
 * a list needs a team owner and the right grant, which setup asks for).
 */
import { ACCESS_REVIEWS_LIST, CHECKLISTS_LIST } from '@domain/access';
import type { GraphClient } from '../client';
import { findPracticeListIds, type PracticeListIds } from '../lists';
import { openAccessReviewStore, type AccessReviewStore } from './accessReviewStore';
import { openChecklistStore, type ChecklistStore } from './checklistStore';

export interface AccessStores {
  readonly checklists: ChecklistStore;
  readonly reviews: AccessReviewStore;
}

/**
 * @param known the site's list ids when already read.
 * @returns both stores, or null when either list is missing from the site.
 * @throws GraphError / NetworkError.
 */
export async function openAccessStores(client: GraphClient, siteId: string, known?: PracticeListIds): Promise<AccessStores | null> {
  const ids = known ?? (await findPracticeListIds(client, siteId));
  const checklistsId = ids.get(CHECKLISTS_LIST.name);
  const reviewsId = ids.get(ACCESS_REVIEWS_LIST.name);
  if (checklistsId === undefined || reviewsId === undefined) return null;
  return {
    checklists: openChecklistStore(client, { siteId, listId: checklistsId }),
    reviews: openAccessReviewStore(client, { siteId, listId: reviewsId }),
  };
}
