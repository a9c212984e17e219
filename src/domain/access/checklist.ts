/**
 * Joiner, leaver and role-change checklists (issue 17, "Starters, leavers and role changes").
 *
 * A checklist is built from the register once, when a manager starts it, and then kept as it was
 * built: a line per service whose access applies, each carrying the entry's own "how access is
 * granted" (joiners, role changes) or "how access is removed" (leavers) text. A leaver's checklist
 * also lists every service they own or deputise for (a handover line each) and every admin right
 * they hold. Each line ends ticked with who and when, or not applicable with a reason.
 *
 * Every change is a pure function of the checklist (tickLine, markNotApplicable, recordHandover),
 * so the store can re-apply it to a fresh copy after an If-Match conflict: two people ticking
 * different lines at once both land. A line already resolved is left as it is (first one wins).
 */
import type { LocalDate, Option, PersonRef, RegisterEntry } from '../entry';
import { IN_USE_LIFECYCLES } from '../due';
import { personKey } from '../people/ranking';

function options<Code extends string>(pairs: ReadonlyArray<readonly [Code, string]>): ReadonlyArray<Option<Code>> {
  return pairs.map(([code, label]) => ({ code, label }));
}

export const CHECKLIST_KINDS = options([
  ['joiner', 'Joiner'],
  ['leaver', 'Leaver'],
  ['role-change', 'Role change'],
] as const);
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number]['code'];

/** What the checklist's date means for each kind, as the form labels it. */
export const CHECKLIST_DATE_LABELS: Readonly<Record<ChecklistKind, string>> = {
  joiner: 'Start date',
  leaver: 'Last working day',
  'role-change': 'Date of the change',
};

/** A short list a manager can pick from without a job-title taxonomy. */
export const STAFF_ROLES = options([
  ['all-staff', 'All staff'],
  ['clinician', 'Clinician'],
  ['reception-admin', 'Reception and admin'],
  ['manager', 'Manager'],
] as const);
export type StaffRole = (typeof STAFF_ROLES)[number]['code'];

export type LineKind = 'access' | 'handover' | 'admin-rights';

export type LineStatus =
  | { readonly state: 'open' }
  | { readonly state: 'done'; readonly by: string; readonly at: string; readonly handedTo?: PersonRef | null }
  | { readonly state: 'not-applicable'; readonly reason: string; readonly by: string; readonly at: string };

export interface ChecklistLine {
  /** Stable within the checklist: `access:{entryId}`, `handover:{entryId}:owner`, `admin:{entryId}:{n}`. */
  readonly key: string;
  readonly kind: LineKind;
  readonly entryId: string;
  readonly serviceTitle: string;
  /** What to do, in the register's own words where it has them. */
  readonly instruction: string;
  /** Handover lines: which role the person held on the service. */
  readonly handoverRole?: 'owner' | 'deputy';
  /** Handover lines: who it goes to unless someone else is picked (the deputy, for an owner). */
  readonly suggestedTo?: PersonRef | null;
  readonly status: LineStatus;
}

export interface Checklist {
  /** 'chk-' + a GUID made once when it is started: a retried create finds the first one. */
  readonly key: string;
  readonly kind: ChecklistKind;
  readonly person: PersonRef;
  readonly role: StaffRole;
  /** Role changes: the role they are moving from. */
  readonly previousRole: StaffRole | null;
  readonly date: LocalDate;
  readonly createdBy: string;
  /** ISO instant. */
  readonly createdAt: string;
  readonly lines: readonly ChecklistLine[];
}

export interface StoredChecklist {
  readonly id: string;
  readonly eTag: string;
  readonly checklist: Checklist;
}

/** A register entry with its list item id: what the checklist is built from. */
export interface RegisterItem {
  readonly id: string;
  readonly entry: RegisterEntry;
}

/**
 * The register's "who needs it" rule, if a practice keeps one: the roles that need an account on
 * a service, or null when the register does not say (then the service applies to every role).
 */
export type WhoNeedsIt = (item: RegisterItem) => readonly StaffRole[] | null;

export interface ChecklistStart {
  readonly key: string;
  readonly kind: ChecklistKind;
  readonly person: PersonRef;
  readonly role: StaffRole;
  readonly previousRole?: StaffRole | null;
  readonly date: LocalDate;
  readonly createdBy: string;
  readonly createdAt: string;
}

const OPEN: LineStatus = { state: 'open' };

