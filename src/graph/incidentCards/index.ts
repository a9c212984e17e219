/** The service's look into the practice channel for an incident card it may already have posted (RSC ChannelMessage.Read.Group). */
export * from './findCard';
