/**
 * Posting the digest to a practice channel as the app's bot, through the Teams SDK's Bot Connector
 * client (`@microsoft/teams.api` ConversationClient): `POST {serviceUrl}/v3/conversations` starts a
 * new thread in the channel with the Adaptive Card as its first activity (msteams-docs
 * msteams-platform/bots/how-to/conversations/send-proactive-messages.md). The bot must be installed
 * in the team; when it is not (uninstalled), Teams answers 403 BotNotInConversationRoster.
 *
 * The `serviceUrl` is checked against the documented Bot Connector hosts BEFORE a token is asked
 * for: an address that fails is refused with no token fetched and no request made.
 *
 * Retries: 429 only, by the Graph layer's one policy (`throttleWaitMs`: `Retry-After` in full, else
 * exponential backoff with jitter). Anything else
 * fails at once; after a 5xx or a timeout the message may exist (`ambiguous`), and the ledger, not
 * this function, decides what happens next.
 */
import { ConversationClient, type CreateConversationParams } from '@microsoft/teams.api';
import { Client } from '@microsoft/teams.common';
import type { AdaptiveCard } from '@domain/reminders';
import { throttleWaitMs } from '@graph';
import type { TokenSource } from '@graph';
import { BOT_SCOPES } from '../appToken';
import { checkServiceUrl } from './serviceUrls';

export class BotPostError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** True when the message may have been posted even so (5xx, timeout, connection lost). */
    readonly ambiguous: boolean,
    /** The Bot Connector's error code, e.g. BotNotInConversationRoster; 'ServiceUrlRefused' when never sent. */
    readonly code: string = '',
  ) {
    super(message);
    this.name = 'BotPostError';
  }
}

export interface ProactivePost {
  readonly serviceUrl: string;
  readonly channelId: string;
  readonly tenantId: string;
  readonly botAppId: string;
  readonly card: AdaptiveCard;
  /** Shown in notifications and the channel list. */
  readonly summary: string;
}

export interface BotConnectorDeps {
  readonly tokenSource: TokenSource;
  /** The local emulator's origin in emulator mode (its Bot Connector is then allowed too); absent or null in production. */
  readonly emulatorOrigin?: string | null;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly onRetryWait?: (wait: { status: number; waitMs: number; attempt: number }) => void;
  readonly maxRetries?: number;
  readonly timeoutMs?: number;
}

export function conversationBody(post: ProactivePost): CreateConversationParams {
  return {
    isGroup: true,
    bot: { id: `28:${post.botAppId}` },
    tenantId: post.tenantId,
    channelData: { channel: { id: post.channelId }, tenant: { id: post.tenantId } },
    activity: {
      type: 'message',
      summary: post.summary,
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: post.card }],
    } as unknown as CreateConversationParams['activity'],
  };
}

interface HttpFailure {
  response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
  message?: string;
}

/** The Bot Connector's error code from an error body, e.g. {"error":{"code":"BotNotInConversationRoster"}}. */
function errorCode(data: unknown): string {
  const error = (data as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === 'string' ? error.code : '';
}

/** @returns the new activity's id. @throws BotPostError. */
export async function postProactiveCard(post: ProactivePost, deps: BotConnectorDeps): Promise<{ activityId: string }> {
  const check = checkServiceUrl(post.serviceUrl, deps.emulatorOrigin ?? null);
  if (!check.ok) throw new BotPostError(`Refused to post: ${check.reason}. No token was sent.`, null, false, 'ServiceUrlRefused');
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = deps.now ?? Date.now;
  const body = conversationBody(post);
  for (let attempt = 1; ; attempt += 1) {
    // The token first: a failure to get one means nothing was sent (not an ambiguous post).
    let token: string;
    try {
      token = await deps.tokenSource.getToken(BOT_SCOPES);
    } catch (error) {
      throw new BotPostError(`No token for the Bot Connector: ${error instanceof Error ? error.message : String(error)}`, null, false, 'NoToken');
    }
    const conversations = new ConversationClient(check.url, new Client({ token, timeout: deps.timeoutMs ?? 30_000 }));
    try {
      const result = await conversations.create(body);
      return { activityId: result.activityId ?? result.id ?? '' };
    } catch (error) {
      const failure = error as HttpFailure;
      const status = failure.response?.status ?? null;
      if (status === null) throw new BotPostError(`The channel post got no answer (${failure.message ?? String(error)}); it may have been posted.`, null, true);
      if (status === 429 && attempt <= (deps.maxRetries ?? 4)) {
        const header = failure.response?.headers?.['retry-after'];
        const waitMs = throttleWaitMs(typeof header === 'string' ? header : null, attempt, now());
        deps.onRetryWait?.({ status: 429, waitMs, attempt });
        await sleep(waitMs);
        continue;
      }
      const code = errorCode(failure.response?.data);
      const ambiguous = status >= 500 && status !== 501;
      throw new BotPostError(`The Bot Connector answered ${status}${code ? ` ${code}` : ''}: ${JSON.stringify(failure.response?.data ?? '').slice(0, 300)}`, status, ambiguous, code);
    }
  }
}
