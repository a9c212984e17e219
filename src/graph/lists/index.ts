/**
 * The practice's SharePoint lists (issue 15's `lists` room): find every list by name in one request,
 * find or create one list, add the columns an older list lacks, and check or bring all of them up to
 * date; and the list-item plumbing every store shares (get, find by key, create once by key, If-Match
 * writes re-applied on conflict). Every list is described by a ListDefinition (src/domain/lists).
 */
export * from './listIds';
export * from './provision';
export * from './columns';
export * from './upToDate';
export * from './conflictPause';
export * from './itemStore';
