/** People and access (issue 17): checklist and access review stores, and the actions that also change an entry. */
export * from './checklistStore';
export * from './accessReviewStore';
export * from './accessActions';
export * from './accessLists';
