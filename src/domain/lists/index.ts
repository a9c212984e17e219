/**
 * The practice's SharePoint lists, described once each (see listDefinition.ts). PRACTICE_LISTS, which
 * gathers every feature's list, is imported from './practiceLists' directly: feature definitions
 * import ListDefinition from here, so re-exporting it would make an import cycle.
 */
export * from './listDefinition';
export * from './coreLists';
