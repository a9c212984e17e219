/**
 * What is reminded, to whom, and when: a pure function of the register and today's London date.
 *
 * Each entry has up to four due dates (ReminderKind). Each due date passes through stages:
 *
 *   daysUntilDue > dueSoonDays               nothing
 *   1 .. dueSoonDays                         'due-soon'   (once per due date)
 *   0                                        'due'        (the due day itself)
 *   -1 .. -(escalateAfterDays - 1)           'overdue'    (repeats weekly)
 *   <= -escalateAfterDays                    'escalated'  (repeats weekly, managers told too)
 *
 * Never twice, never missed: every reminder has a deterministic `occurrenceKey` that a ledger
 * records once sent. The key never contains today's date, only the due date, the stage and (while
 * overdue) the week index floor(daysOverdue / 7). So a second run on the same day, or any day in
 * the same week, yields the same keys (the ledger suppresses them), and a run after days of downtime
 * yields the current stage's key, which the ledger has not seen (nothing is silently skipped). The
 * one stage a long outage can skip is 'due' itself: the day after, the same due date is 'overdue'
 * (week 0), so the owner is still told.
 *
 * Changing a due date (a review done, a DPIA redone) changes the key, which starts a new cycle.
 */
import type { LocalDate, PersonRef, StoredEntry } from '../entry';
import { daysBetween, isLocalDate } from '../localDate';
import { DEFAULT_DUE_SOON_DAYS, DUE_KINDS, dueDatesOf, type DueKind } from '../due';
import { isLinked } from '../sharedServices/sharedLink';

// The one rule for what is due lives in ../due; re-exported for the service and its tests.
export { CONTINUITY_TEST_INTERVAL_MONTHS, DPIA_REVIEW_INTERVAL_MONTHS, dueDatesOf } from '../due';

/** The same kinds as the one due-date rule (../due). */
export type ReminderKind = DueKind;
export type ReminderStage = 'due-soon' | 'due' | 'overdue' | 'escalated';

/** Listed most urgent first; digests and sorting follow this order. */
export const REMINDER_STAGES: readonly ReminderStage[] = ['escalated', 'overdue', 'due', 'due-soon'];
export const REMINDER_KINDS: readonly ReminderKind[] = DUE_KINDS;

export const DEFAULT_ESCALATE_AFTER_DAYS = 28;

export type ReminderRecipient = { readonly kind: 'owner'; readonly person: PersonRef } | { readonly kind: 'managers' };

/** Why the managers are told instead of (or as well as) the owner. */
export type OwnerIssue = 'none' | 'no-owner' | 'owner-left';

export interface Reminder {
  readonly entryId: string;
  readonly entryTitle: string;
  readonly kind: ReminderKind;
  readonly dueDate: LocalDate;
  /** Calendar days from today to the due date: 0 on the day, negative once overdue. */
  readonly daysUntilDue: number;
  readonly stage: ReminderStage;
  /** 0 unless overdue/escalated; then floor(daysOverdue / 7), the week of the weekly repeat. */
  readonly weekIndex: number;
  /** The owner to @mention; null when there is none or they have left (then managers are told). */
  readonly owner: PersonRef | null;
  readonly ownerIssue: OwnerIssue;
  /** Owner first when there is one; managers when there is no usable owner or the stage is 'escalated'. */
  readonly recipients: readonly ReminderRecipient[];
  /** `practiceId|entryId|kind|dueDate|stage|weekIndex`, each part URI-encoded so no part can contain '|'. */
  readonly occurrenceKey: string;
}

export interface ReminderPolicyOptions {
  /** Identifies the practice in occurrence keys (e.g. the team id); the same value on every run. */
  readonly practiceId: string;
  /** Days ahead that count as "due soon" (integer >= 0; 0 means no due-soon reminders). Default 30. */
  readonly dueSoonDays?: number;
  /** Days overdue after which the managers are told (integer >= 1). Default 28. */
  readonly escalateAfterDays?: number;
  /** True when the owner has left the practice (no longer in the team); their reminders go to the managers. */
  readonly ownerHasLeft?: (owner: PersonRef) => boolean;
}

/** A stored entry, or anything with its item id and entry (a StoredEntry fits as it is). */
export type ReminderInput = Pick<StoredEntry, 'id' | 'entry'>;

/** @returns the stage on `today` for a due date `daysUntilDue` days away, or null when nothing is due yet. */
export function stageFor(daysUntilDue: number, dueSoonDays: number, escalateAfterDays: number): ReminderStage | null {
  if (daysUntilDue > dueSoonDays) return null;
  if (daysUntilDue > 0) return 'due-soon';
  if (daysUntilDue === 0) return 'due';
  return -daysUntilDue >= escalateAfterDays ? 'escalated' : 'overdue';
}

