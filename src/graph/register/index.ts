/**
 * The register room: the register list's items (store, fields, columns, delta, versions), the
 * practice's settings and audit log, the batched start-up, and the signed-in workspace (me, teams,
 * the team's site).
 */
export * from './registerStore';
export * from './workspace';
export * from './registerDelta';
export * from './startup';
export * from './registerSettings';
export * from './auditLog';
export * from './listItems';
