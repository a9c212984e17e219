/**
 * `POST /api/incidents/notify {teamId, siteId?, incidentKey, updateKey|null}`: puts one incident card
 * into the practice channel through the app's bot, exactly once per card key, for a signed-in
 * member of the team (the caller's token is checked before this runs: userToken.ts).
 *
 * 1. The practice is the bot's installation (where Teams said the app is, and the site recorded for
 *    it); a `siteId` in the request is only compared with it, never used to pick a site.
 * 2. The caller must be a member of the team: the Bot Connector's member lookup (botThread.ts).
 * 3. The incident is read from the practice's incidents list, app-only, with the same Graph client
 *    the reminder run uses (Sites.Selected), and the card built with the domain's builders.
 * 4. Never twice: the key is claimed in the ledger (cardLedger.ts); a key already in the incident's
 *    `postedKeys` (posted by the tab's delegated fallback) or posted in the ledger is not posted
 *    again; a claim taken over, or a post that ended ambiguously, is looked for in the channel first
 *    (findCardInChannel, RSC ChannelMessage.Read.Group) and posted only when it is not there.
 * 5. The thread and the posted key are written back to the incident item (If-Match, re-applied on 412).
 */
import { buildIncidentCard, buildUpdateCard, INCIDENTS_LIST_NAME, type Incident, type IncidentThread, type StoredIncident } from '@domain/incidents';
import { entryDeepLink } from '@domain/reminders';
import type { StoredEntry } from '@domain';
import type { AdaptiveCard } from '@domain/reminders';
import { findPracticeListIds, GraphError, openRegisterStore, type GraphClient } from '@graph';
import { findCardInChannel } from '@graph/incidentCards';
import { openIncidentStore, recordPosted, type IncidentStore } from '@graph/incidents';
import { BotPostError } from '../bot/proactive';
import type { Installation, InstallationStore } from '../store/installations';
import { isTeamMember, postThreadReply, postThreadRoot, retryAfterOf, type BotThreadDeps, type ThreadPlace } from './botThread';
import type { CardLedger, CardRecord } from './cardLedger';
import { stampCardKey } from './cardKey';
import type { CallingUser } from './userToken';

export interface NotifyDeps {
  readonly installations: InstallationStore;
  readonly ledger: CardLedger;
  readonly graph: GraphClient;
  readonly bot: BotThreadDeps;
  readonly teamsAppId: string;
  readonly tabEntityId: string;
  readonly now: () => Date;
  readonly log: (line: string) => void;
}

export interface NotifyRequest {
  readonly teamId: string;
  readonly siteId: string | null;
  readonly incidentKey: string;
  readonly updateKey: string | null;
}

export interface NotifyAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly retryAfterSeconds?: number;
}

const answer = (status: number, body: Record<string, unknown>, retryAfterSeconds?: number): NotifyAnswer => ({ status, body, retryAfterSeconds });