export function occurrenceKey(parts: {
  practiceId: string;
  entryId: string;
  kind: ReminderKind;
  dueDate: LocalDate;
  stage: ReminderStage;
  weekIndex: number;
}): string {
  return [parts.practiceId, parts.entryId, parts.kind, parts.dueDate, parts.stage, String(parts.weekIndex)]
    .map((part) => encodeURIComponent(part))
    .join('|');
}

function checkOptions(options: ReminderPolicyOptions): { dueSoonDays: number; escalateAfterDays: number } {
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const escalateAfterDays = options.escalateAfterDays ?? DEFAULT_ESCALATE_AFTER_DAYS;
  if (options.practiceId.trim() === '') throw new RangeError('practiceId must not be empty');
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0) throw new RangeError(`dueSoonDays must be a whole number >= 0, got ${dueSoonDays}`);
  if (!Number.isInteger(escalateAfterDays) || escalateAfterDays < 1) {
    throw new RangeError(`escalateAfterDays must be a whole number >= 1, got ${escalateAfterDays}`);
  }
  return { dueSoonDays, escalateAfterDays };
}

function ownerOf(entry: ReminderInput['entry'], options: ReminderPolicyOptions): { owner: PersonRef | null; issue: OwnerIssue } {
  const owner = entry.owner;
  if (owner === null || owner.entraId.trim() === '') return { owner: null, issue: 'no-owner' };
  if (options.ownerHasLeft?.(owner)) return { owner: null, issue: 'owner-left' };
  return { owner, issue: 'none' };
}

const STAGE_RANK = new Map(REMINDER_STAGES.map((stage, index) => [stage, index]));
const KIND_RANK = new Map(REMINDER_KINDS.map((kind, index) => [kind, index]));

/** Most urgent first: stage, then earliest due date, then kind, title and id (a total, stable order). */
export function compareReminders(a: Reminder, b: Reminder): number {
  return (
    (STAGE_RANK.get(a.stage) ?? 0) - (STAGE_RANK.get(b.stage) ?? 0) ||
    a.dueDate.localeCompare(b.dueDate) ||
    (KIND_RANK.get(a.kind) ?? 0) - (KIND_RANK.get(b.kind) ?? 0) ||
    a.entryTitle.localeCompare(b.entryTitle, 'en-GB') ||
    a.entryId.localeCompare(b.entryId)
  );
}

/**
 * The reminders for one practice on `today`, most urgent first. Retired entries are never reminded,
 * nor entries linked to a PCN-shared service: the PCN reviews those, and its own reminders go to
 * the PCN's channel (issue 18).
 * @param today the Europe/London date of the run (`londonDateOf(clock())`), never derived here.
 * @throws RangeError when `today` is not a calendar date or an option is out of range.
 */
export function remindersFor(entries: readonly ReminderInput[], today: LocalDate, options: ReminderPolicyOptions): Reminder[] {
  if (!isLocalDate(today)) throw new RangeError(`today is not a calendar date: ${today}`);
  const { dueSoonDays, escalateAfterDays } = checkOptions(options);
  const reminders: Reminder[] = [];
  for (const { id, entry } of entries) {
    if (entry.lifecycle === 'retired' || isLinked(entry)) continue;
    const { owner, issue } = ownerOf(entry, options);
    const dueDates = dueDatesOf(entry);
    for (const kind of REMINDER_KINDS) {
      const dueDate = dueDates[kind];
      if (dueDate === null) continue;
      const daysUntilDue = daysBetween(today, dueDate);
      const stage = stageFor(daysUntilDue, dueSoonDays, escalateAfterDays);
      if (stage === null) continue;
      const weekIndex = daysUntilDue < 0 ? Math.floor(-daysUntilDue / 7) : 0;
      const recipients: ReminderRecipient[] = [];
      if (owner !== null) recipients.push({ kind: 'owner', person: owner });
      if (owner === null || stage === 'escalated') recipients.push({ kind: 'managers' });
      reminders.push({
        entryId: id,
        entryTitle: entry.title,
        kind,
        dueDate,
        daysUntilDue,
        stage,
        weekIndex,
        owner,
        ownerIssue: issue,
        recipients,
        occurrenceKey: occurrenceKey({ practiceId: options.practiceId, entryId: id, kind, dueDate, stage, weekIndex }),
      });
    }
  }
  return reminders.sort(compareReminders);
}
