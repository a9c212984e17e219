/**
 * Posting the digest to a practice channel as the app's bot, through the Bot Connector REST API
 * (no Bot Framework SDK): `POST {serviceUrl}/v3/conversations` starts a new thread in the channel
 * with the Adaptive Card as its first activity. The bot must be installed in the team.
 *
 * Body: { isGroup: true, bot: {id: "28:{appId}"}, tenantId, channelData: {channel: {id}, tenant: {id}},
 *         activity: {type: "message", summary, attachments: [{contentType: card, content: <card object>}]} }
 * The @mentions are the card's own `msteams.entities` (Teams notifies mentions inside a card).
 *
 * Retries: 429 only, after `Retry-After` in full (exponential backoff without it). Anything else
 * fails at once; after a 5xx or a timeout the message may exist (`ambiguous`), and the ledger, not
 * this function, decides what happens next.
 */
import type { AdaptiveCard } from '../domain/reminders/digestCard';
import { retryAfterMs } from '../graph';
import type { TokenSource } from '../graph/types';
import { BOT_SCOPES } from './appToken';

export class BotPostError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** True when the message may have been posted even so (5xx, timeout, connection lost). */
    readonly ambiguous: boolean,
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
  readonly fetchImpl?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly onRetryWait?: (wait: { status: number; waitMs: number; attempt: number }) => void;
  readonly maxRetries?: number;
  readonly timeoutMs?: number;
}

export function conversationBody(post: ProactivePost): Record<string, unknown> {
  return {
    isGroup: true,
    bot: { id: `28:${post.botAppId}` },
    tenantId: post.tenantId,
    channelData: { channel: { id: post.channelId }, tenant: { id: post.tenantId } },
    activity: {
      type: 'message',
      summary: post.summary,
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: post.card }],
    },
  };
}

/** @returns the new activity's id. @throws BotPostError. */
export async function postProactiveCard(post: ProactivePost, deps: BotConnectorDeps): Promise<{ activityId: string }> {
  const doFetch = deps.fetchImpl ?? fetch;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = deps.now ?? Date.now;
  const url = `${post.serviceUrl.replace(/\/$/, '')}/v3/conversations`;
  const body = JSON.stringify(conversationBody(post));
  for (let attempt = 1; ; attempt += 1) {
    let response: Response;
    try {
      const token = await deps.tokenSource.getToken(BOT_SCOPES);
      response = await doFetch(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body,
        signal: AbortSignal.timeout(deps.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new BotPostError(`The channel post got no answer (${error instanceof Error ? error.message : String(error)}); it may have been posted.`, null, true);
    }
    if (response.ok) {
      const result = (await response.json().catch(() => ({}))) as { id?: string; activityId?: string };
      return { activityId: result.activityId ?? result.id ?? '' };
    }
    const text = await response.text().catch(() => '');
    if (response.status === 429 && attempt <= (deps.maxRetries ?? 4)) {
      const waitMs = retryAfterMs(response.headers.get('retry-after'), now()) ?? Math.min(1000 * 2 ** (attempt - 1), 32_000);
      deps.onRetryWait?.({ status: 429, waitMs, attempt });
      await sleep(waitMs);
      continue;
    }
    const ambiguous = response.status >= 500 && response.status !== 501;
    throw new BotPostError(`The Bot Connector answered ${response.status}: ${text.slice(0, 300)}`, response.status, ambiguous);
  }
}
