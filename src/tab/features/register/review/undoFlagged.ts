/**
 * A manager undoing a change someone who is not a manager made (src/domain/audit.ts):
 * - an owner change: the owner and deputy go back to what they were, written with If-Match over the
 *   entry as it is now (other fields are kept);
 * - a deletion: the entry is created again from the snapshot recorded before it was deleted;
 * - an import: the entries it created that still exist are deleted (each with its own If-Match).
 * The undo is itself recorded, as a manager's change, and the flagged record is marked "undone".
 */
import type { AuditRecord, StoredEntry } from '@domain';
import { GraphError } from '@graph';
import type { RegisterStore } from '@graph';
import type { AuditData } from '../../../state/auditData';

export interface UndoOutcome {
  readonly saved: readonly StoredEntry[];
  readonly removed: readonly string[];
}

async function getOrNull(store: RegisterStore, id: string): Promise<StoredEntry | null> {
  try {
    return await store.get(id);
  } catch (error) {
    if (error instanceof GraphError && error.status === 404) return null;
    throw error;
  }
}

/** @throws GraphError / NetworkError / ConflictError (nothing is marked undone then). */
export async function undoFlagged(store: RegisterStore, audit: AuditData, record: AuditRecord): Promise<UndoOutcome> {
  const saved: StoredEntry[] = [];
  const removed: string[] = [];
  if (record.kind === 'owner-change' && record.entryId && record.before) {
    const current = await store.get(record.entryId);
    const restored = await store.update(current.id, current.eTag, { ...current.entry, owner: record.before.owner, deputy: record.before.deputy });
    saved.push(restored);
    await audit.record({ kind: 'owner-change', entryId: restored.id, title: restored.entry.title, before: { owner: current.entry.owner, deputy: current.entry.deputy }, after: record.before });
  } else if (record.kind === 'delete' && record.deleted) {
    const recreated = await store.create(record.deleted, `undo-${record.id}`);
    saved.push(recreated);
  } else if (record.kind === 'import') {
    for (const id of record.entryIds ?? []) {
      const current = await getOrNull(store, id);
      if (!current) continue;
      await store.delete(current.id, current.eTag);
      removed.push(current.id);
    }
  }
  await audit.resolve(record, 'undone');
  return { saved, removed };
}
