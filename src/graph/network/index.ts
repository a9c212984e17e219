/**
 * The network room (issue 18): a PCN's or ICB's view across its member practices. The network's own
 * site (its roster and its notes to practices), a practice's opt-in in its own settings, and the
 * batched, delta-cached load of every opted-in practice's register (docs/network.md).
 */
export * from './networkHome';
export * from './roster';
export * from './membership';
export * from './comments';
export { loadNetwork, loadPractice, type CachedPractice, type NetworkDeltaCache, type NetworkLoadOptions } from './loadNetwork';
export { readEntryVersions } from './entryVersions';
