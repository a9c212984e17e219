/** PCN-shared services (issue 18): kept once in the PCN's register, linked from each member practice's. */
export * from './sharedLink';
export * from './resolveShared';
export * from './linking';
