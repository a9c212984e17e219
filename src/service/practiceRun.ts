/**
 * One practice, one pass: lease, read, compute, claim, post ONE digest, record, notify, release.
 *
 * The ledger holds one "digest record" per run that posts (reminderLedgerList.ts): the occurrence
 * keys its digest covers, State claimed -> posted -> notified. Per practice per run that is: the
 * lease (read + write), one query of recent records, the register (one paged query), the team's
 * members and a directory check of the owners still in it (not SharePoint), one record create, the
 * post, one record update, the activity notifications (not SharePoint), one more record update,
 * the lease release.
 *
 * Crash policy (claim -> post -> record), checked step by step in docs/reminders.md:
 * - before the claim: nothing written but the lease; the next run (after the lease runs out) starts
 *   afresh.
 * - after the claim, before the post: a 'claimed' record whose keys nobody saw.
 * - after the post, before the record: a 'claimed' record whose keys WERE posted.
 *   The next run cannot tell these two apart (reading the channel needs ChannelMessage.Read.All,
 *   which we do not ask for), so it treats every key that only a 'claimed' record covers as not
 *   sent and posts it again in its own digest and record: at most one duplicate digest line per
 *   occurrence, never a missed reminder. The old 'claimed' record is left as it is: a key's state is
 *   the furthest state of any record covering it.
 * - after the record, before or during the notifications: a 'posted' record; the next run sends the
 *   notifications of its keys that are still due (at most one duplicate of each one already sent),
 *   then marks it notified.
 * - after 'notified', before the release: nothing left to do; the lease runs out by itself.
 * A run also refuses to post when its lease is about to run out, so a run slowed down (by the pacer
 * or by throttling) cannot post beside the next run that takes the lease over.
 */
import type { PersonRef } from '../domain/entry';
import { addDays, londonDateOf } from '../domain/localDate';
import { buildDigestCard } from '../domain/reminders/digestCard';
import { entryDeepLink } from '../domain/reminders/entryLink';
import { remindersFor, type Reminder } from '../domain/reminders/reminderPolicy';
import { listTeamMembers, openRegisterStore, type GraphClient } from '../graph';
import { sendActivityNotification } from '../graph/activityNotifications';
import { openReminderLedger, type DigestRecord, type LedgerState, type ReminderLedger } from '../graph/reminderLedger';
import { resolvePracticeLists, type Practice } from './practices';
import { ownersLeft } from './ownersLeft';
import { notificationsFor } from './reminderNotifications';

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

export interface PracticeRunDeps {
  readonly graph: GraphClient;
  readonly postCard: (practice: Practice, card: ReturnType<typeof buildDigestCard>['card'], summary: string) => Promise<{ activityId: string }>;
  readonly now: () => Date;
  readonly runId: string;
  readonly log: (line: string) => void;
  /** Called after each step; a test may throw SimulatedCrash here. */
  readonly checkpoint?: (point: CrashPoint, practice: Practice) => void;
}

export interface PracticeRunOptions {
  readonly dryRun: boolean;
  readonly dueSoonDays: number;
  readonly escalateAfterDays: number;
  readonly leaseMs: number;
  readonly teamsAppId: string;
  readonly tabEntityId: string;
}

export interface PracticeOutcome {
  readonly teamId: string;
  readonly name: string;
  readonly status: 'posted' | 'nothing-new' | 'lease-held' | 'dry-run' | 'failed';
  readonly reminders: number;
  /** Occurrences in this run's digest (0 or the digest's lines). */
  readonly posted: number;
  readonly notifications: number;
  readonly error?: string;
}

interface Lease {
  readonly itemId: string;
  readonly eTag: string;
  /** Epoch ms when it runs out. */
  readonly until: number;
}

async function takeLease(ledger: ReminderLedger, runId: string, now: Date, leaseMs: number): Promise<Lease | null> {
  const until = now.getTime() + leaseMs;
  const lease = await ledger.leaseItem(now, { runId, until: new Date(until) });
  // Created just now, already held by this run.
  if (lease.created) return { itemId: lease.itemId, eTag: lease.eTag, until };
  if (Date.parse(lease.leaseUntil) > now.getTime() && lease.runId !== runId) return null;
  const eTag = await ledger.writeLease(lease.itemId, lease.eTag, runId, new Date(until));
  return eTag === null ? null : { itemId: lease.itemId, eTag, until };
}

/** Time a run must still hold the lease for when it posts: a quarter of the lease, at most 2 minutes. */
export function postingMarginMs(leaseMs: number): number {
  return Math.min(120_000, Math.floor(leaseMs / 4));
}

