/**
 * The scheduled digest's "Changes for a manager to review": owner changes, deletions and imports
 * made by someone who is not a manager and not yet undone or kept, read from the register's audit
 * log (src/graph/register/auditLog.ts, items of the settings list). Same semantics as the tab's "Post now"
 * (src/domain/audit.ts changesToReview): every change still waiting is listed, newest first, and a
 * change a manager has undone or kept is listed no more.
 *
 * Each waiting change also has a ledger key, `change:{audit record id}`, claimed with the digest's
 * reminders: a change nobody has announced yet makes the run post a digest even when no reminder is
 * new, and once announced it does not make another digest by itself (it stays listed in the next
 * digest that has reminders, until a manager resolves it).
 */
import { changesToReview, needsReview, type AuditRecord } from '@domain';
import type { AdaptiveCard } from '@domain/reminders';
import { openAuditLog, type GraphClient } from '@graph';

export interface ChangesForDigest {
  /** The digest's lines, newest first (all changes still waiting). */
  readonly lines: readonly string[];
  /** One ledger key per waiting change. */
  readonly keys: readonly string[];
}

export const NO_CHANGES: ChangesForDigest = { lines: [], keys: [] };

export function changeKey(record: AuditRecord): string {
  return `change:${record.id}`;
}

/** @throws GraphError / NetworkError when the audit log cannot be read. */
export async function changesForDigest(graph: GraphClient, siteId: string, settingsId: string | null): Promise<ChangesForDigest> {
  // No settings list: the tab has had nowhere to record a change, so there is none to list.
  if (settingsId === null) return NO_CHANGES;
  const records = await openAuditLog(graph, { siteId, listId: settingsId }).list();
  return { lines: changesToReview(records), keys: records.filter(needsReview).map(changeKey) };
}

const NOTHING_DUE = 'Nothing is due. Every review is up to date.';

/**
 * A digest posted for changes alone carries no reminder lines, and the card would then say nothing
 * is due; when reminders are still due (announced in an earlier digest) it says that instead.
 */
export function withoutFalseAllClear(card: AdaptiveCard, stillDue: number): AdaptiveCard {
  if (stillDue === 0) return card;
  const text = `No new review reminders since the last digest (${stillDue} still due: see the register).`;
  return { ...card, body: card.body.map((element) => (element.type === 'TextBlock' && element.text === NOTHING_DUE ? { ...element, text } : element)) };
}
