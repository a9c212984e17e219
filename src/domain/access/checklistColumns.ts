/**
 * The checklists list ("Digital Services Access Checklists"): one item per joiner, leaver or
 * role-change checklist, and its mapping to and from list item fields.
 *
 * The lines are one JSON document in a plain multi-line column: a tick rewrites the whole document
 * with If-Match, so two people ticking at once cannot mix two versions of it (the store re-applies
 * the losing tick to the fresh copy). The columns people filter on in SharePoint (person, kind,
 * date, open or complete) are their own columns, indexed where the tab filters.
 * JSON read back is checked with zod: an item edited by hand in SharePoint reads as "unreadable",
 * never as a half-parsed checklist.
 */
import * as z from 'zod/mini';
import { codeOf, labelOf, type PersonRef } from '../entry';
import type { ListDefinition } from '../lists/listDefinition';
import { dateToField, fieldToDate, type ListItemFields } from '../registerFields';
import { CHECKLIST_KINDS, STAFF_ROLES, checklistTitle, isChecklistOpen, type Checklist, type ChecklistKind, type StaffRole } from './checklist';

export const CHECKLISTS_LIST_NAME = 'Digital Services Access Checklists';

const STATES = [
  { code: 'open', label: 'Open' },
  { code: 'complete', label: 'Complete' },
] as const;

export const CHECKLISTS_LIST: ListDefinition = {
  name: CHECKLISTS_LIST_NAME,
  description: 'Joiner, leaver and role-change checklists of the Digital Services Register: who did each line, and when. Written by the register tab.',
  columns: [
    { name: 'ChecklistKey', displayName: 'Checklist key', kind: 'text', indexed: true, enforceUniqueValues: true },
    { name: 'Kind', displayName: 'Kind', kind: 'choice', choices: CHECKLIST_KINDS },
    { name: 'PersonEntraId', displayName: 'Person Entra id', kind: 'text', indexed: true },
    { name: 'PersonDisplayName', displayName: 'Person', kind: 'text' },
    { name: 'PersonUpn', displayName: 'Person UPN', kind: 'text' },
    { name: 'StaffRole', displayName: 'Role', kind: 'choice', choices: STAFF_ROLES },
    { name: 'PreviousRole', displayName: 'Previous role', kind: 'text' },
    { name: 'ChecklistDate', displayName: 'Date', kind: 'date', indexed: true },
    { name: 'ChecklistState', displayName: 'State', kind: 'choice', choices: STATES, indexed: true },
    { name: 'Lines', displayName: 'Lines (JSON)', kind: 'note' },
    { name: 'CreatedByName', displayName: 'Started by', kind: 'text' },
    { name: 'StartedAt', displayName: 'Started at', kind: 'text' },
  ],
};

/** Every field the store reads, for `expand=fields(select=...)`. */
export const CHECKLIST_FIELD_NAMES: readonly string[] = ['Title', ...CHECKLISTS_LIST.columns.map((column) => column.name)];

const person = z.object({ entraId: z.string(), displayName: z.string(), upn: z.string() });
const status = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open') }),
  z.object({ state: z.literal('done'), by: z.string(), at: z.string(), handedTo: z.optional(z.nullable(person)) }),
  z.object({ state: z.literal('not-applicable'), reason: z.string(), by: z.string(), at: z.string() }),
]);
const line = z.object({
  key: z.string(),
  kind: z.enum(['access', 'handover', 'admin-rights']),
  entryId: z.string(),
  serviceTitle: z.string(),
  instruction: z.string(),
  handoverRole: z.optional(z.enum(['owner', 'deputy'])),
  suggestedTo: z.optional(z.nullable(person)),
  status,
});
/** The Lines column: a versioned document, so a later release can read an older one. */
const linesDocument = z.object({ v: z.literal(1), lines: z.array(line) });

export class UnreadableChecklistError extends Error {
  constructor(readonly itemId: string) {
    super(`Checklist item ${itemId} could not be read (its lines were changed outside the register).`);
    this.name = 'UnreadableChecklistError';
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function checklistToFields(checklist: Checklist): ListItemFields {
  return {
    Title: checklistTitle(checklist),
    ChecklistKey: checklist.key,
    Kind: labelOf(CHECKLIST_KINDS, checklist.kind),
    PersonEntraId: checklist.person.entraId,
    PersonDisplayName: checklist.person.displayName,
    PersonUpn: checklist.person.upn,
    StaffRole: labelOf(STAFF_ROLES, checklist.role),
    PreviousRole: checklist.previousRole === null ? '' : labelOf(STAFF_ROLES, checklist.previousRole),
    ChecklistDate: dateToField(checklist.date),
    ChecklistState: isChecklistOpen(checklist) ? 'Open' : 'Complete',
    Lines: JSON.stringify({ v: 1, lines: checklist.lines }),
    CreatedByName: checklist.createdBy,
    StartedAt: checklist.createdAt,
  };
}

/** @throws UnreadableChecklistError when the lines are not the document the register writes. */
export function fieldsToChecklist(itemId: string, fields: ListItemFields): Checklist {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text(fields.Lines));
  } catch {
    throw new UnreadableChecklistError(itemId);
  }
  const document = linesDocument.safeParse(parsed);
  const date = fieldToDate(fields.ChecklistDate);
  const kind = codeOf(CHECKLIST_KINDS, text(fields.Kind)) as ChecklistKind | undefined;
  if (!document.success || date === null || kind === undefined) throw new UnreadableChecklistError(itemId);
  const role = (codeOf(STAFF_ROLES, text(fields.StaffRole)) ?? 'all-staff') as StaffRole;
  const previous = (codeOf(STAFF_ROLES, text(fields.PreviousRole)) ?? null) as StaffRole | null;
  const who: PersonRef = { entraId: text(fields.PersonEntraId), displayName: text(fields.PersonDisplayName), upn: text(fields.PersonUpn) };
  return {
    key: text(fields.ChecklistKey), kind, person: who, role, previousRole: previous, date,
    createdBy: text(fields.CreatedByName), createdAt: text(fields.StartedAt), lines: document.data.lines,
  };
}
