/**
 * The checklist actions that also change a register entry (a handover, a leaver's admin rights
 * removed, an access review recorded). The entry is written through the register's own save path
 * (`RegisterStore.update`, If-Match, as promoteDeputy does), and always before the checklist line is
 * ticked: if the tick then fails, repeating the action finds the entry already changed and writes
 * only the tick. Each entry change is a pure function re-applied after a conflict, and applied only
 * while the leaver still holds the role, so a handover someone else already made is never undone.
 */
import {
  applyAccessReview,
  handOverEntry,
  isSamePerson,
  markNotApplicable,
  recordHandover,
  tickLine,
  withoutAdminHolder,
  type AccessReviewRecord,
  type StoredAccessReview,
  type StoredChecklist,
} from '@domain/access';
import type { PersonRef, RegisterEntry, StoredEntry } from '@domain';
import { ConflictError } from '../client';
import type { RegisterStore } from '../types';
import type { AccessReviewStore } from './accessReviewStore';
import type { ChecklistStore } from './checklistStore';

/**
 * Writes `change(entry)` with If-Match; after a conflict, reads the entry again and re-applies.
 * @returns the entry as stored afterwards (unchanged when the change had nothing to do).
 * @throws ConflictError when the entry was deleted; Error after `attempts` conflicts; GraphError / NetworkError.
 */
export async function saveEntryChange(store: RegisterStore, entryId: string, change: (entry: RegisterEntry) => RegisterEntry, attempts = 4): Promise<StoredEntry> {
  let current = await store.get(entryId);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const next = change(current.entry);
    if (JSON.stringify(next) === JSON.stringify(current.entry)) return current;
    try {
      return await store.update(current.id, current.eTag, next);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      if (error.current === null) throw error;
      current = error.current;
    }
  }
  throw new Error('This service kept changing while the change was being saved; try again.');
}

export interface ActionContext {
  readonly checklists: ChecklistStore;
  readonly register: RegisterStore;
  /** Display name of who is acting. */
  readonly by: string;
  /** ISO instant now (the caller's clock). */
  readonly at: string;
}

export interface ActionResult {
  readonly checklist: StoredChecklist;
  /** The entry as saved, or null when the action did not touch an entry. */
  readonly entry: StoredEntry | null;
}

/**
 * A handover line: the service's owner (or deputy) becomes `to`, then the line is ticked with who it went to.
 * @throws RangeError for a line that is not a handover, or an owner handover to nobody.
 */
export async function handOver(context: ActionContext, stored: StoredChecklist, lineKey: string, to: PersonRef | null): Promise<ActionResult> {
  const line = stored.checklist.lines.find((candidate) => candidate.key === lineKey);
  if (!line || line.kind !== 'handover' || !line.handoverRole) throw new RangeError(`Line ${lineKey} is not a handover.`);
  recordHandover(stored.checklist, lineKey, to, context.by, context.at); // validates before anything is written
  const role = line.handoverRole;
  const leaver = stored.checklist.person;
  const entry = await saveEntryChange(context.register, line.entryId, (current) => (isSamePerson(current[role], leaver) ? handOverEntry(current, role, to) : current));
  const checklist = await context.checklists.change(stored.id, (current) => recordHandover(current, lineKey, to, context.by, context.at), stored);
  return { checklist, entry };
}

/** Ticks a line; an admin-rights line also takes the leaver off the entry's admin rights list first. */
export async function tick(context: ActionContext, stored: StoredChecklist, lineKey: string): Promise<ActionResult> {
  const line = stored.checklist.lines.find((candidate) => candidate.key === lineKey);
  if (!line) throw new RangeError(`The checklist has no line ${lineKey}.`);
  if (line.kind === 'handover') throw new RangeError('A handover line is done by handing the service over.');
  let entry: StoredEntry | null = null;
  if (line.kind === 'admin-rights' && line.status.state === 'open') {
    entry = await saveEntryChange(context.register, line.entryId, (current) => withoutAdminHolder(current, stored.checklist.person));
  }
  const checklist = await context.checklists.change(stored.id, (current) => tickLine(current, lineKey, context.by, context.at), stored);
  return { checklist, entry };
}

/** Marks a line not applicable with a reason (no entry changes: nothing was done). */
export async function markNotApplicableLine(context: ActionContext, stored: StoredChecklist, lineKey: string, reason: string): Promise<ActionResult> {
  markNotApplicable(stored.checklist, lineKey, reason, context.by, context.at); // validates the reason before any request
  const checklist = await context.checklists.change(stored.id, (current) => markNotApplicable(current, lineKey, reason, context.by, context.at), stored);
  return { checklist, entry: null };
}

/** Records an access review, then moves the entry's last access review to its date (never backwards). */
export async function recordAccessReview(reviews: AccessReviewStore, register: RegisterStore, review: AccessReviewRecord): Promise<{ review: StoredAccessReview; entry: StoredEntry }> {
  const stored = await reviews.create(review);
  const entry = await saveEntryChange(register, review.entryId, (current) => applyAccessReview(current, review));
  return { review: stored, entry };
}
