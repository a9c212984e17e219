/**
 * The governance record for changes the practice's convention reserves for managers (team owners):
 * owner and deputy changes, deletions and imports. SharePoint gives every team member Edit on the
 * register list, so the register does not pretend only managers CAN make them: it records who made
 * each one, flags one made by someone who is not a manager on the entry and in the next channel
 * digest, and lets a manager undo it (or keep it) from the entry's history. Pure: no I/O.
 */
import type { PersonRef, RegisterEntry } from './entry';

export type AuditKind = 'owner-change' | 'delete' | 'import';

export interface AuditActor {
  /** Entra object id. */
  readonly id: string;
  readonly name: string;
}

export interface OwnerPair {
  readonly owner: PersonRef | null;
  readonly deputy: PersonRef | null;
}

export interface AuditResolution {
  readonly by: AuditActor;
  readonly at: string;
  /** "undone": a manager reversed it; "kept": a manager looked and kept it. */
  readonly how: 'undone' | 'kept';
}

export interface AuditRecord {
  /** A GUID, made when the change is recorded. */
  readonly id: string;
  readonly kind: AuditKind;
  /** The entry changed or deleted; null for an import (see entryIds). */
  readonly entryId: string | null;
  /** The service's name when the change was made (a deleted entry has no other name left). */
  readonly title: string;
  readonly by: AuditActor;
  /** Whether `by` was an owner of the practice team when the change was made. */
  readonly byManager: boolean;
  /** ISO timestamp. */
  readonly at: string;
  /** owner-change: owner and deputy before and after. */
  readonly before?: OwnerPair;
  readonly after?: OwnerPair;
  /** delete: the entry as it was, so a manager can restore it. */
  readonly deleted?: RegisterEntry;
  /** import: the entries it created. */
  readonly entryIds?: readonly string[];
  readonly resolved?: AuditResolution;
}

/** A change a manager should look at: made by someone who is not a manager, not yet undone or kept. */
export function needsReview(record: AuditRecord): boolean {
  return !record.byManager && record.resolved === undefined;
}

/** Entry ids with at least one change waiting for a manager, each with those changes (newest first). */
export function flaggedEntries(records: readonly AuditRecord[]): Map<string, AuditRecord[]> {
  const flagged = new Map<string, AuditRecord[]>();
  for (const record of [...records].sort((a, b) => b.at.localeCompare(a.at))) {
    if (!needsReview(record)) continue;
    const ids = record.kind === 'import' ? (record.entryIds ?? []) : record.entryId ? [record.entryId] : [];
    for (const id of ids) flagged.set(id, [...(flagged.get(id) ?? []), record]);
  }
  return flagged;
}

function personText(person: PersonRef | null): string {
  return person ? person.displayName || person.upn || 'someone' : 'nobody';
}

/** One line for people: "Tom Reed changed the owner of EMIS Web from Priya Shah to Tom Reed". */
export function describeAudit(record: AuditRecord): string {
  const title = record.title || 'a service';
  switch (record.kind) {
    case 'owner-change': {
      const parts: string[] = [];
      if (personText(record.before?.owner ?? null) !== personText(record.after?.owner ?? null))
        parts.push(`the owner of ${title} from ${personText(record.before?.owner ?? null)} to ${personText(record.after?.owner ?? null)}`);
      if (personText(record.before?.deputy ?? null) !== personText(record.after?.deputy ?? null))
        parts.push(`${parts.length ? 'the deputy' : `the deputy of ${title}`} from ${personText(record.before?.deputy ?? null)} to ${personText(record.after?.deputy ?? null)}`);
      return `${record.by.name} changed ${parts.join(' and ') || `the owner of ${title}`}`;
    }
    case 'delete':
      return `${record.by.name} deleted ${title}`;
    case 'import': {
      const count = record.entryIds?.length ?? 0;
      return `${record.by.name} imported ${count === 1 ? '1 service' : `${count} services`}${record.title ? ` from ${record.title}` : ''}`;
    }
  }
}

/** True when saving `after` over `before` changes the owner or the deputy. */
export function ownersChanged(before: RegisterEntry, after: RegisterEntry): boolean {
  const key = (person: PersonRef | null) => (person ? person.entraId.toLowerCase() : '');
  return key(before.owner) !== key(after.owner) || key(before.deputy) !== key(after.deputy);
}

/**
 * The lines a channel digest lists under "Changes for a manager to review" (DigestInput
 * `changesToReview`), newest first. The tab's "Post now" uses it; the unattended digest can too,
 * from `openAuditLog(...).list()` on the practice's settings list.
 */
export function changesToReview(records: readonly AuditRecord[]): string[] {
  return [...records].filter(needsReview).sort((a, b) => b.at.localeCompare(a.at)).map(describeAudit);
}
