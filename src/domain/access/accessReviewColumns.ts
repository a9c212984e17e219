/**
 * The access reviews list ("Digital Services Access Reviews"): one item per access review of a
 * service (who reviewed, when, how many accounts were checked and how many removed), and its
 * mapping to and from list item fields. Items are only ever created (a review is a record of
 * something done); ReviewKey, unique and indexed, makes a retried create find the first one.
 * The numbers are number columns, checked with zod on the way back in.
 */
import * as z from 'zod/mini';
import type { ListDefinition } from '../lists/listDefinition';
import { dateToField, fieldToDate, type ListItemFields } from '../registerFields';
import type { AccessReviewRecord } from './accessReview';

export const ACCESS_REVIEWS_LIST_NAME = 'Digital Services Access Reviews';

export const ACCESS_REVIEWS_LIST: ListDefinition = {
  name: ACCESS_REVIEWS_LIST_NAME,
  description: 'Access reviews of the services in the Digital Services Register: who reviewed, accounts checked and removed. Written by the register tab.',
  columns: [
    { name: 'ReviewKey', displayName: 'Review key', kind: 'text', indexed: true, enforceUniqueValues: true },
    { name: 'EntryId', displayName: 'Register entry id', kind: 'text', indexed: true },
    { name: 'ReviewedOn', displayName: 'Reviewed on', kind: 'date', indexed: true },
    { name: 'ReviewedBy', displayName: 'Reviewed by', kind: 'text' },
    { name: 'AccountsChecked', displayName: 'Accounts checked', kind: 'number' },
    { name: 'AccountsRemoved', displayName: 'Accounts removed', kind: 'number' },
    { name: 'ReviewNotes', displayName: 'Notes', kind: 'note' },
  ],
};

export const ACCESS_REVIEW_FIELD_NAMES: readonly string[] = ['Title', ...ACCESS_REVIEWS_LIST.columns.map((column) => column.name)];

const count = z.coerce.number().check(z.multipleOf(1), z.gte(0));
const fieldsSchema = z.object({
  Title: z._default(z.string(), ''),
  ReviewKey: z.string().check(z.minLength(1)),
  EntryId: z.string().check(z.minLength(1)),
  ReviewedBy: z._default(z.string(), ''),
  AccountsChecked: count,
  AccountsRemoved: count,
  ReviewNotes: z._default(z.nullable(z.string()), ''),
});

export function accessReviewToFields(review: AccessReviewRecord): ListItemFields {
  return {
    // Title is the service's name, so the list reads sensibly in SharePoint.
    Title: review.serviceTitle,
    ReviewKey: review.key,
    EntryId: review.entryId,
    ReviewedOn: dateToField(review.reviewedOn),
    ReviewedBy: review.reviewedBy,
    AccountsChecked: review.accountsChecked,
    AccountsRemoved: review.accountsRemoved,
    ReviewNotes: review.notes,
  };
}

/** @returns the record, or null when the item is not one the register can read (edited by hand). */
export function fieldsToAccessReview(fields: ListItemFields): AccessReviewRecord | null {
  const parsed = fieldsSchema.safeParse(fields);
  const reviewedOn = fieldToDate(fields.ReviewedOn);
  if (!parsed.success || reviewedOn === null) return null;
  const data = parsed.data;
  return {
    key: data.ReviewKey, entryId: data.EntryId, serviceTitle: data.Title, reviewedOn, reviewedBy: data.ReviewedBy,
    accountsChecked: data.AccountsChecked, accountsRemoved: data.AccountsRemoved, notes: data.ReviewNotes ?? '',
  };
}
