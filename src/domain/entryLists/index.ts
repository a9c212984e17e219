/** The register entry's structured lists: stored as JSON (entryJson), read as one line of text (listText). */
export * from './entryJson';
export * from './listText';
export * from './listValidation';
