/** The Teams room: channels, channel messages (the digest, delegated) and activity-feed notifications. */
export * from './channelMessages';
export * from './activityNotifications';
export * from './channels';