/** Teams' documented message link (the one Graph gives a chatMessage as webUrl). */
function messageLink(teamId: string, channelId: string, messageId: string, rootId: string | null): string {
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${messageId}?groupId=${teamId}${rootId ? `&parentMessageId=${rootId}` : ''}`;
}

interface Context {
  readonly deps: NotifyDeps;
  readonly install: Installation & { siteId: string };
  readonly store: IncidentStore;
  readonly channelName: string;
  /** The register (for the incident card), read at most once per request. */
  readonly entries: () => Promise<readonly StoredEntry[]>;
}

function posted(ctx: Context, thread: IncidentThread, messageId: string, rootId: string | null, already: boolean): NotifyAnswer {
  return answer(200, { posted: true, alreadyPosted: already, messageId, rootMessageId: thread.messageId, webUrl: messageLink(thread.teamId, thread.channelId, messageId, rootId), channelName: ctx.channelName });
}

async function buildCard(ctx: Context, incident: Incident, key: string): Promise<AdaptiveCard> {
  const target = { teamsAppId: ctx.deps.teamsAppId, entityId: ctx.deps.tabEntityId, channelId: ctx.install.channelId };
  const entryLink = (entryId: string) => entryDeepLink(target, entryId);
  if (key !== incident.key) return stampCardKey(buildUpdateCard({ incident, updateKey: key, entryLink }), key);
  return stampCardKey(buildIncidentCard({ incident, entries: await ctx.entries(), entryLink }).card, key);
}

/** Records the key in the incident item; a failure is logged (the ledger already says posted, and the next call records it again). */
async function writeBack(ctx: Context, stored: StoredIncident, key: string, thread: IncidentThread): Promise<StoredIncident> {
  try {
    return await recordPosted(ctx.store, stored, key, thread);
  } catch (error) {
    ctx.deps.log(`incidents: card ${key} posted but not yet recorded in the incident: ${error instanceof Error ? error.message : String(error)}`);
    return stored;
  }
}

/** Posts one card (the root when `key` is the incident key, else a reply), claimed in the ledger. */
async function postOne(ctx: Context, stored: StoredIncident, key: string): Promise<{ answer: NotifyAnswer; stored: StoredIncident }> {
  const { deps, install } = ctx;
  const incident = stored.incident;
  const isRoot = key === incident.key;
  const thread: IncidentThread | null = isRoot ? null : incident.thread;
  if (!isRoot && thread === null) return { answer: answer(409, { posted: false, code: 'RootNotPosted' }), stored };
  const channelId = thread?.channelId ?? install.channelId;
  const place: ThreadPlace = { serviceUrl: install.serviceUrl, tenantId: install.tenantId, channelId };
  const done = async (record: CardRecord | null, messageId: string, already: boolean) => {
    const t: IncidentThread = thread ?? { teamId: install.teamId, channelId, messageId };
    if (record) await deps.ledger.posted(record, messageId, t.messageId, deps.now());
    const after = incident.postedKeys.includes(key) && (isRoot ? incident.thread !== null : true) ? stored : await writeBack(ctx, stored, key, t);
    return { answer: posted(ctx, t, messageId, isRoot ? null : t.messageId, already), stored: after };
  };
  // Posted by anyone (the tab's delegated fallback included): never again.
  if (incident.postedKeys.includes(key) && (!isRoot || incident.thread)) {
    const record = await deps.ledger.get(install.teamId, key);
    return done(null, record?.messageId || (isRoot ? (incident.thread as IncidentThread).messageId : ''), true);
  }
  const claim = await deps.ledger.claim(install.teamId, key, deps.now());
  if (claim.kind === 'busy') return { answer: answer(503, { posted: false, inProgress: true }, 2), stored };
  if (claim.kind === 'posted') return done(null, claim.record.messageId, true);
  const record = claim.record;
  const look = async () => findCardInChannel(deps.graph, install.teamId, channelId, thread?.messageId ?? null, key);
  try {
    if (claim.verifyFirst) {
      const found = await look();
      if (found) return done(record, found.messageId, true);
    }
    const card = await buildCard(ctx, incident, key);
    const summary = isRoot ? `Incident: ${incident.serviceTitle} is ${incident.impact}` : `Update: ${incident.serviceTitle}`;
    const send = () => (isRoot ? postThreadRoot(place, card, summary, deps.bot) : postThreadReply(place, (thread as IncidentThread).messageId, card, summary, deps.bot));
    let messageId: string;
    try {
      messageId = await send();
    } catch (error) {
      if (!(error instanceof BotPostError && error.ambiguous)) throw error;
      // The post may be in the channel: look before posting again, and post at most once more.
      deps.log(`incidents: card ${key} post was ambiguous (${error.message}); checking the channel`);
      const found = await look();
      messageId = found ? found.messageId : await send();
      if (found) return done(record, messageId, false);
    }
    return done(record, messageId, false);
  } catch (error) {
    const ambiguous = error instanceof BotPostError ? error.ambiguous : !(error instanceof BotPostError);
    await deps.ledger.release(record, ambiguous).catch(() => undefined);
    if (error instanceof BotPostError && error.status === 429) {
      const wait = retryAfterOf(error);
      return { answer: answer(429, { posted: false, code: 'Throttled' }, wait === undefined ? 5 : Math.ceil(wait / 1000)), stored };
    }
    deps.log(`incidents: card ${key} not posted: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof BotPostError && !error.ambiguous && error.code === 'BotNotInConversationRoster') return { answer: answer(404, { posted: false, code: 'NotInstalled' }), stored };
    return { answer: answer(ambiguous ? 504 : 502, { posted: false, code: ambiguous ? 'Unknown' : 'Refused' }), stored };
  }
}

