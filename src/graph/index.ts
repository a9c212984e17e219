/**
 * The Graph layer: the only code that speaks Microsoft Graph, in rooms by resource: client (transport),
 * lists (find or provision any practice list), register, people, teams, and the practice's other lists
 * (access, change, incidents, incident cards, dependencies).
 */
export * from './client';
export * from './register';
export * from './people';
export * from './teams';
export * from './types';
export * from './lists';
export * from './change';
