/** People: owner-picker candidates, search text, ranking and owner-left rules. */
export * from './personCandidate';
export * from './query';
export * from './ranking';
export * from './ownerStatus';
export * from './teamMembersSeen';
