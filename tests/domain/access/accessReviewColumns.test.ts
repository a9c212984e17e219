/**
 * Every field of an access review is plain, one schema row each: the list's columns, the field
 * names the store selects and the fields written all come from the rows; reading stays with zod.
 */
import {
  ACCESS_REVIEW_FIELD_NAMES,
  ACCESS_REVIEW_SCHEMA,
  ACCESS_REVIEWS_LIST,
  accessReviewToFields,
  fieldsToAccessReview,
  type AccessReviewRecord,
} from '../../../src/domain/access';
import { exportTable, schemaProblems } from '../../../src/domain/schema';
import { columnSummary, expectColumnsFromRows } from '../lists/listFromRows';

const review: AccessReviewRecord = {
  key: 'rev-1', entryId: '9', serviceTitle: 'Docman', reviewedOn: '2026-06-01', reviewedBy: 'Grace Lee', accountsChecked: 12, accountsRemoved: 2, notes: 'Two leavers.',
};

test('the columns and the field names are the schema rows’, Title (the service) first', () => {
  expectColumnsFromRows(ACCESS_REVIEWS_LIST, ACCESS_REVIEW_SCHEMA, []);
  expect(ACCESS_REVIEW_FIELD_NAMES).toEqual(['Title', ...ACCESS_REVIEWS_LIST.columns.map((column) => column.name)]);
  expect(ACCESS_REVIEWS_LIST.columns.map(columnSummary)).toEqual([
    'ReviewKey | Review key | text indexed unique',
    'EntryId | Register entry id | text indexed',
    'ReviewedOn | Reviewed on | date indexed',
    'ReviewedBy | Reviewed by | text',
    'AccountsChecked | Accounts checked | number',
    'AccountsRemoved | Accounts removed | number',
    'ReviewNotes | Notes | note',
  ]);
});

test('a review is written as its rows say and reads back', () => {
  const fields = accessReviewToFields(review);
  expect(fields).toEqual({
    Title: 'Docman', ReviewKey: 'rev-1', EntryId: '9', ReviewedOn: '2026-06-01T12:00:00Z', ReviewedBy: 'Grace Lee', AccountsChecked: 12, AccountsRemoved: 2, ReviewNotes: 'Two leavers.',
  });
  expect(fieldsToAccessReview(JSON.parse(JSON.stringify(fields)))).toEqual(review);
  // The counts are coerced by zod, so a count held as text still reads; a fraction does not.
  expect(fieldsToAccessReview({ ...fields, AccountsChecked: '12', ReviewNotes: null, ReviewedOn: '2026-05-31T23:00:00Z' })).toEqual({ ...review, notes: '' });
  expect(fieldsToAccessReview({ ...fields, AccountsRemoved: 1.5 })).toBeNull();
});

test('the counts are whole-number rows: their text and their rule follow from the kind', () => {
  expect(exportTable(ACCESS_REVIEW_SCHEMA, [review])[1]).toEqual(['Docman', 'rev-1', '9', '01/06/2026', 'Grace Lee', '12', '2', 'Two leavers.']);
  expect(schemaProblems(ACCESS_REVIEW_SCHEMA, review, '2026-06-15')).toEqual({});
  expect(schemaProblems(ACCESS_REVIEW_SCHEMA, { ...review, accountsChecked: -1, accountsRemoved: 1.5 }, '2026-06-15')).toEqual({
    accountsChecked: 'Accounts checked must be a whole number, 0 or more', accountsRemoved: 'Accounts removed must be a whole number, 0 or more',
  });
});
