/**
 * One practice, one pass: lease, read, compute, claim, post ONE digest, record, notify, release.
 *
 * Crash policy (claim -> post -> record): a reminder occurrence is claimed in the ledger before the
 * digest is posted and recorded as posted after. A run that dies between claim and post leaves
 * 'claimed' rows that nothing was posted for; a run that dies between post and record leaves
 * 'claimed' rows that WERE posted. The next run cannot tell these apart (reading the channel needs
 * ChannelMessage.Read.All, which we do not ask for), so it takes over every stale 'claimed' row
 * (If-Match, so only one run can) and posts it again: at most one duplicate digest line per
 * occurrence, and never a missed reminder. Notifications follow the same rule with 'posted' ->
 * 'notified': a crash between sending and recording re-sends at most once.
 */
import type { PersonRef } from '../domain/entry';
import { addDays, londonDateOf } from '../domain/localDate';
import { buildDigestCard } from '../domain/reminders/digestCard';
import { entryDeepLink } from '../domain/reminders/entryLink';
import { remindersFor, type Reminder } from '../domain/reminders/reminderPolicy';
import { listTeamMembers, openRegisterStore, type GraphClient } from '../graph';
import { sendActivityNotification } from '../graph/activityNotifications';
import { openReminderLedger, type LedgerRecord, type ReminderLedger } from '../graph/reminderLedger';
import { resolvePracticeLists, type Practice } from './practices';
import { notificationsFor } from './reminderNotifications';

export type CrashPoint = 'claim' | 'post' | 'record' | 'notify';

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

async function takeLease(ledger: ReminderLedger, runId: string, now: Date, leaseMs: number): Promise<{ itemId: string; eTag: string } | null> {
  const lease = await ledger.leaseItem(now);
  if (Date.parse(lease.leaseUntil) > now.getTime() && lease.runId !== runId) return null;
  const eTag = await ledger.writeLease(lease.itemId, lease.eTag, runId, new Date(now.getTime() + leaseMs));
  return eTag === null ? null : { itemId: lease.itemId, eTag };
}

export async function runPractice(practice: Practice, deps: PracticeRunDeps, options: PracticeRunOptions): Promise<PracticeOutcome> {
  const base = { teamId: practice.teamId, name: practice.name };
  const { graph, now, runId } = deps;
  const lists = await resolvePracticeLists(graph, practice, options.dryRun);
  const ledger = lists.ledgerListId === null ? null : openReminderLedger(graph, { siteId: lists.siteId, listId: lists.ledgerListId });
  const lease = ledger && !options.dryRun ? await takeLease(ledger, runId, now(), options.leaseMs) : null;
  if (ledger && !options.dryRun && lease === null) return { ...base, status: 'lease-held', reminders: 0, posted: 0, notifications: 0 };
  try {
    const outcome = await remind(practice, lists, ledger, deps, options);
    if (ledger && lease) await ledger.writeLease(lease.itemId, lease.eTag, '', now());
    return outcome;
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    // Release so the next run need not wait out the lease; a failure to release only delays it.
    if (ledger && lease) await ledger.writeLease(lease.itemId, lease.eTag, '', now()).catch(() => null);
    throw error;
  }
}

async function remind(
  practice: Practice,
  lists: { siteId: string; listId: string },
  ledger: ReminderLedger | null,
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
  const reminders = remindersFor(entries, today, {
    practiceId: practice.teamId,
    dueSoonDays: options.dueSoonDays,
    escalateAfterDays: options.escalateAfterDays,
    ownerHasLeft: (owner) => !memberIds.has(owner.entraId),
  });
  // Any key still current was first claimed at most max(dueSoonDays, 7) days ago (weekly keys roll over).
  const since = `${addDays(today, -(Math.max(options.dueSoonDays, 7) + 2))}T00:00:00Z`;
  const records = new Map((ledger ? await ledger.recent(since) : []).map((r) => [r.key, r]));
  const fresh = reminders.filter((r) => (records.get(r.occurrenceKey)?.state ?? 'claimed') === 'claimed');
  const target = { teamsAppId: options.teamsAppId, entityId: options.tabEntityId, channelId: practice.channelId };
  const link = (entryId: string) => entryDeepLink(target, entryId);
  const notify = (r: Reminder) => notificationsFor(r, { managerIds, namedOwner: namedOwners.get(r.entryId) ?? null, link: link(r.entryId) });

  if (options.dryRun || ledger === null) {
    const pending = reminders.filter((r) => records.get(r.occurrenceKey)?.state !== 'notified');
    log(`[dry run] ${practice.name}: ${reminders.length} reminder(s) due, ${fresh.length} new for the channel digest`);
    for (const r of fresh) log(`  digest: ${r.stage} | ${r.entryTitle} | ${r.kind} due ${r.dueDate} | ${r.owner ? `@${r.owner.displayName}` : r.ownerIssue}`);
    const notes = pending.flatMap(notify);
    for (const n of notes) log(`  notify ${n.recipientUserId}: ${n.activityType} "${n.previewText}"`);
    return { ...base, status: 'dry-run', reminders: reminders.length, posted: 0, notifications: notes.length };
  }

  const claimed: { reminder: Reminder; record: LedgerRecord }[] = [];
  for (const reminder of fresh) {
    const stale = records.get(reminder.occurrenceKey);
    const record = stale ? await ledger.reclaim(stale, runId, now()) : await ledger.claim(reminder.occurrenceKey, runId, now());
    if (record !== null && record !== 'taken') claimed.push({ reminder, record });
    deps.checkpoint?.('claim', practice);
  }

  const toNotify: { reminder: Reminder; record: LedgerRecord }[] = [];
  for (const reminder of reminders) {
    const record = records.get(reminder.occurrenceKey);
    if (record?.state === 'posted') toNotify.push({ reminder, record });
  }
  if (claimed.length > 0) {
    const digest = buildDigestCard({
      practiceName: practice.name,
      runDate: today,
      reminders: claimed.map((c) => c.reminder),
      entryLink: link,
      registerLink: entryDeepLink(target),
    });
    const summary = `${claimed.length} review reminder${claimed.length === 1 ? '' : 's'} for ${practice.name}`;
    const { activityId } = await deps.postCard(practice, digest.card, summary);
    deps.checkpoint?.('post', practice);
    for (const { reminder, record } of claimed) {
      const posted = await ledger.advance(record, 'posted', now(), activityId);
      if (posted) toNotify.push({ reminder, record: posted });
      deps.checkpoint?.('record', practice);
    }
  }

  let sent = 0;
  for (const { reminder, record } of toNotify) {
    for (const notification of notify(reminder)) {
      await sendActivityNotification(graph, practice.teamId, notification);
      sent += 1;
      deps.checkpoint?.('notify', practice);
    }
    await ledger.advance(record, 'notified', now());
  }
  log(`${practice.name}: ${reminders.length} due, ${claimed.length} posted in one digest, ${sent} notification(s)`);
  return { ...base, status: claimed.length > 0 ? 'posted' : 'nothing-new', reminders: reminders.length, posted: claimed.length, notifications: sent };
}
