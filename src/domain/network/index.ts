/** Across practices: a PCN's or ICB's view of its member practices' registers (docs/network.md). */
export * from './membership';
export * from './networkLists';
export * from './practiceLoad';
export * from './incidentSummary';
export * from './rollup';
