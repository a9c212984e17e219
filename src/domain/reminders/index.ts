/** Review-due reminders: the policy (what is due, for whom, with a ledger key) and the channel digest card. */
export * from './reminderPolicy';
export * from './markdown';
export * from './digestCard';
export * from './entryLink';
