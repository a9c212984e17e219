/** Incidents: the contract, pure operations (clock passed in), keys, list columns and channel cards. */
export * from './incident';
