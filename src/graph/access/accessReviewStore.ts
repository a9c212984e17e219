/**
 * Access review records in the practice's "Digital Services Access Reviews" list (src/domain/access).
 * Records are only created, never edited: a review is a record of something done.
 *
 * - list:   `GET /sites/{site-id}/lists/{list-id}/items?expand=fields(select=...)` (api-reference/v1.0/api/listitem-list.md)
 * - create: `POST /sites/{site-id}/lists/{list-id}/items` (listitem-create.md); idempotent by the unique
 *   ReviewKey: a 409 or an unknown outcome is settled by looking the key up (`$filter` on the indexed column).
 */
import { ACCESS_REVIEW_FIELD_NAMES, accessReviewToFields, fieldsToAccessReview, type AccessReviewRecord, type StoredAccessReview } from '@domain/access';
import type { GraphClient } from '../client';
import { openItemStore } from '../lists';
import { eTagOf, type ListItem } from '../register';
import type { ListLocation } from './checklistStore';

export interface AccessReviewStore {
  /** Every readable record (an item edited by hand into something unreadable is left out). */
  list(): Promise<StoredAccessReview[]>;
  create(review: AccessReviewRecord): Promise<StoredAccessReview>;
}

function toStored(item: ListItem): StoredAccessReview | null {
  const review = fieldsToAccessReview(item.fields ?? {});
  return review ? { id: item.id, eTag: eTagOf(item), review } : null;
}

export function openAccessReviewStore(client: GraphClient, location: ListLocation): AccessReviewStore {
  const items = openItemStore<StoredAccessReview | null, AccessReviewRecord, ListItem>(client, {
    location,
    fieldNames: ACCESS_REVIEW_FIELD_NAMES,
    keyColumn: 'ReviewKey',
    fromItem: toStored,
    toFields: accessReviewToFields,
  });

  return {
    async list() {
      const { records } = await items.list({ expand: items.expand, $top: 500 });
      return records.filter((stored): stored is StoredAccessReview => stored !== null);
    },
    // The record just written is the review as given: nothing to read back.
    create: (review) => items.createOnce(review, review.key, (created) => ({ id: created.id, eTag: eTagOf(created), review })),
  };
}
