/** The Graph layer: the only code that speaks Microsoft Graph. */
export * from './client';
export * from './errors';
export * from './paging';
export * from './odata';
export * from './registerStore';
export * from './workspace';
export * from './directory';
export * from './registerColumns';
export * from './registerFields';
export * from './types';
export { retryAfterMs } from './retryAfter';
export * from './people';
export * from './reminderLedger';
export * from './channelMessages';
export * from './activityNotifications';
export * from './scopes';
export * from './registerDelta';
export * from './startup';
