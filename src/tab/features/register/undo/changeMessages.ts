/** What the confirmation toast says after each kind of change, and what Undo will do about it. */
import { effectiveNextReviewDue, formatLocalDate, type StoredEntry } from '@domain';
import type { SavedChange } from '../useEntryEditor';
import type { UndoableChange } from './undoChange';

export interface ChangeNotice {
  readonly message: string;
  readonly detail?: string;
  readonly change: UndoableChange;
}

/** The toast for a successful save, mark-reviewed or retire (`change.previous` null means it was added). */
export function savedNotice(saved: StoredEntry, change: SavedChange): ChangeNotice {
  const name = saved.entry.title || 'the service';
  const undoable: UndoableChange = change.previous
    ? { kind: 'updated', saved, previous: change.previous }
    : { kind: 'created', saved };
  if (change.action === 'review') {
    const next = effectiveNextReviewDue(saved.entry);
    return {
      message: `Marked ${name} reviewed.`,
      detail: next ? `Next review due ${formatLocalDate(next)}.` : undefined,
      change: undoable,
    };
  }
  if (change.action === 'retire') {
    return { message: `Retired ${name}.`, detail: 'It stays in the register as a record, marked Retired.', change: undoable };
  }
  return { message: change.previous ? `Saved ${name}.` : `Added ${name}.`, change: undoable };
}

export function deletedNotice(deleted: StoredEntry): ChangeNotice {
  return { message: `Deleted ${deleted.entry.title || 'the service'}.`, change: { kind: 'deleted', deleted } };
}
