/**
 * The bot's side of an incident thread, through the Teams SDK's Bot Connector client
 * (`@microsoft/teams.api` ConversationClient), at the `serviceUrl` Teams gave with the install
 * (checked against the documented hosts before any token is fetched, serviceUrls.ts):
 *
 * - the incident card starts a new channel thread: `POST /v3/conversations` (proactive.ts,
 *   msteams-docs bots/how-to/conversations/send-proactive-messages.md);
 * - each update is a reply in that thread: `POST /v3/conversations/{channelId};messageid={rootId}/activities`
 *   (the threaded conversation id Teams gives a channel activity in a thread: msteams-docs
 *   task-modules-and-cards/cards/cards-actions.md "Inbound message example"; the Teams SDK's
 *   `toThreadedConversationId` builds it the same way);
 * - is the caller a member of the team: `GET /v3/conversations/{channelId}/members/{aadObjectId}`
 *   (msteams-docs bots/how-to/get-teams-context.md "Get single member details": by Teams user id,
 *   UPN or Entra object id; the page names exactly this use, "to check whether a user logged into a
 *   tab through Azure AD credentials is a member of the team"). It needs no Graph permission at all:
 *   only the bot installed in the team.
 *
 * Retries: 429 only, after `Retry-After` in full (exponential backoff without it), as proactive.ts,
 * but never past `maxWaitMs` in total so the ledger's claim outlives the call. A 5xx or a lost
 * answer is `ambiguous`: the message may exist, and the caller checks the channel before posting.
 */
import { ConversationClient } from '@microsoft/teams.api';
import { Client } from '@microsoft/teams.common';
import type { AdaptiveCard } from '@domain/reminders';
import { throttleWaitMs } from '@graph';
import type { TokenSource } from '@graph';
import { BOT_SCOPES } from '../appToken';
import { BotPostError, postProactiveCard } from '../bot/proactive';
import { checkServiceUrl } from '../bot/serviceUrls';

export interface BotThreadDeps {
  readonly tokenSource: TokenSource;
  readonly botAppId: string;
  readonly emulatorOrigin: string | null;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Total wait for Retry-After across one call before giving up (the caller answers 429). Default 60 s. */
  readonly maxWaitMs?: number;
  readonly timeoutMs?: number;
  readonly onRetryWait?: (wait: { status: number; waitMs: number; attempt: number }) => void;
}

export interface ThreadPlace {
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly channelId: string;
}

interface HttpFailure {
  response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
  message?: string;
}

/** The threaded conversation id: the channel's id plus `;messageid=` and the root message id. */
export function threadConversationId(channelId: string, rootMessageId: string): string {
  return `${channelId.split(';')[0]};messageid=${rootMessageId}`;
}

async function withRetries<T>(place: ThreadPlace, deps: BotThreadDeps, call: (conversations: ConversationClient) => Promise<T>): Promise<T> {
  const check = checkServiceUrl(place.serviceUrl, deps.emulatorOrigin);
  if (!check.ok) throw new BotPostError(`Refused: ${check.reason}. No token was sent.`, null, false, 'ServiceUrlRefused');
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = deps.now ?? Date.now;
  let waited = 0;
  for (let attempt = 1; ; attempt += 1) {
    let token: string;
    try {
      token = await deps.tokenSource.getToken(BOT_SCOPES);
    } catch (error) {
      throw new BotPostError(`No token for the Bot Connector: ${error instanceof Error ? error.message : String(error)}`, null, false, 'NoToken');
    }
    const conversations = new ConversationClient(check.url, new Client({ token, timeout: deps.timeoutMs ?? 30_000 }));
    try {
      return await call(conversations);
    } catch (error) {
      const failure = error as HttpFailure;
      const status = failure.response?.status ?? null;
      if (status === null) throw new BotPostError(`The Bot Connector gave no answer (${failure.message ?? String(error)}).`, null, true);
      const header = failure.response?.headers?.['retry-after'];
      const waitMs = throttleWaitMs(typeof header === 'string' ? header : null, attempt, now());
      if (status === 429 && waited + waitMs <= (deps.maxWaitMs ?? 60_000)) {
        deps.onRetryWait?.({ status, waitMs, attempt });
        waited += waitMs;
        await sleep(waitMs);
        continue;
      }
      const data = failure.response?.data as { error?: { code?: unknown } } | undefined;
      const code = typeof data?.error?.code === 'string' ? data.error.code : '';
      const error429 = new BotPostError(`The Bot Connector answered ${status}${code ? ` ${code}` : ''}.`, status, status >= 500 && status !== 501, code);
      if (status === 429) Object.assign(error429, { retryAfterMs: waitMs });
      throw error429;
    }
  }
}

/** The wait the Bot Connector asked for on a final 429, when it said. */
export function retryAfterOf(error: unknown): number | undefined {
  const value = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof value === 'number' ? value : undefined;
}

/** Starts the incident's thread. @returns the root activity (message) id. @throws BotPostError. */
export async function postThreadRoot(place: ThreadPlace, card: AdaptiveCard, summary: string, deps: BotThreadDeps): Promise<string> {
  let waited = 0;
  const { activityId } = await postProactiveCard(
    { serviceUrl: place.serviceUrl, channelId: place.channelId, tenantId: place.tenantId, botAppId: deps.botAppId, card, summary },
    {
      tokenSource: deps.tokenSource, emulatorOrigin: deps.emulatorOrigin, now: deps.now, timeoutMs: deps.timeoutMs,
      // The same policy as replies: Retry-After in full, within the call's budget.
      sleep: async (ms) => {
        waited += ms;
        if (waited > (deps.maxWaitMs ?? 60_000)) throw Object.assign(new BotPostError('Still throttled by the Bot Connector.', 429, false, 'TooManyRequests'), { retryAfterMs: ms });
        deps.onRetryWait?.({ status: 429, waitMs: ms, attempt: 0 });
        await (deps.sleep ?? ((t: number) => new Promise<void>((resolve) => setTimeout(resolve, t))))(ms);
      },
    },
  );
  return activityId;
}

/** Posts a reply under the root message. @returns the reply's id. @throws BotPostError. */
export async function postThreadReply(place: ThreadPlace, rootMessageId: string, card: AdaptiveCard, summary: string, deps: BotThreadDeps): Promise<string> {
  const conversationId = threadConversationId(place.channelId, rootMessageId);
  const activity = { type: 'message', summary, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
  const result = await withRetries(place, deps, (c) => c.createActivity(conversationId, activity as unknown as Parameters<ConversationClient['createActivity']>[1]));
  return (result as { id?: string }).id ?? '';
}

/** @returns true when `aadObjectId` is a member of the channel's team; false for 404 (not a member). @throws BotPostError otherwise. */
export async function isTeamMember(place: ThreadPlace, aadObjectId: string, deps: BotThreadDeps): Promise<boolean> {
  try {
    await withRetries(place, deps, (c) => c.getMemberById(place.channelId, encodeURIComponent(aadObjectId)));
    return true;
  } catch (error) {
    if (error instanceof BotPostError && error.status === 404) return false;
    throw error;
  }
}
