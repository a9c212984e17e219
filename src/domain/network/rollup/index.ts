/**
 * The roll-up across a network's practices (docs/network.md): side by side, systems across the
 * network, question coverage, overdue reviews over time, the ICB review packs and DSPT 7.1.1 status.
 * Pure: the practices' loaded registers and `today` are passed in.
 */
export * from './practiceRows';
export * from './sideBySide';
export * from './sortSideBySide';
export * from './systemsAcross';
export * from './coverage';
export * from './overdueOverTime';
export * from './dsptStatus';
export * from './reviewPackTypes';
export { appendixRow, practiceFacts, type PracticeFacts } from './practiceFacts';
export * from './practicePack';
export * from './networkPack';
export * from './packSheets';
