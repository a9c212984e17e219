/**
 * Importing a spreadsheet into the register: prepare (plan the rows, match owners in the directory,
 * decide each duplicate), run (create or merge each row through the register store, idempotently),
 * then link the rows' "depends on" to each other. Use cases: they need a register store and the
 * people search, and speak no Graph of their own.
 */
export * from './importRunner';
export * from './importSession';
export * from './importLinks';
