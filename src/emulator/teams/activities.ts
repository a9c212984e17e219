/**
 * The activities Teams sends a bot when its app is installed in a team, uninstalled, or the team is
 * renamed or deleted, shaped as msteams-docs documents them
 * (msteams-platform/bots/how-to/conversations/subscribe-to-conversation-events.md: "Installation
 * update event", "Team renamed", "Team deleted"):
 *
 * - installationUpdate, action add|remove: conversation = the team's General channel thread,
 *   channelData.team {id: thread id, aadGroupId, name}, channelData.settings.selectedChannel (the
 *   channel picked at install), channelData.tenant, from = the person who did it.
 * - conversationUpdate with channelData.eventType teamRenamed|teamDeleted and channelData.team.
 *
 * And their delivery: POST to the messaging endpoint registered for the app, with a channel token.
 */
import { randomUUID } from 'node:crypto';
import type { BotInstallation } from '../model/installations';
import type { EmulatorState } from '../model/state';
import type { ChannelDoc, TeamDoc } from '../model/teams';
import { channelToken } from './signing';

/** The thread id Teams uses for a team: its General channel's id (or a stable stand-in when there is none). */
export function teamThreadId(state: EmulatorState, team: TeamDoc): string {
  const channels = state.storage.list<ChannelDoc>('channel', team.id);
  return channels.find((c) => c.displayName === 'General')?.id ?? `19:${team.id.replace(/-/g, '')}@thread.tacv2`;
}

interface Common {
  readonly appId: string;
  readonly appName: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly fromUserId: string | null;
}

function base(state: EmulatorState, team: TeamDoc, common: Common) {
  const thread = teamThreadId(state, team);
  return {
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: common.serviceUrl,
    from: common.fromUserId ? { id: `29:${common.fromUserId}`, aadObjectId: common.fromUserId } : { id: '29:unknown' },
    recipient: { id: `28:${common.appId}`, name: common.appName },
    conversation: { isGroup: true, conversationType: 'channel', tenantId: common.tenantId, id: thread },
    channelData: { team: { id: thread, aadGroupId: team.id, name: team.displayName }, tenant: { id: common.tenantId } } as Record<string, unknown>,
  };
}

export function installationActivity(state: EmulatorState, team: TeamDoc, install: BotInstallation, action: 'add' | 'remove', common: Omit<Common, 'tenantId' | 'appId'>): Record<string, unknown> {
  const activity = base(state, team, { ...common, appId: install.appId, tenantId: install.tenantId });
  activity.channelData = { ...activity.channelData, channel: { id: activity.conversation.id }, settings: { selectedChannel: { id: install.channelId } }, source: { name: 'message' } };
  return { ...activity, type: 'installationUpdate', action };
}

export function teamEventActivity(state: EmulatorState, team: TeamDoc, eventType: 'teamRenamed' | 'teamDeleted', common: Common): Record<string, unknown> {
  const activity = base(state, team, common);
  activity.channelData = { ...activity.channelData, eventType };
  return { ...activity, type: 'conversationUpdate' };
}

export interface Delivery {
  /** The bot's HTTP status, or null when no endpoint is registered or it could not be reached. */
  readonly status: number | null;
  readonly detail: string;
}

/** Where each app's bot listens (registered with PUT /emulator/teams/bot-endpoint). Kept as a 'meta' document. */
export function botEndpointOf(state: EmulatorState, appId: string): string | null {
  return state.storage.get<{ url: string }>('meta', `botEndpoint/${appId}`)?.url ?? null;
}

export function setBotEndpoint(state: EmulatorState, appId: string, url: string | null): void {
  if (url === null) state.storage.delete('meta', `botEndpoint/${appId}`);
  else state.storage.put('meta', `botEndpoint/${appId}`, { url });
}

/** Sends `activity` to the app's bot as Teams would: signed, to its messaging endpoint. Never throws. */
export async function deliver(state: EmulatorState, appId: string, activity: Record<string, unknown>): Promise<Delivery> {
  const endpoint = botEndpointOf(state, appId);
  if (!endpoint) return { status: null, detail: 'No messaging endpoint is registered for this app (PUT /emulator/teams/bot-endpoint).' };
  const token = channelToken(state, { appId, serviceUrl: String(activity.serviceUrl) });
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text().catch(() => '');
    return { status: response.status, detail: text.slice(0, 300) };
  } catch (error) {
    return { status: null, detail: `The bot's messaging endpoint ${endpoint} could not be reached: ${error instanceof Error ? error.message : String(error)}` };
  }
}
