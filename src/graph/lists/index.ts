/**
 * The practice's SharePoint lists (issue 15's `lists` room): find every list by name in one request,
 * find or create one list, add the columns an older list lacks, and check or bring all of them up to
 * date. Every list is described by a ListDefinition (src/domain/lists).
 */
export * from './listIds';
export * from './provision';
export * from './columns';
export * from './upToDate';
export * from './conflictPause';
