/**
 * One practice, one pass: lease, read, compute, claim, post ONE digest, record, notify, release.
 * The ledger and the lease live in the service's own Table Storage (store/), never in the
 * practice's site, so no team member can edit or stop them.
 *
 * Crash policy (claim -> post -> record), step by step in docs/reminders.md:
 * - before the claim: only the lease is held; it runs out and the next run starts afresh.
 * - after the claim, before the post: a 'claimed' record whose keys nobody saw.
 * - after the post, before the record: a 'claimed' record whose keys WERE posted. The next run
 *   cannot tell these two apart (reading the channel would need ChannelMessage.Read.All), so it
 *   treats every key only a 'claimed' record covers as not sent: at most one duplicate digest,
 *   never a missed reminder.
 * - after the record, before or during the notifications: a 'posted' record; the next run sends
 *   the notifications of its keys still due (at most one duplicate each), then marks it notified.
 * - after 'notified', before the release: nothing left to do; the lease runs out by itself.
 * A run refuses to post when its lease is about to run out, so a slowed run cannot post beside the
 * run that takes its expired lease over.
 */
import type { PersonRef } from '@domain';
import { addDays, londonDateOf } from '@domain';
import { buildDigestCard, entryDeepLink, remindersFor, type Reminder } from '@domain/reminders';
import { GraphError, listTeamMembers, openRegisterStore, type GraphClient } from '@graph';
import { sendActivityNotification } from '@graph/teams';
import { BotPostError } from './bot/proactive';
import { changesForDigest, NO_CHANGES, withoutFalseAllClear, type ChangesForDigest } from './changesForReview';
import { ownersLeft } from './ownersLeft';
import { findPracticeLists } from './practiceLists';
import { notificationsFor } from './reminderNotifications';
import { postSharedIncidents } from './sharedIncidents';
import { NO_SITE_REASON } from './siteRegistration';
import type { Installation, InstallationStore } from './store/installations';
import type { DigestRecord, LedgerState, LedgerStore } from './store/ledger';
import type { HeldLease, LeaseStore } from './store/leases';

/** Steps after which a test may crash a run: each checkpoint follows the step it names. */
export type CrashPoint = 'lease' | 'claim' | 'post' | 'record' | 'notify' | 'notified';
export const CRASH_POINTS: readonly CrashPoint[] = ['lease', 'claim', 'post', 'record', 'notify', 'notified'];

/** Thrown by a test's checkpoint to stop the run dead, as a crash would: nothing is cleaned up. */
export class SimulatedCrash extends Error {
  constructor(readonly point: CrashPoint) {
    super(`simulated crash after ${point}`);
    this.name = 'SimulatedCrash';
  }
}

export interface ServiceStores {
  readonly installations: InstallationStore;
  readonly ledger: LedgerStore;
  readonly leases: LeaseStore;
}

export interface PracticeRunDeps {
  readonly graph: GraphClient;
  readonly stores: ServiceStores;
  readonly postCard: (practice: Installation, card: ReturnType<typeof buildDigestCard>['card'], summary: string) => Promise<{ activityId: string }>;
  readonly now: () => Date;
  readonly runId: string;
  readonly log: (line: string) => void;
  /** Called after each step; a test may throw SimulatedCrash here. */
  readonly checkpoint?: (point: CrashPoint, practice: Installation) => void;
}

export interface PracticeRunOptions {
  readonly dryRun: boolean;
  readonly dueSoonDays: number;
  readonly escalateAfterDays: number;
  readonly leaseMs: number;
  readonly teamsAppId: string;
  readonly tabEntityId: string;
  /** Ledger records older than this are deleted (default 400 days). */
  readonly retentionDays: number;
  /** A practice another worker completed this recently is left alone this round (0 = never). */
  readonly shareWindowMs: number;
}

export interface PracticeOutcome {
  readonly teamId: string;
  readonly name: string;
  readonly status: 'posted' | 'nothing-new' | 'dry-run' | 'skipped' | 'failed';
  /** Why it was skipped or failed. */
  readonly reason?: string;
  readonly reminders: number;
  /** Occurrences in this run's digest (0 or the digest's lines). */
  readonly posted: number;
  /** Changes for a manager to review listed in this run's digest (0 when nothing was posted). */
  readonly changesListed: number;
  readonly notifications: number;
  readonly notificationsFailed: number;
  /** What the run could not check (e.g. team membership without TeamMember.Read.Group). */
  readonly unchecked: readonly string[];
}

