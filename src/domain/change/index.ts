/**
 * Change and go-live (issue 17): the go-live gate, change records with their workload check, the
 * changes list's columns, and what the records mean for risk flags. Pure: today and every instant
 * are passed in.
 */
export * from './changeRecord';
export * from './goLiveGate';
export * from './changeColumns';
export * from './changeRisks';