/**
 * Handles one request from an authenticated caller. Never throws for an expected failure: the answer
 * says it. Graph still throttled after the client's own retries (which honour Retry-After) is 429 or
 * 503 with its Retry-After: nothing was posted by then, or the ledger knows what was.
 */
export async function notifyIncident(deps: NotifyDeps, request: NotifyRequest, user: CallingUser): Promise<NotifyAnswer> {
  try {
    return await notifyChecked(deps, request, user);
  } catch (error) {
    if (error instanceof GraphError && (error.status === 429 || error.status === 503) && !error.ambiguous)
      return answer(error.status, { posted: false, code: 'Throttled' }, Math.ceil(error.retryAfterSeconds ?? 5));
    throw error;
  }
}

async function notifyChecked(deps: NotifyDeps, request: NotifyRequest, user: CallingUser): Promise<NotifyAnswer> {
  const install = await deps.installations.get(request.teamId);
  if (!install || install.status !== 'installed') return answer(404, { posted: false, code: 'NotInstalled' });
  if (!install.siteId) return answer(404, { posted: false, code: 'SiteUnknown' });
  if (request.siteId !== null && request.siteId !== install.siteId) return answer(403, { posted: false, code: 'SiteMismatch' });
  const place: ThreadPlace = { serviceUrl: install.serviceUrl, tenantId: install.tenantId, channelId: install.channelId };
  // The list ids are read while the membership is checked (one round trip instead of two); nothing
  // else is read or written for someone who is not a member.
  const listIds = findPracticeListIds(deps.graph, install.siteId);
  listIds.catch(() => undefined);
  try {
    if (!(await isTeamMember(place, user.oid, deps.bot))) return answer(403, { posted: false, code: 'NotATeamMember' });
  } catch (error) {
    const status = error instanceof BotPostError ? error.status : null;
    if (status === 429) return answer(429, { posted: false, code: 'Throttled' }, Math.ceil((retryAfterOf(error) ?? 5000) / 1000));
    deps.log(`incidents: membership check failed: ${error instanceof Error ? error.message : String(error)}`);
    return answer(503, { posted: false, code: 'MembershipUnknown' }, 5);
  }
  const listId = (await listIds).get(INCIDENTS_LIST_NAME);
  if (!listId) return answer(404, { posted: false, code: 'IncidentNotFound' });
  const siteId = install.siteId;
  let register: Promise<readonly StoredEntry[]> | null = null;
  const entries = () => (register ??= install.listId ? openRegisterStore(deps.graph, { teamId: install.teamId, siteId, listId: install.listId }).list() : Promise.resolve([]));
  const ctx: Context = { deps, install: install as Installation & { siteId: string }, store: openIncidentStore(deps.graph, { siteId, listId }), channelName: install.teamName, entries };
  // A declare needs the register for its card: read it while the incident is read.
  if (request.updateKey === null) entries().catch(() => undefined);
  let stored = await ctx.store.findByKey(request.incidentKey);
  if (!stored) return answer(404, { posted: false, code: 'IncidentNotFound' });
  if (request.updateKey !== null && !stored.incident.updates.some((u) => u.key === request.updateKey)) return answer(404, { posted: false, code: 'UpdateNotFound' });
  // An update needs its thread: post the incident card first (idempotent by its own key).
  if (request.updateKey === null || stored.incident.thread === null) {
    const root = await postOne(ctx, stored, stored.incident.key);
    if (request.updateKey === null || root.answer.status !== 200) return root.answer;
    stored = (await ctx.store.findByKey(request.incidentKey)) ?? root.stored;
  }
  return (await postOne(ctx, stored, request.updateKey)).answer;
}
