/**
 * People and access (issue 17): joiner, leaver and role-change checklists built from the register,
 * handovers, access reviews, who holds admin rights, and the DSPT access evidence. Pure: today and
 * every instant are passed in.
 */
export * from './checklist';
export * from './checklistRisks';
export * from './checklistColumns';
export * from './accessReview';
export * from './accessReviewColumns';
export * from './adminRights';
export * from './accessEvidence';
