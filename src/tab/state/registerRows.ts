/**
 * The rows every view shows (Register, Overview, My services, the reminders preview), built by one
 * pure function from the loaded entries: the status is the most urgent of all the entry's due dates
 * (`dueStatus`, the domain's one rule for what is due) and the flags use the same due dates and the
 * same owner status as the reminders. Kept apart from the React hook so a test can build every view's
 * model from one fixture register and check they agree.
 */
import {
  dueStatus,
  riskFlags,
  type LocalDate,
  type OwnerLeftReason,
  type PersonRef,
  type ReviewStatus,
  type RiskContext,
  type RiskFlag,
  type StoredEntry,
  personKey,
} from '@domain';
import { resolveShared, sharedKey, parseSharedFrom, type SharedState } from '@domain/sharedServices';
import type { SharedLookup } from './sharedServices';

export interface RegisterRow {
  readonly stored: StoredEntry;
  readonly status: ReviewStatus;
  readonly flags: readonly RiskFlag[];
  /** Why the owner counts as left (deleted / disabled / not in the team); null (or absent) while active or unowned. */
  readonly ownerLeft?: OwnerLeftReason | null;
  /** A PCN-shared link's state (issue 18): 'loading' while the PCN's entry is read; absent for an entry the practice keeps. */
  readonly shared?: SharedState | 'loading';
}

/** Why each owner (by lower-case Entra id) has left; owners who are active are absent. */
export type OwnerLeftReasons = ReadonlyMap<string, OwnerLeftReason>;

export function ownerLeftReasonOf(reasons: OwnerLeftReasons, entraId: string | undefined | null): OwnerLeftReason | null {
  return entraId ? (reasons.get(personKey(entraId)) ?? null) : null;
}

function byTitle(a: StoredEntry, b: StoredEntry): number {
  return a.entry.title.localeCompare(b.entry.title, 'en-GB', { sensitivity: 'base' });
}

/** An entry's risk context from the practice's records (changes, checklists), once loaded (api/practiceRecords.tsx). */
export type RecordContextOf = (entryId: string) => Omit<RiskContext, 'ownerLeft'>;

/** A linked entry as its PCN keeps it (domain/sharedServices), and the link's state; an own entry as it is. */
function withShared(local: StoredEntry, shared: SharedLookup | undefined): { stored: StoredEntry; shared?: RegisterRow['shared'] } {
  const link = parseSharedFrom(local.entry.sharedFrom);
  if (link === null) return { stored: local };
  if (shared === null || shared === undefined) return { stored: local, shared: 'loading' };
  const pcnEntry = shared.get(sharedKey(link)) ?? null;
  return { stored: resolveShared(local, pcnEntry), shared: pcnEntry ? 'linked' : 'unavailable' };
}

/**
 * @param today the Europe/London date the register opened on.
 * @param recordContextOf the records' part of each row's risk context; absent until they are loaded.
 * @param shared the PCN entries linked rows read (state/sharedServices.ts); null while they are read.
 */
export function registerRowsOf(entries: readonly StoredEntry[], today: LocalDate, ownerLeftReasons: OwnerLeftReasons, recordContextOf?: RecordContextOf | null, shared?: SharedLookup): RegisterRow[] {
  return entries.map((local) => withShared(local, shared)).sort((a, b) => byTitle(a.stored, b.stored)).map(({ stored, shared: link }) => {
    const ownerLeft = ownerLeftReasonOf(ownerLeftReasons, stored.entry.owner?.entraId);
    const context: RiskContext = { ...recordContextOf?.(stored.id), ownerLeft: ownerLeft !== null };
    return { stored, status: dueStatus(stored.entry, today), flags: riskFlags(stored.entry, today, context), ownerLeft, ...(link ? { shared: link } : {}) };
  });
}

/**
 * The owner-left test the reminders preview uses: exactly the rows' owner status (directory AND team
 * membership), so the preview never @mentions an owner the Register shows as gone.
 */
export function ownerHasLeftIn(rows: readonly RegisterRow[]): (owner: PersonRef) => boolean {
  const left = new Set(rows.filter((row) => row.ownerLeft).map((row) => personKey(row.stored.entry.owner?.entraId ?? '')));
  return (owner) => left.has(personKey(owner.entraId));
}

/**
 * The register's headline counts: services IN USE (everything but retired), so a retired service is
 * never counted among "20 services"; retired ones are counted apart when there are any.
 */
export function registerSummary(all: readonly RegisterRow[]): string {
  const rows = all.filter((row) => row.stored.entry.lifecycle !== 'retired');
  const retired = all.length - rows.length;
  const overdue = rows.filter((row) => row.status === 'overdue').length;
  const dueSoon = rows.filter((row) => row.status === 'due-soon').length;
  const flagged = rows.filter((row) => row.flags.length > 0).length;
  const services = `${rows.length} ${rows.length === 1 ? 'service' : 'services'} in use`;
  const retiredPart = retired > 0 ? ` · ${retired} retired` : '';
  return `${services} · ${overdue} overdue · ${dueSoon} due soon · ${flagged} with risk flags${retiredPart}`;
}
