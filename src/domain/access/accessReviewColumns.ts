/**
 * The access reviews list ("Digital Services Access Reviews"): one item per access review of a
 * service (who reviewed, when, how many accounts were checked and how many removed), and its
 * mapping to and from list item fields. Items are only ever created (a review is a record of
 * something done); ReviewKey, unique and indexed, makes a retried create find the first one.
 * Every field is plain: one row of ACCESS_REVIEW_SCHEMA each, from which the columns, the field
 * names and the writing are derived. Reading stays with zod (fieldsToAccessReview).
 */
import * as z from 'zod/mini';
import type { ListDefinition } from '../lists/listDefinition';
import { fieldToDate, type ListItemFields } from '../registerFields';
import { columnsOf, fieldNamesOf, toListFields } from '../schema/deriveList';
import { NO_HEADERS, TEXT_KIND as TEXT, entryIdRow, recordKeyRow, type RecordSchema } from '../schema/fieldSchema';
import type { AccessReviewRecord } from './accessReview';

export const ACCESS_REVIEWS_LIST_NAME = 'Digital Services Access Reviews';

const COUNT = { type: 'number', min: 0 } as const;

/** Every field in the list's column order. No spreadsheet import reads this list, hence no headers. */
export const ACCESS_REVIEW_SCHEMA: RecordSchema<AccessReviewRecord> = {
  rows: [
    // Title is the service's name, so the list reads sensibly in SharePoint.
    { key: 'serviceTitle', label: 'Service', group: 'Record', hint: "The service's name when reviewed.", kind: TEXT, headers: NO_HEADERS, column: { name: 'Title' } },
    recordKeyRow('Review key', 'ReviewKey', "'rev-' and a GUID made once per form, so a retried create finds the first."),
    entryIdRow("The reviewed service's register list item id."),
    {
      key: 'reviewedOn', label: 'Reviewed on', group: 'Review', hint: 'The day the accounts were checked.',
      kind: { type: 'date', noun: 'Review date', pastOnly: true }, headers: NO_HEADERS, column: { name: 'ReviewedOn', indexed: true },
    },
    { key: 'reviewedBy', label: 'Reviewed by', group: 'Review', hint: 'Who reviewed.', kind: TEXT, headers: NO_HEADERS, column: { name: 'ReviewedBy' } },
    { key: 'accountsChecked', label: 'Accounts checked', group: 'Review', hint: 'How many accounts were checked.', kind: COUNT, headers: NO_HEADERS, column: { name: 'AccountsChecked' } },
    { key: 'accountsRemoved', label: 'Accounts removed', group: 'Review', hint: 'How many of them were removed.', kind: COUNT, headers: NO_HEADERS, column: { name: 'AccountsRemoved' } },
    { key: 'notes', label: 'Notes', group: 'Review', hint: 'Anything the next reviewer should know.', kind: { type: 'note' }, headers: NO_HEADERS, column: { name: 'ReviewNotes' } },
  ],
  groups: ['Review', 'Record'],
};

export const ACCESS_REVIEWS_LIST: ListDefinition = {
  name: ACCESS_REVIEWS_LIST_NAME,
  description: 'Access reviews of the services in the Digital Services Register: who reviewed, accounts checked and removed. Written by the register tab.',
  columns: columnsOf(ACCESS_REVIEW_SCHEMA),
};

export const ACCESS_REVIEW_FIELD_NAMES: readonly string[] = fieldNamesOf(ACCESS_REVIEW_SCHEMA);

/**
 * Reading stays with zod rather than the rows' readers: an item edited by hand into a count that is
 * not a whole number, or without its key, is refused whole (null) instead of read with defaults.
 */
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
  return toListFields(ACCESS_REVIEW_SCHEMA, review);
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
