/** PCN-shared services (issue 18): a member practice's reads of the entries its PCN keeps once. */
export * from './sharedEntries';
