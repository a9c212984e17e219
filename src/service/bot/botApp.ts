/**
 * The app's bot on the Teams SDK (`@microsoft/teams.apps`): a notification-only bot whose one job is
 * to learn where it is installed. Teams tells it through activities to its messaging endpoint
 * (msteams-docs msteams-platform/bots/how-to/conversations/subscribe-to-conversation-events.md):
 *
 * - installationUpdate add (team scope): record the practice: team, channel (the one picked at
 *   install, else General), tenant, serviceUrl, who installed it, when;
 * - installationUpdate remove: mark it removed;
 * - conversationUpdate teamRenamed: keep the name current; teamDeleted / teamHardDeleted: removed.
 *
 * Authentication is the SDK's own (its HttpServer and ServiceTokenValidator): no valid Bot Framework
 * JWT, or a JWT for another audience, issuer or serviceUrl -> 401 before any handler runs. In
 * emulator mode the only change is where the signing keys come from: the local emulator's OpenID
 * metadata instead of login.botframework.com (the SDK's CloudEnvironment `openIdMetadataUrl`).
 *
 * A `serviceUrl` outside the documented Bot Connector hosts is refused and logged (serviceUrls.ts):
 * the installation is not recorded, so the service never sends its token there.
 */
import { PUBLIC, withOverrides, type Activity, type CloudEnvironment } from '@microsoft/teams.api';
import { App, type HttpRouteHandler, type IHttpServerAdapter } from '@microsoft/teams.apps';
import type { ILogger } from '@microsoft/teams.common';
import type { TokenSource } from '@graph';
import { BOT_SCOPES } from '../appToken';
import type { InstallationStore } from '../store/installations';
import { checkServiceUrl } from './serviceUrls';

export const MESSAGING_ENDPOINT = '/api/messages';

export interface BotOptions {
  /** The Entra app id: the bot id and the manifest's webApplicationInfo.id (one identity). */
  readonly appId: string;
  /** The app's home tenant (single-tenant registration); 'emulator' locally. */
  readonly tenantId: string;
  readonly installations: InstallationStore;
  /** The local emulator's origin in emulator mode (trusts its keys and its Bot Connector); null in production. */
  readonly emulatorOrigin: string | null;
  readonly log: (line: string) => void;
  readonly now?: () => Date;
  /**
   * The service's app-only token source, should the SDK ever send on its own (today the bot only
   * receives; the run posts through proactive.ts with the same source). Asked only for the Bot
   * Connector's scope, never a Graph token.
   */
  readonly tokenSource?: TokenSource;
}

/** The SDK's cloud settings: public cloud, with the emulator's metadata document in emulator mode. */
export function botCloud(emulatorOrigin: string | null): CloudEnvironment {
  if (emulatorOrigin === null) return PUBLIC;
  return withOverrides(PUBLIC, { openIdMetadataUrl: `${emulatorOrigin}/emulator/botframework/v1/.well-known/openidconfiguration` });
}

/** The SDK's log lines at warn and above go to `log`; its debug chatter is dropped. */
function sdkLogger(log: (line: string) => void): ILogger {
  const text = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ').slice(0, 500);
  const logger: ILogger = {
    debug: () => undefined,
    info: () => undefined,
    trace: () => undefined,
    warn: (...msg: unknown[]) => log(`bot: ${text(msg)}`),
    error: (...msg: unknown[]) => log(`bot: ${text(msg)}`),
    log: (level, ...msg: unknown[]) => (level === 'warn' || level === 'error' ? log(`bot: ${text(msg)}`) : undefined),
    child: () => logger,
  };
  return logger;
}

/** An SDK HTTP adapter that only remembers the route handler: the service's own server calls it. */
export class CapturingAdapter implements IHttpServerAdapter {
  handler: HttpRouteHandler | null = null;
  registerRoute(_method: 'POST', path: string, handler: HttpRouteHandler): void {
    if (path === MESSAGING_ENDPOINT) this.handler = handler;
  }
}

interface TeamChannelData {
  team?: { id?: string; aadGroupId?: string; name?: string };
  channel?: { id?: string };
  settings?: { selectedChannel?: { id?: string } };
  tenant?: { id?: string };
  eventType?: string;
}

function teamOf(activity: Activity): { teamId: string; data: TeamChannelData } | null {
  const data = (activity.channelData ?? {}) as TeamChannelData;
  const teamId = data.team?.aadGroupId;
  return teamId ? { teamId, data } : null;
}

/** @returns the SDK app and the adapter whose handler serves POST /api/messages. */
export async function createBot(options: BotOptions): Promise<{ app: App; adapter: CapturingAdapter }> {
  const now = options.now ?? (() => new Date());
  const adapter = new CapturingAdapter();
  const app = new App({
    clientId: options.appId,
    tenantId: options.tenantId,
    // The bot only receives: the run posts through proactive.ts with the service's token source. Should
    // the SDK send, it gets a token for the Bot Connector's audience (https://api.botframework.com/.default,
    // bot-framework-rest-connector-authentication.md) from the same source, and never anything else.
    token: (scope) => {
      const asked = Array.isArray(scope) ? scope : [scope];
      if (!options.tokenSource) throw new Error('The bot endpoint does not send messages.');
      if (!asked.every((s) => BOT_SCOPES.includes(s))) throw new Error(`The bot asks only for ${BOT_SCOPES.join(' ')}, not ${asked.join(' ')}.`);
      return options.tokenSource.getToken(BOT_SCOPES);
    },
    cloud: botCloud(options.emulatorOrigin),
    httpServerAdapter: adapter,
    logger: sdkLogger(options.log),
    messagingEndpoint: MESSAGING_ENDPOINT,
  });

  app.on('install.add', async ({ activity }) => {
    const team = teamOf(activity);
    if (!team) return; // personal or group-chat install: not a practice
    const check = checkServiceUrl(activity.serviceUrl, options.emulatorOrigin);
    if (!check.ok) {
      options.log(`bot: REFUSED the install in team ${team.teamId}: ${check.reason}; not recorded, no token will be sent there`);
      return;
    }
    const channelId = team.data.settings?.selectedChannel?.id ?? team.data.channel?.id ?? activity.conversation.id;
    const tenantId = team.data.tenant?.id ?? activity.conversation.tenantId ?? '';
    await options.installations.install(
      {
        teamId: team.teamId, teamName: team.data.team?.name ?? '', channelId, tenantId, serviceUrl: check.url,
        installedBy: activity.from.aadObjectId ?? '', installedAt: activity.timestamp ? new Date(activity.timestamp).toISOString() : now().toISOString(),
      },
      now(),
    );
    options.log(`bot: installed in team ${team.data.team?.name ?? team.teamId} (${team.teamId}), digest to ${channelId}`);
  });

  app.on('install.remove', async ({ activity }) => {
    const team = teamOf(activity);
    if (!team) return;
    await options.installations.markRemoved(team.teamId, 'uninstalled', now());
    options.log(`bot: uninstalled from team ${team.teamId}`);
  });

  app.on('teamRenamed', async ({ activity }) => {
    const team = teamOf(activity);
    if (team?.data.team?.name) await options.installations.rename(team.teamId, team.data.team.name, now());
  });

  const deleted = async ({ activity }: { activity: Activity }) => {
    const team = teamOf(activity);
    if (!team) return;
    await options.installations.markRemoved(team.teamId, 'team deleted', now());
    options.log(`bot: team ${team.teamId} deleted`);
  };
  app.on('teamDeleted', deleted);
  app.on('teamHardDeleted', deleted);

  await app.initialize();
  return { app, adapter };
}
