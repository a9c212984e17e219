/**
 * The Graph client room: the factory and its middleware (auth, retry, pacing, timeout, errors), the
 * one retry policy, paging, OData helpers, errors and the delegated scopes.
 */
export * from './client';
export * from './errors';
export * from './paging';
export * from './odata';
export * from './scopes';
export { retryAfterMs } from './retryAfter';
export * from './batch';
export * from './resourceUnits';