export async function runPractice(practice: Practice, deps: PracticeRunDeps, options: PracticeRunOptions): Promise<PracticeOutcome> {
  const base = { teamId: practice.teamId, name: practice.name };
  const { graph, now, runId } = deps;
  const lists = await resolvePracticeLists(graph, practice, options.dryRun);
  const ledger = lists.ledgerListId === null ? null : openReminderLedger(graph, { siteId: lists.siteId, listId: lists.ledgerListId });
  const lease = ledger && !options.dryRun ? await takeLease(ledger, runId, now(), options.leaseMs) : null;
  if (ledger && !options.dryRun && lease === null) return { ...base, status: 'lease-held', reminders: 0, posted: 0, notifications: 0 };
  if (lease) deps.checkpoint?.('lease', practice);
  try {
    const outcome = await remind(practice, lists, ledger, lease, deps, options);
    if (ledger && lease) await ledger.writeLease(lease.itemId, lease.eTag, '', now());
    return outcome;
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    // Release so the next run need not wait out the lease; a failure to release only delays it.
    if (ledger && lease) await ledger.writeLease(lease.itemId, lease.eTag, '', now()).catch(() => null);
    throw error;
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

async function remind(
  practice: Practice,
  lists: { siteId: string; listId: string },
  ledger: ReminderLedger | null,
  lease: Lease | null,
  deps: PracticeRunDeps,
  options: PracticeRunOptions,
): Promise<PracticeOutcome> {
  const { graph, now, runId, log } = deps;
  const base = { teamId: practice.teamId, name: practice.name };
  const today = londonDateOf(now());
  const entries = await openRegisterStore(graph, { teamId: practice.teamId, ...lists }).list();
  const members = await listTeamMembers(graph, practice.teamId);
  const memberIds = new Set(members.map((m) => m.userId));
  const managerIds = members.filter((m) => m.roles.includes('owner')).map((m) => m.userId);
  const namedOwners = new Map<string, PersonRef | null>(entries.map((e) => [e.id, e.entry.owner]));
  const policy = { practiceId: practice.teamId, dueSoonDays: options.dueSoonDays, escalateAfterDays: options.escalateAfterDays };
  // Team membership first; then the directory, asked only about the owners of today's reminders
  // who are still in the team (deleted or disabled owners), so it is one $batch per 20 of them.
  const byMembership = remindersFor(entries, today, { ...policy, ownerHasLeft: (owner) => !memberIds.has(owner.entraId) });
  const leftReason = await ownersLeft(graph, byMembership.flatMap((r) => (r.owner ? [r.owner] : [])), memberIds, log);
  const reminders = remindersFor(entries, today, { ...policy, ownerHasLeft: (owner) => leftReason(owner) !== null });
  const leftCount = reminders.filter((r) => r.ownerIssue === 'owner-left').length;
  if (leftCount > 0) log(`${practice.name}: ${leftCount} reminder(s) whose owner has left go to the managers`);
  // Any key still current was first claimed at most max(dueSoonDays, 7) days ago (weekly keys roll over).
  const since = `${addDays(today, -(Math.max(options.dueSoonDays, 7) + 2))}T00:00:00Z`;
  const records = ledger ? await ledger.recent(since) : [];
  const states = keyStates(records);
  const fresh = reminders.filter((r) => (states.get(r.occurrenceKey) ?? 'claimed') === 'claimed');
  const target = { teamsAppId: options.teamsAppId, entityId: options.tabEntityId, channelId: practice.channelId };
  const link = (entryId: string) => entryDeepLink(target, entryId);
  const notify = (r: Reminder) => notificationsFor(r, { managerIds, namedOwner: namedOwners.get(r.entryId) ?? null, link: link(r.entryId) });

  if (options.dryRun || ledger === null) {
    const pending = reminders.filter((r) => states.get(r.occurrenceKey) !== 'notified');
    log(`[dry run] ${practice.name}: ${reminders.length} reminder(s) due, ${fresh.length} new for the channel digest`);
    for (const r of fresh) log(`  digest: ${r.stage} | ${r.entryTitle} | ${r.kind} due ${r.dueDate} | ${r.owner ? `@${r.owner.displayName}` : r.ownerIssue}`);
    const notes = pending.flatMap(notify);
    for (const n of notes) log(`  notify ${n.recipientUserId}: ${n.activityType} "${n.previewText}"`);
    return { ...base, status: 'dry-run', reminders: reminders.length, posted: 0, notifications: notes.length };
  }

  // Posted earlier but not yet notified (a crash or failure after recording the post).
  const toNotify = reminders.filter((r) => states.get(r.occurrenceKey) === 'posted');
  const pendingKeys = new Set(toNotify.map((r) => r.occurrenceKey));
  const toMarkNotified = records.filter((record) => record.state === 'posted' && record.keys.some((key) => pendingKeys.has(key)));

  if (fresh.length > 0) {
    const claimed = await ledger.claim(fresh.map((r) => r.occurrenceKey), runId, now());
    deps.checkpoint?.('claim', practice);
    if (lease && now().getTime() > lease.until - postingMarginMs(options.leaseMs)) {
      throw new Error('The run took too long and its lease is running out; nothing was posted (the next run will post it).');
    }
    const digest = buildDigestCard({
      practiceName: practice.name,
      runDate: today,
      reminders: fresh,
      entryLink: link,
      registerLink: entryDeepLink(target),
    });
    const summary = `${fresh.length} review reminder${fresh.length === 1 ? '' : 's'} for ${practice.name}`;
    const { activityId } = await deps.postCard(practice, digest.card, summary);
    deps.checkpoint?.('post', practice);
    for (const record of claimed) {
      // null: changed under us (cannot happen while we hold the lease); the next run then repeats
      // the notifications for these keys rather than miss them.
      const posted = await ledger.advance(record, 'posted', now(), activityId);
      deps.checkpoint?.('record', practice);
      if (posted === null) continue;
      toNotify.push(...fresh.filter((r) => posted.keys.includes(r.occurrenceKey)));
      toMarkNotified.push(posted);
    }
  }

  let sent = 0;
  for (const reminder of toNotify) {
    for (const notification of notify(reminder)) {
      await sendActivityNotification(graph, practice.teamId, notification);
      sent += 1;
      deps.checkpoint?.('notify', practice);
    }
  }
  for (const record of toMarkNotified) {
    await ledger.advance(record, 'notified', now());
    deps.checkpoint?.('notified', practice);
  }
  log(`${practice.name}: ${reminders.length} due, ${fresh.length} posted in one digest, ${sent} notification(s)`);
  return { ...base, status: fresh.length > 0 ? 'posted' : 'nothing-new', reminders: reminders.length, posted: fresh.length, notifications: sent };
}
