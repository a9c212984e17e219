/** Exports: the register as tables, DSPT 7.1.1 evidence, the ICB summary and the downtime pack. */
export * from './registerTable';
export * from './evidence';
export * from './downtimePack';
export * from './printRecord';
export * from './incidentEvidence';
export * from './changeEvidence';
