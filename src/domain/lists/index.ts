/**
 * The practice's SharePoint lists, described once each (see listDefinition.ts), and PRACTICE_LISTS,
 * which gathers every feature's list. Feature definitions (access, change, incidents) import
 * ListDefinition from './listDefinition' directly, never from this index: practiceLists imports them,
 * so going through the index would make an import cycle.
 */
export * from './listColumn';
export * from './listDefinition';
export * from './coreLists';
export * from './practiceLists';