const outcome = (p: Installation, rest: Partial<PracticeOutcome> & Pick<PracticeOutcome, 'status'>): PracticeOutcome => ({
  teamId: p.teamId, name: p.teamName || p.teamId, reminders: 0, posted: 0, changesListed: 0, notifications: 0, notificationsFailed: 0, unchecked: [], ...rest,
});

/** Time a run must still hold the lease for when it posts: a quarter of the lease, at most 2 minutes. */
export function postingMarginMs(leaseMs: number): number {
  return Math.min(120_000, Math.floor(leaseMs / 4));
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** @throws SimulatedCrash only; every other failure is an outcome. */
export async function runPractice(practice: Installation, deps: PracticeRunDeps, options: PracticeRunOptions): Promise<PracticeOutcome> {
  const { stores, now, runId, log } = deps;
  if (practice.status === 'removed') return outcome(practice, { status: 'skipped', reason: `bot removed (${practice.removedReason ?? 'uninstalled'})` });
  if (!practice.siteId) {
    log(`${practice.teamName || practice.teamId}: skipped: ${NO_SITE_REASON(practice.teamId)}`);
    return outcome(practice, { status: 'skipped', reason: NO_SITE_REASON(practice.teamId) });
  }
  if (options.dryRun) return guarded(practice, deps, () => remind(practice, null, deps, options));
  const at = now();
  const doneSince = options.shareWindowMs > 0 ? new Date(at.getTime() - options.shareWindowMs).toISOString() : null;
  const taken = await stores.leases.take(practice.teamId, runId, at, options.leaseMs, doneSince);
  if (taken.kind === 'done') return outcome(practice, { status: 'skipped', reason: `done by another worker at ${taken.completedAt}` });
  if (taken.kind === 'held') {
    const inARow = await stores.leases.noteSkip(practice.teamId, taken.holder);
    const why = `lease held by run ${taken.holder} until ${taken.until}`;
    // Once is another worker busy with it; twice in a row and nobody has reminded the practice.
    if (inARow > 1) return outcome(practice, { status: 'failed', reason: `${why}: skipped ${inARow} runs in a row` });
    return outcome(practice, { status: 'skipped', reason: why });
  }
  const lease = taken.lease;
  if (taken.tookOverFrom) log(`${practice.teamName}: took over the lease of run ${taken.tookOverFrom.holder}, which ran out at ${taken.tookOverFrom.until}`);
  deps.checkpoint?.('lease', practice);
  const result = await guarded(practice, deps, () => remind(practice, lease, deps, options));
  const released = await stores.leases.release(lease, now(), result.status !== 'failed').catch((error: unknown) => {
    log(`${practice.teamName}: could not release the lease (${describe(error)}); it runs out by itself`);
    return true;
  });
  if (!released) log(`${practice.teamName}: the lease ran out during the run and another run took it over`);
  return result;
}

/** Turns a failure into an outcome; an uninstalled bot marks the installation removed. */
async function guarded(practice: Installation, deps: PracticeRunDeps, work: () => Promise<PracticeOutcome>): Promise<PracticeOutcome> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    if (error instanceof BotPostError && error.code === 'BotNotInConversationRoster') {
      await deps.stores.installations.markRemoved(practice.teamId, 'BotNotInConversationRoster', deps.now());
      deps.log(`${practice.teamName}: the bot is no longer in the team (BotNotInConversationRoster): installation marked removed`);
      return outcome(practice, { status: 'skipped', reason: 'bot no longer in the team (BotNotInConversationRoster): installation marked removed' });
    }
    deps.log(`${practice.teamName}: FAILED, will retry next run: ${describe(error)}`);
    return outcome(practice, { status: 'failed', reason: describe(error) });
  }
}

const RANK: Record<LedgerState, number> = { claimed: 1, posted: 2, notified: 3 };

/** Each key's furthest state over every record covering it. */
function keyStates(records: readonly DigestRecord[]): Map<string, LedgerState> {
  const states = new Map<string, LedgerState>();
  for (const record of records) {
    for (const key of record.keys) {
      const known = states.get(key);
      if (known === undefined || RANK[record.state] > RANK[known]) states.set(key, record.state);
    }
  }
  return states;
}

/** The team's members, or null (with what could not be checked) when the app may not read them. */
async function teamMembers(graph: GraphClient, teamId: string, unchecked: string[]) {
  try {
    return await listTeamMembers(graph, teamId);
  } catch (error) {
    // TeamMember.Read.Group needs group-owner consent, which a tenant can switch off: post anyway.
    if (!(error instanceof GraphError) || (error.status !== 403 && error.status !== 401)) throw error;
    unchecked.push(`team membership (${error.status}: TeamMember.Read.Group not consented?): owners who left the team and the managers' notifications were not checked`);
    return null;
  }
}

