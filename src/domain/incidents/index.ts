/** Incidents (issue 16): the contract, keys, pure operations (clock passed in), open incidents and what they affect, list columns and fields, channel cards. */
export * from './incident';
export * from './keys';
export * from './operations';
export * from './duration';
export * from './openIncidents';
export * from './incidentColumns';
export * from './incidentFields';
export * from './card';
export * from './updateCard';
export { telLink, mailtoLink } from './cardParts';
