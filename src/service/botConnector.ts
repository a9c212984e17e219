/**
 * The digest's channel post: now through the Teams SDK's Bot Connector client, with the allowed-hosts
 * check before any token is sent (bot/proactive.ts). Kept as the module other tools import.
 */
export { BotPostError, conversationBody, postProactiveCard, type BotConnectorDeps, type ProactivePost } from './bot/proactive';
