/**
 * The practice's incidents list ("Digital Services Incidents"): one item per incident, provisioned
 * with the practice's other lists (src/domain/lists/practiceLists.ts, src/graph/lists).
 *
 * - `IncidentKey` is unique and indexed: a retried create finds the item the first attempt made
 *   (as the register's EntryKey does). `EntryId` and `State` are indexed because the tab filters on
 *   them (an entry's incidents; the open ones on every view).
 * - Start and restore are ISO instants in single-line text: the shared column kinds have only
 *   date-only dates, and an ISO instant in UTC sorts and compares as text.
 * - Each plain field (one property, one column) is one row of INCIDENT_SCHEMA: its column and its
 *   mapping to and from list item fields are derived from the row (schema/deriveList.ts).
 * - Updates, review, thread and posted keys are JSON in multi-line note columns, checked with zod
 *   when read (incidentFields.ts).
 */
import type { Option } from '../entry';
import type { ListColumn } from '../lists/listColumn';
import type { ListDefinition } from '../lists/listDefinition';
import { columnsOf } from '../schema/deriveList';
import { NO_HEADERS, NOTE_KIND as NOTE, TEXT_KIND as TEXT, entryIdRow, recordKeyRow, type RecordSchema } from '../schema/fieldSchema';
import type { Incident, IncidentImpact, IncidentState } from './incident';

export const INCIDENTS_LIST_NAME = 'Digital Services Incidents';

export const IMPACT_OPTIONS: ReadonlyArray<Option<IncidentImpact>> = [
  { code: 'down', label: 'Down' },
  { code: 'degraded', label: 'Degraded' },
];

export const STATE_OPTIONS: ReadonlyArray<Option<IncidentState>> = [
  { code: 'open', label: 'Open' },
  { code: 'restored', label: 'Restored' },
];

/** An incident's plain fields, one row of INCIDENT_SCHEMA each. */
export type PlainIncident = Pick<Incident, 'key' | 'entryId' | 'serviceTitle' | 'impact' | 'seen' | 'startedAt' | 'state' | 'cause' | 'supplierReference' | 'actions'>;


/** The plain fields in the list's column order. No spreadsheet import reads this list, hence no headers. */
export const INCIDENT_SCHEMA: RecordSchema<PlainIncident> = {
  rows: [
    recordKeyRow('Incident key', 'IncidentKey', "'inc-' and a GUID made once when declared, so a retried create finds the first."),
    entryIdRow("The affected service's register list item id."),
    { key: 'serviceTitle', label: 'Service', group: 'Incident', hint: "The service's name when declared.", kind: TEXT, headers: NO_HEADERS, column: { name: 'ServiceTitle' } },
    {
      key: 'impact', label: 'Impact', group: 'Incident', hint: 'Down (nobody can use it) or degraded (slow or partly working).',
      kind: { type: 'choice', choices: IMPACT_OPTIONS, message: 'Choose down or degraded' }, headers: NO_HEADERS, column: { name: 'Impact' },
    },
    { key: 'seen', label: 'What is seen', group: 'Incident', hint: "What people see, in the declarer's words.", kind: NOTE, headers: NO_HEADERS, column: { name: 'Seen' } },
    {
      key: 'startedAt', label: 'Started at', group: 'Incident', hint: 'When it started, as an ISO instant in UTC.',
      kind: TEXT, headers: NO_HEADERS, column: { name: 'StartedAt', displayName: 'Started at (UTC)' },
    },
    {
      key: 'state', label: 'State', group: 'Incident', hint: 'Open until the service is restored.',
      kind: { type: 'choice', choices: STATE_OPTIONS, message: 'Choose open or restored' }, headers: NO_HEADERS, column: { name: 'State', indexed: true },
    },
    { key: 'cause', label: 'Cause', group: 'Restore', hint: 'Why it happened, once known.', kind: NOTE, headers: NO_HEADERS, column: { name: 'Cause' } },
    { key: 'supplierReference', label: 'Supplier reference', group: 'Restore', hint: "The supplier's call or ticket reference.", kind: TEXT, headers: NO_HEADERS, column: { name: 'SupplierReference' } },
    { key: 'actions', label: 'Actions taken', group: 'Restore', hint: 'What the practice did while it was down.', kind: NOTE, headers: NO_HEADERS, column: { name: 'Actions' } },
  ],
  groups: ['Incident', 'Restore', 'Record'],
};

/**
 * Columns no row can say, kept by hand in their places (incidentFields.ts maps them): the restore
 * time is null until restored (blank in the list); the duration is worked out from start and
 * restore; who declared it is one nested object; the rest is JSON read through zod.
 */
const AFTER_STATE: readonly ListColumn[] = [
  { name: 'RestoredAt', displayName: 'Restored at (UTC)', kind: 'text' },
  { name: 'DurationMinutes', displayName: 'Duration (minutes)', kind: 'number' },
];
const AFTER_ACTIONS: readonly ListColumn[] = [
  { name: 'DeclaredBy', displayName: 'Declared by', kind: 'text' },
  { name: 'DeclaredByEntraId', displayName: 'Declared by Entra id', kind: 'text' },
  { name: 'Updates', displayName: 'Updates (JSON)', kind: 'note' },
  { name: 'Review', displayName: 'Review (JSON)', kind: 'note' },
  { name: 'Thread', displayName: 'Channel thread (JSON)', kind: 'note' },
  { name: 'PostedKeys', displayName: 'Cards posted (JSON)', kind: 'note' },
];

export const INCIDENTS_LIST: ListDefinition = {
  name: INCIDENTS_LIST_NAME,
  description: 'Incidents declared from the Digital Services Register: when a service was down or degraded, for how long, why, and what was done. Written by the register tab.',
  columns: columnsOf(INCIDENT_SCHEMA, { state: AFTER_STATE, actions: AFTER_ACTIONS }),
};

/** Every field the incident store reads, for `expand=fields(select=...)`. */
export const INCIDENT_FIELD_NAMES: readonly string[] = ['Title', ...INCIDENTS_LIST.columns.map((column) => column.name)];
