/**
 * What the practice's checklists mean for the rest of the register: which services carry the
 * "access checklist overdue" risk flag, the lines the channel digest reminds, and a person's page.
 */
import type { LocalDate, PersonRef, RegisterEntry } from '../entry';
import { formatLocalDate } from '../localDate';
import { CHECKLIST_KINDS, checklistProgress, completedAt, isChecklistOpen, isChecklistPastDate, isSamePerson, type Checklist } from './checklist';

/** The entry ids with an open line on a checklist past its date: each gets the 'access-checklist-overdue' flag. */
export function entriesWithOverdueChecklists(checklists: readonly Checklist[], today: LocalDate): Set<string> {
  const ids = new Set<string>();
  for (const checklist of checklists) {
    if (!isChecklistPastDate(checklist, today)) continue;
    for (const line of checklist.lines) if (line.status.state === 'open') ids.add(line.entryId);
  }
  return ids;
}

function kindLabel(checklist: Checklist): string {
  return CHECKLIST_KINDS.find((option) => option.code === checklist.kind)?.label ?? checklist.kind;
}

/**
 * The channel digest's lines for open checklists past their date, oldest first:
 * "Leaver checklist for Helen Carter: 3 of 9 lines open, due 1 March 2026". Plain text; the digest
 * escapes it for the card.
 */
export function overdueChecklistLines(checklists: readonly Checklist[], today: LocalDate): string[] {
  return checklists
    .filter((checklist) => isChecklistPastDate(checklist, today))
    .sort((a, b) => a.date.localeCompare(b.date) || a.person.displayName.localeCompare(b.person.displayName, 'en-GB'))
    .map((checklist) => {
      const { open, total } = checklistProgress(checklist);
      return `${kindLabel(checklist)} checklist for ${checklist.person.displayName || checklist.person.upn}: ${open} of ${total} lines open, due ${formatLocalDate(checklist.date)}`;
    });
}

export interface AccessLogRow {
  readonly checklist: Checklist;
  readonly open: boolean;
  readonly pastDate: boolean;
  /** ISO instant of the last line resolved, once complete. */
  readonly completedAt: string | null;
}

/** The access log: open checklists first (latest date first), then completed ones, newest first. */
export function accessLog(checklists: readonly Checklist[], today: LocalDate): AccessLogRow[] {
  const rows = checklists.map((checklist) => ({
    checklist, open: isChecklistOpen(checklist), pastDate: isChecklistPastDate(checklist, today), completedAt: completedAt(checklist),
  }));
  return rows.sort((a, b) => Number(b.open) - Number(a.open) || Number(b.pastDate) - Number(a.pastDate) || b.checklist.date.localeCompare(a.checklist.date));
}

export interface PersonServices {
  readonly owns: ReadonlyArray<{ id: string; title: string }>;
  readonly deputises: ReadonlyArray<{ id: string; title: string }>;
}

/** The services (not retired) a person owns or deputises for, by name. */
export function servicesOf(register: ReadonlyArray<{ id: string; entry: RegisterEntry }>, person: PersonRef): PersonServices {
  const live = register.filter(({ entry }) => entry.lifecycle !== 'retired');
  const pick = (field: 'owner' | 'deputy') =>
    live
      .filter(({ entry }) => isSamePerson(entry[field], person))
      .map(({ id, entry }) => ({ id, title: entry.title }))
      .sort((a, b) => a.title.localeCompare(b.title, 'en-GB', { sensitivity: 'base' }));
  return { owns: pick('owner'), deputises: pick('deputy') };
}

/** A person's checklists, newest date first. */
export function checklistsOf(checklists: readonly Checklist[], person: PersonRef): Checklist[] {
  return checklists.filter((checklist) => isSamePerson(checklist.person, person)).sort((a, b) => b.date.localeCompare(a.date));
}
