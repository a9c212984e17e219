/**
 * Access review records in the practice's "Digital Services Access Reviews" list (src/domain/access).
 * Records are only created, never edited: a review is a record of something done.
 *
 * - list:   `GET /sites/{site-id}/lists/{list-id}/items?expand=fields(select=...)` (api-reference/v1.0/api/listitem-list.md)
 * - create: `POST /sites/{site-id}/lists/{list-id}/items` (listitem-create.md); idempotent by the unique
 *   ReviewKey: a 409 or an unknown outcome is settled by looking the key up (`$filter` on the indexed column).
 */
import { ACCESS_REVIEW_FIELD_NAMES, accessReviewToFields, fieldsToAccessReview, type AccessReviewRecord, type StoredAccessReview } from '../../domain/access';
import type { GraphClient } from '../client/client';
import { GraphError, isAmbiguousFailure } from '../client/errors';
import { eTagOf, type ListItem } from '../register/listItems';
import { escapeODataString, pathSegment, queryString } from '../client/odata';
import { NON_INDEXED_QUERIES, pageAll } from '../client/paging';
import type { ListLocation } from './checklistStore';

export interface AccessReviewStore {
  /** Every readable record (an item edited by hand into something unreadable is left out). */
  list(): Promise<StoredAccessReview[]>;
  create(review: AccessReviewRecord): Promise<StoredAccessReview>;
}

const EXPAND = `fields(select=${ACCESS_REVIEW_FIELD_NAMES.join(',')})`;

function toStored(item: ListItem): StoredAccessReview | null {
  const review = fieldsToAccessReview(item.fields ?? {});
  return review ? { id: item.id, eTag: eTagOf(item), review } : null;
}

export function openAccessReviewStore(client: GraphClient, location: ListLocation): AccessReviewStore {
  const items = `/sites/${pathSegment(location.siteId)}/lists/${pathSegment(location.listId)}/items`;

  async function findByKey(key: string): Promise<StoredAccessReview | null> {
    const filter = `fields/ReviewKey eq '${escapeODataString(key)}'`;
    const found = await pageAll<ListItem>(client, `${items}${queryString({ $filter: filter, expand: EXPAND, $top: 2 })}`, [], NON_INDEXED_QUERIES);
    return found[0] ? toStored(found[0]) : null;
  }

  return {
    async list() {
      const all = await pageAll<ListItem>(client, `${items}${queryString({ expand: EXPAND, $top: 500 })}`);
      return all.map(toStored).filter((stored): stored is StoredAccessReview => stored !== null);
    },
    async create(review) {
      try {
        const created = (await client.api(items).post({ fields: accessReviewToFields(review) })) as ListItem;
        return { id: created.id, eTag: eTagOf(created), review };
      } catch (error) {
        if (!(error instanceof GraphError && error.status === 409) && !isAmbiguousFailure(error)) throw error;
        const existing = await findByKey(review.key);
        if (existing) return existing;
        throw error;
      }
    },
  };
}
