/**
 * The practice's incidents list ("Digital Services Incidents"): one item per incident, provisioned
 * with the practice's other lists (src/domain/lists/practiceLists.ts, src/graph/lists).
 *
 * - `IncidentKey` is unique and indexed: a retried create finds the item the first attempt made
 *   (as the register's EntryKey does). `EntryId` and `State` are indexed because the tab filters on
 *   them (an entry's incidents; the open ones on every view).
 * - Start and restore are ISO instants in single-line text: the shared column kinds have only
 *   date-only dates, and an ISO instant in UTC sorts and compares as text.
 * - Updates, review, thread and posted keys are JSON in multi-line note columns, checked with zod
 *   when read (incidentFields.ts).
 */
import type { Option } from '../entry';
import type { ListDefinition } from '../lists/listDefinition';
import type { IncidentImpact, IncidentState } from './incident';

export const INCIDENTS_LIST_NAME = 'Digital Services Incidents';

export const IMPACT_OPTIONS: ReadonlyArray<Option<IncidentImpact>> = [
  { code: 'down', label: 'Down' },
  { code: 'degraded', label: 'Degraded' },
];

export const STATE_OPTIONS: ReadonlyArray<Option<IncidentState>> = [
  { code: 'open', label: 'Open' },
  { code: 'restored', label: 'Restored' },
];

export const INCIDENTS_LIST: ListDefinition = {
  name: INCIDENTS_LIST_NAME,
  description: 'Incidents declared from the Digital Services Register: when a service was down or degraded, for how long, why, and what was done. Written by the register tab.',
  columns: [
    { name: 'IncidentKey', displayName: 'Incident key', kind: 'text', indexed: true, enforceUniqueValues: true },
    { name: 'EntryId', displayName: 'Register entry id', kind: 'text', indexed: true },
    { name: 'ServiceTitle', displayName: 'Service', kind: 'text' },
    { name: 'Impact', displayName: 'Impact', kind: 'choice', choices: IMPACT_OPTIONS },
    { name: 'Seen', displayName: 'What is seen', kind: 'note' },
    { name: 'StartedAt', displayName: 'Started at (UTC)', kind: 'text' },
    { name: 'State', displayName: 'State', kind: 'choice', choices: STATE_OPTIONS, indexed: true },
    { name: 'RestoredAt', displayName: 'Restored at (UTC)', kind: 'text' },
    { name: 'DurationMinutes', displayName: 'Duration (minutes)', kind: 'number' },
    { name: 'Cause', displayName: 'Cause', kind: 'note' },
    { name: 'SupplierReference', displayName: 'Supplier reference', kind: 'text' },
    { name: 'Actions', displayName: 'Actions taken', kind: 'note' },
    { name: 'DeclaredBy', displayName: 'Declared by', kind: 'text' },
    { name: 'DeclaredByEntraId', displayName: 'Declared by Entra id', kind: 'text' },
    { name: 'Updates', displayName: 'Updates (JSON)', kind: 'note' },
    { name: 'Review', displayName: 'Review (JSON)', kind: 'note' },
    { name: 'Thread', displayName: 'Channel thread (JSON)', kind: 'note' },
    { name: 'PostedKeys', displayName: 'Cards posted (JSON)', kind: 'note' },
  ],
};

/** Every field the incident store reads, for `expand=fields(select=...)`. */
export const INCIDENT_FIELD_NAMES: readonly string[] = ['Title', ...INCIDENTS_LIST.columns.map((column) => column.name)];