/**
 * True when a service's access applies to `role`: the rule's roles include it (or 'all-staff'),
 * or the register has no rule for the service. 'All staff' as the person's role means every service.
 */
export function accessApplies(item: RegisterItem, role: StaffRole, whoNeedsIt?: WhoNeedsIt): boolean {
  const roles = whoNeedsIt?.(item) ?? null;
  if (roles === null || role === 'all-staff') return true;
  return roles.includes('all-staff') || roles.includes(role);
}

function missing(what: string): string {
  return `The register does not say how access is ${what} for this service: do it as usual and record how in the entry.`;
}

function accessInstruction(kind: ChecklistKind, entry: RegisterEntry): string {
  const granted = entry.accessGranted.trim();
  const removed = entry.accessRemoved.trim();
  if (kind === 'joiner') return granted || missing('granted');
  if (kind === 'leaver') return removed || missing('removed');
  return `Give what the new role needs and remove what it no longer needs. Granted: ${granted || 'not recorded.'} Removed: ${removed || 'not recorded.'}`;
}

export function isSamePerson(a: PersonRef | null | undefined, b: PersonRef | null | undefined): boolean {
  return !!a && !!b && a.entraId.trim() !== '' && personKey(a.entraId) === personKey(b.entraId);
}

function handoverLines(items: readonly RegisterItem[], person: PersonRef): ChecklistLine[] {
  const lines: ChecklistLine[] = [];
  for (const { id, entry } of items) {
    if (entry.lifecycle === 'retired') continue;
    if (isSamePerson(entry.owner, person)) {
      const deputy = isSamePerson(entry.deputy, person) ? null : entry.deputy;
      lines.push({
        key: `handover:${id}:owner`, kind: 'handover', entryId: id, serviceTitle: entry.title, handoverRole: 'owner', suggestedTo: deputy,
        instruction: deputy ? `Hand over ownership: ${deputy.displayName}, the deputy, becomes the owner unless you pick someone else.` : 'Hand over ownership: pick the new owner.',
        status: OPEN,
      });
    }
    if (isSamePerson(entry.deputy, person)) {
      lines.push({
        key: `handover:${id}:deputy`, kind: 'handover', entryId: id, serviceTitle: entry.title, handoverRole: 'deputy', suggestedTo: null,
        instruction: 'Pick a new deputy owner.', status: OPEN,
      });
    }
  }
  return lines;
}

function adminLines(items: readonly RegisterItem[], person: PersonRef): ChecklistLine[] {
  const lines: ChecklistLine[] = [];
  for (const { id, entry } of items) {
    if (entry.lifecycle === 'retired') continue;
    entry.adminRights.forEach((holder, index) => {
      if (!isSamePerson(holder.person, person)) return;
      lines.push({
        key: `admin:${id}:${index}`, kind: 'admin-rights', entryId: id, serviceTitle: entry.title,
        instruction: `Remove ${person.displayName}'s admin rights on ${entry.title}; ticking this also takes them off the register's admin rights list.`,
        status: OPEN,
      });
    });
  }
  return lines;
}

