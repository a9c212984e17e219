/** The ten maturity questions and the counts behind the overview. */
export * from './questions';
export * from './counts';
export * from './downtimeUsed';
export * from './recordAnswers';