/** The register's audit changes for the digest; a failure to read them is noted, never fatal. */
async function changesFor(graph: GraphClient, siteId: string, settingsId: string | null, unchecked: string[]): Promise<ChangesForDigest & { gone: boolean }> {
  try {
    return { ...(await changesForDigest(graph, siteId, settingsId)), gone: false };
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    unchecked.push(`changes for a manager to review (the audit log could not be read: ${describe(error)})`);
    return { ...NO_CHANGES, gone: error instanceof GraphError && error.status === 404 };
  }
}

async function remind(practice: Installation, lease: HeldLease | null, deps: PracticeRunDeps, options: PracticeRunOptions): Promise<PracticeOutcome> {
  const { graph, now, runId, log, stores } = deps;
  const teamId = practice.teamId;
  const name = practice.teamName || teamId;
  const unchecked: string[] = [];
  const today = londonDateOf(now());
  const siteId = practice.siteId as string; // runPractice skipped a practice without one.
  // The register and its settings list (audit log), found in one query of the site's lists while either is unknown.
  const found = practice.listId && practice.settingsId ? null : await findPracticeLists(graph, siteId);
  const listId = practice.listId ?? found?.listId ?? null;
  const settingsId = practice.settingsId ?? found?.settingsId ?? null;
  if (listId === null) throw new Error('The register has not been set up in this team yet (open the tab to set it up).');
  // Remembered in the installation (no SharePoint units), so later runs read the register straight away.
  if (lease !== null && ((!practice.listId && listId) || (!practice.settingsId && settingsId)))
    await stores.installations.rememberLists(teamId, siteId, listId, settingsId);
  let entries;
  try {
    entries = await openRegisterStore(graph, { teamId, siteId, listId }).list();
  } catch (error) {
    // A remembered register that is gone (the list was set up again): look it up afresh next run.
    if (practice.listId && error instanceof GraphError && error.status === 404 && lease !== null) await stores.installations.rememberLists(teamId, null, null);
    throw error;
  }
  const changes = await changesFor(graph, siteId, settingsId, unchecked);
  // A remembered settings list that is gone: look it up afresh next run.
  if (changes.gone && practice.settingsId && lease !== null) await stores.installations.rememberLists(teamId, siteId, listId, null);
  const members = await teamMembers(graph, teamId, unchecked);
  const memberIds = members ? new Set(members.map((m) => m.userId)) : null;
  const managerIds = members ? members.filter((m) => m.roles.includes('owner')).map((m) => m.userId) : [];
  const namedOwners = new Map<string, PersonRef | null>(entries.map((e) => [e.id, e.entry.owner]));
  const policy = { practiceId: teamId, dueSoonDays: options.dueSoonDays, escalateAfterDays: options.escalateAfterDays };
  // Team membership first; then who was ever in it (shared with the tab), and the directory for today's owners.
  const byMembership = remindersFor(entries, today, { ...policy, ownerHasLeft: (owner) => memberIds !== null && !memberIds.has(owner.entraId) });
  const leftReason = await ownersLeft(graph, byMembership.flatMap((r) => (r.owner ? [r.owner] : [])), memberIds, log, { siteId, settingsId, unchecked, dryRun: lease === null ? namedOwners.values() : undefined });
  const reminders = remindersFor(entries, today, { ...policy, ownerHasLeft: (owner) => leftReason(owner) !== null });
  // Any key still current was first claimed at most max(dueSoonDays, 7) days ago (weekly keys roll over).
  const since = `${addDays(today, -(Math.max(options.dueSoonDays, 7) + 2))}T00:00:00Z`;
  const records = await stores.ledger.recent(teamId, since);
  const states = keyStates(records);
  const fresh = reminders.filter((r) => (states.get(r.occurrenceKey) ?? 'claimed') === 'claimed');
  // Changes nobody has announced yet; every waiting change is listed whenever a digest is posted.
  const newChanges = changes.keys.filter((key) => (states.get(key) ?? 'claimed') === 'claimed');
  const target = { teamsAppId: options.teamsAppId, entityId: options.tabEntityId, channelId: practice.channelId };
  const link = (entryId: string) => entryDeepLink(target, entryId);
  const notify = (r: Reminder) => notificationsFor(r, { managerIds, namedOwner: namedOwners.get(r.entryId) ?? null, link: link(r.entryId) });
  const base = { reminders: reminders.length, unchecked };

  if (lease === null) {
    const notes = reminders.filter((r) => states.get(r.occurrenceKey) !== 'notified').flatMap(notify);
    log(`[dry run] ${name}: ${reminders.length} reminder(s) due, ${fresh.length} new for the channel digest, ${changes.lines.length} change(s) for a manager to review (${newChanges.length} new), ${notes.length} notification(s)`);
    return outcome(practice, { ...base, status: 'dry-run', notifications: notes.length });
  }

  // Posted earlier but not yet notified (a crash or failure after recording the post).
  const toNotify = reminders.filter((r) => states.get(r.occurrenceKey) === 'posted');
  const pendingKeys = new Set(toNotify.map((r) => r.occurrenceKey));
  const toMarkNotified = records.filter((record) => record.state === 'posted' && record.keys.some((key) => pendingKeys.has(key)));

  const posting = fresh.length > 0 || newChanges.length > 0;
  if (posting) {
    const claimed = await stores.ledger.claim(teamId, [...fresh.map((r) => r.occurrenceKey), ...newChanges], runId, now());
    deps.checkpoint?.('claim', practice);
    if (now().getTime() > lease.until - postingMarginMs(options.leaseMs)) {
      throw new Error('The run took too long and its lease is running out; nothing was posted (the next run will post it).');
    }
    const digest = buildDigestCard({ practiceName: name, runDate: today, reminders: fresh, entryLink: link, registerLink: entryDeepLink(target), changesToReview: changes.lines });
    const card = fresh.length > 0 ? digest.card : withoutFalseAllClear(digest.card, reminders.length);
    const changed = changes.lines.length;
    const summary = fresh.length > 0
      ? `${fresh.length} review reminder${fresh.length === 1 ? '' : 's'} for ${name}${changed ? ` and ${changed} change${changed === 1 ? '' : 's'} for a manager to review` : ''}`
      : `${changed} change${changed === 1 ? '' : 's'} for a manager to review in ${name}`;
    const { activityId } = await deps.postCard(practice, card, summary);
    deps.checkpoint?.('post', practice);
    for (const record of claimed) {
      // null: changed under us (cannot happen while we hold the lease); the next run then repeats
      // the notifications for these keys rather than miss them.
      const posted = await stores.ledger.advance(record, 'posted', now(), activityId);
      deps.checkpoint?.('record', practice);
      if (posted === null) continue;
      toNotify.push(...fresh.filter((r) => posted.keys.includes(r.occurrenceKey)));
      toMarkNotified.push(posted);
    }
  }

  let sent = 0;
  let failed = 0;
  for (const reminder of toNotify) {
    for (const notification of notify(reminder)) {
      try {
        await sendActivityNotification(graph, teamId, notification);
      } catch (error) {
        // One failed notification neither fails the practice nor re-sends the others.
        failed += 1;
        log(`${name}: a ${notification.activityType} notification to ${notification.recipientUserId} failed: ${describe(error)}`);
        continue;
      }
      sent += 1;
      deps.checkpoint?.('notify', practice);
    }
  }
  for (const record of toMarkNotified) {
    await stores.ledger.advance(record, 'notified', now());
    deps.checkpoint?.('notified', practice);
  }
  // The PCN's open incidents on services this practice links to (issue 18), each posted here once.
  const shared = await postSharedIncidents(teamId, entries, { graph, ledger: stores.ledger, runId, now, entryLink: link, postCard: (card, text) => deps.postCard(practice, card, text), mayPost: () => now().getTime() <= lease.until - postingMarginMs(options.leaseMs) }, unchecked);
  const pruned = await stores.ledger.prune(teamId, new Date(now().getTime() - options.retentionDays * 86_400_000).toISOString());
  log(`${name}: ${reminders.length} due, ${fresh.length} posted in one digest${posting && changes.lines.length ? ` with ${changes.lines.length} change(s) to review` : ''}, ${sent} notification(s)${failed ? `, ${failed} failed` : ''}${shared ? `, ${shared} PCN incident card(s) posted` : ''}${pruned ? `, ${pruned} old ledger record(s) pruned` : ''}`);
  return outcome(practice, { ...base, status: posting ? 'posted' : 'nothing-new', posted: fresh.length, changesListed: posting ? changes.lines.length : 0, notifications: sent, notificationsFailed: failed });
}