const byTitle = (a: RegisterItem, b: RegisterItem) => a.entry.title.localeCompare(b.entry.title, 'en-GB', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

/**
 * Builds a checklist from the register.
 * - Access lines: every service in use (trial, live, retiring) whose access applies to the role. A
 *   leaver's access is removed from every service in use whatever their role: nobody can be sure
 *   which accounts they were given, so each line is ticked or marked not applicable with a reason.
 * - Leavers also get handover lines (services they own or deputise for) and admin-rights lines.
 */
export function buildChecklist(start: ChecklistStart, register: readonly RegisterItem[], whoNeedsIt?: WhoNeedsIt): Checklist {
  const items = [...register].sort(byTitle);
  const inUse = items.filter(({ entry }) => IN_USE_LIFECYCLES.includes(entry.lifecycle));
  const applies = start.kind === 'leaver' ? inUse : inUse.filter((item) => accessApplies(item, start.role, whoNeedsIt));
  const access: ChecklistLine[] = applies.map(({ id, entry }) => ({
    key: `access:${id}`, kind: 'access', entryId: id, serviceTitle: entry.title, instruction: accessInstruction(start.kind, entry), status: OPEN,
  }));
  const extra = start.kind === 'leaver' ? [...handoverLines(items, start.person), ...adminLines(items, start.person)] : [];
  return {
    key: start.key, kind: start.kind, person: start.person, role: start.role, previousRole: start.kind === 'role-change' ? (start.previousRole ?? null) : null,
    date: start.date, createdBy: start.createdBy, createdAt: start.createdAt, lines: [...access, ...extra],
  };
}

function changeLine(checklist: Checklist, lineKey: string, change: (line: ChecklistLine) => ChecklistLine): Checklist {
  const line = checklist.lines.find((candidate) => candidate.key === lineKey);
  if (!line) throw new RangeError(`The checklist has no line ${lineKey}.`);
  if (line.status.state !== 'open') return checklist; // first one wins: a concurrent tick is not undone
  return { ...checklist, lines: checklist.lines.map((candidate) => (candidate.key === lineKey ? change(candidate) : candidate)) };
}

/** Ticks an open line as done by `by` at `at` (ISO instant). A resolved line is left unchanged. */
export function tickLine(checklist: Checklist, lineKey: string, by: string, at: string): Checklist {
  return changeLine(checklist, lineKey, (line) => ({ ...line, status: { state: 'done', by, at } }));
}

/** @throws RangeError when the reason is blank: "not applicable" always says why. */
export function markNotApplicable(checklist: Checklist, lineKey: string, reason: string, by: string, at: string): Checklist {
  const why = reason.trim();
  if (why === '') throw new RangeError('Say why this line does not apply.');
  return changeLine(checklist, lineKey, (line) => ({ ...line, status: { state: 'not-applicable', reason: why, by, at } }));
}

/** A handover line done: the service went to `to` (null only for a deputy line: no deputy now). */
export function recordHandover(checklist: Checklist, lineKey: string, to: PersonRef | null, by: string, at: string): Checklist {
  const line = checklist.lines.find((candidate) => candidate.key === lineKey);
  if (line?.kind !== 'handover') throw new RangeError(`Line ${lineKey} is not a handover.`);
  if (to === null && line.handoverRole === 'owner') throw new RangeError('Pick who takes over as owner.');
  return changeLine(checklist, lineKey, (current) => ({ ...current, status: { state: 'done', by, at, handedTo: to } }));
}

/**
 * The entry after a handover: for the owner role the new owner (who stops being deputy if they
 * were), for the deputy role the new deputy (or none).
 */
export function handOverEntry(entry: RegisterEntry, role: 'owner' | 'deputy', to: PersonRef | null): RegisterEntry {
  if (role === 'owner') {
    if (to === null) throw new RangeError('Pick who takes over as owner.');
    return { ...entry, owner: to, deputy: isSamePerson(entry.deputy, to) ? null : entry.deputy };
  }
  return { ...entry, deputy: to !== null && isSamePerson(entry.owner, to) ? entry.deputy : to };
}

/** The entry with `person` taken off its admin rights list (a leaver's rights removed). */
export function withoutAdminHolder(entry: RegisterEntry, person: PersonRef): RegisterEntry {
  return { ...entry, adminRights: entry.adminRights.filter((holder) => !isSamePerson(holder.person, person)) };
}

export interface ChecklistProgress {
  readonly total: number;
  readonly done: number;
  readonly notApplicable: number;
  readonly open: number;
}

export function checklistProgress(checklist: Checklist): ChecklistProgress {
  const count = (state: LineStatus['state']) => checklist.lines.filter((line) => line.status.state === state).length;
  return { total: checklist.lines.length, done: count('done'), notApplicable: count('not-applicable'), open: count('open') };
}

export function isChecklistOpen(checklist: Checklist): boolean {
  return checklist.lines.some((line) => line.status.state === 'open');
}

/** An open checklist whose date has passed (the day itself is not late): a risk. */
export function isChecklistPastDate(checklist: Checklist, today: LocalDate): boolean {
  return isChecklistOpen(checklist) && checklist.date < today;
}

/** When the last line was resolved (ISO instant), or null while any line is open. */
export function completedAt(checklist: Checklist): string | null {
  if (isChecklistOpen(checklist)) return null;
  return checklist.lines.reduce<string>((latest, line) => (line.status.state !== 'open' && line.status.at > latest ? line.status.at : latest), checklist.createdAt);
}

/** "Leaver: Helen Carter": the list item's title, readable in SharePoint. */
export function checklistTitle(checklist: Pick<Checklist, 'kind' | 'person'>): string {
  const kind = CHECKLIST_KINDS.find((option) => option.code === checklist.kind)?.label ?? checklist.kind;
  return `${kind}: ${checklist.person.displayName || checklist.person.upn}`;
}
