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
 * Each plain field (one property, its columns) is one row of CHECKLIST_SCHEMA: its columns and its
 * mapping to and from list item fields are derived from the row (schema/deriveList.ts).
 */
import * as z from 'zod/mini';
import { codeOf, labelOf, type LocalDate, type PersonRef } from '../entry';
import type { ListColumn } from '../lists/listColumn';
import type { ListDefinition } from '../lists/listDefinition';
import type { ListItemFields } from '../registerFields';
import { columnsOf, fromListFields, toListFields } from '../schema/deriveList';
import { NO_HEADERS, TEXT_KIND as TEXT, recordKeyRow, type RecordSchema } from '../schema/fieldSchema';
import { CHECKLIST_KINDS, STAFF_ROLES, checklistTitle, isChecklistOpen, type Checklist, type ChecklistKind, type StaffRole } from './checklist';

export const CHECKLISTS_LIST_NAME = 'Digital Services Access Checklists';

const STATES = [
  { code: 'open', label: 'Open' },
  { code: 'complete', label: 'Complete' },
] as const;

/**
 * A checklist's plain fields, one row of CHECKLIST_SCHEMA each. Read from an item edited by hand, a
 * required one may be missing: the kind reads as '' and the date as null until fieldsToChecklist
 * checks them; the person reads as null without an Entra id.
 */
export type PlainChecklist = Pick<Checklist, 'key' | 'role' | 'createdBy' | 'createdAt'> & {
  readonly kind: ChecklistKind | '';
  readonly person: PersonRef | null;
  readonly date: LocalDate | null;
};


/** The plain fields in the list's column order. No spreadsheet import reads this list, hence no headers. */
export const CHECKLIST_SCHEMA: RecordSchema<PlainChecklist> = {
  rows: [
    recordKeyRow('Checklist key', 'ChecklistKey', "'chk-' and a GUID made once when started, so a retried create finds the first."),
    {
      key: 'kind', label: 'Kind', group: 'Checklist', hint: 'Joiner, leaver or role change.',
      kind: { type: 'choice', choices: CHECKLIST_KINDS, message: 'Choose joiner, leaver or role change' }, headers: NO_HEADERS, column: { name: 'Kind' },
    },
    // Three text columns (PersonEntraId, indexed: the tab filters on it; PersonDisplayName; PersonUpn).
    { key: 'person', label: 'Person', group: 'Checklist', hint: 'Who is joining, leaving or changing role.', kind: { type: 'person' }, headers: NO_HEADERS, column: { name: 'Person' } },
    {
      key: 'role', label: 'Role', group: 'Checklist', hint: 'Their role, which decides the services whose access applies.',
      kind: { type: 'choice', choices: STAFF_ROLES, message: 'Choose a role' }, headers: NO_HEADERS, column: { name: 'StaffRole' },
    },
    {
      key: 'date', label: 'Date', group: 'Checklist', hint: 'The start date, last working day or date of the change.',
      kind: { type: 'date', noun: 'Checklist date', pastOnly: false }, headers: NO_HEADERS, column: { name: 'ChecklistDate', indexed: true },
    },
    { key: 'createdBy', label: 'Started by', group: 'Record', hint: 'Who started the checklist.', kind: TEXT, headers: NO_HEADERS, column: { name: 'CreatedByName' } },
    { key: 'createdAt', label: 'Started at', group: 'Record', hint: 'When it was started, as an ISO instant.', kind: TEXT, headers: NO_HEADERS, column: { name: 'StartedAt' } },
  ],
  groups: ['Checklist', 'Record'],
};

/**
 * Columns no row can say, kept by hand in their places: the previous role is a nullable code held
 * as its label in a text column; the state is worked out from the lines; the lines are JSON read
 * through zod.
 */
const AFTER_ROLE: readonly ListColumn[] = [{ name: 'PreviousRole', displayName: 'Previous role', kind: 'text' }];
const AFTER_DATE: readonly ListColumn[] = [
  { name: 'ChecklistState', displayName: 'State', kind: 'choice', choices: STATES, indexed: true },
  { name: 'Lines', displayName: 'Lines (JSON)', kind: 'note' },
];

export const CHECKLISTS_LIST: ListDefinition = {
  name: CHECKLISTS_LIST_NAME,
  description: 'Joiner, leaver and role-change checklists of the Digital Services Register: who did each line, and when. Written by the register tab.',
  columns: columnsOf(CHECKLIST_SCHEMA, { role: AFTER_ROLE, date: AFTER_DATE }),
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
    // Title is composed from the kind and the person, so the list reads sensibly in SharePoint.
    Title: checklistTitle(checklist),
    ...toListFields<PlainChecklist>(CHECKLIST_SCHEMA, checklist),
    PreviousRole: checklist.previousRole === null ? '' : labelOf(STAFF_ROLES, checklist.previousRole),
    ChecklistState: isChecklistOpen(checklist) ? 'Open' : 'Complete',
    Lines: JSON.stringify({ v: 1, lines: checklist.lines }),
  };
}

/** What the rows read when a value is missing or unknown: an unknown role reads as all staff. */
const UNREAD: PlainChecklist = { key: '', kind: '', person: null, role: 'all-staff', date: null, createdBy: '', createdAt: '' };

/** @throws UnreadableChecklistError when the lines are not the document the register writes. */
export function fieldsToChecklist(itemId: string, fields: ListItemFields): Checklist {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text(fields.Lines));
  } catch {
    throw new UnreadableChecklistError(itemId);
  }
  const document = linesDocument.safeParse(parsed);
  const { kind, person, date, ...plain } = fromListFields(CHECKLIST_SCHEMA, fields, UNREAD);
  if (!document.success || date === null || kind === '') throw new UnreadableChecklistError(itemId);
  const previous = (codeOf(STAFF_ROLES, text(fields.PreviousRole)) ?? null) as StaffRole | null;
  // The person row reads as null without an Entra id; a checklist always has its person, so the name and UPN are kept.
  const who: PersonRef = person ?? { entraId: '', displayName: text(fields.PersonDisplayName), upn: text(fields.PersonUpn) };
  return { ...plain, kind, person: who, previousRole: previous, date, lines: document.data.lines };
}
