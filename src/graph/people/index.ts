/** The people room: the team's members, the directory and people searches, and owners matched on import. */
export * from './directory';
export * from './people';
export * from './importOwners';
