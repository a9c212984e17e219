/**
 * Incidents to SharePoint list item fields and back. The JSON columns are checked with zod on read:
 * a value someone edited by hand in SharePoint into something else is refused with an
 * IncidentDataError rather than silently emptied, because writing an emptied copy back would lose
 * the updates, and an emptied PostedKeys would post cards a second time.
 */
import * as z from 'zod/mini';
import { fromListFields, toListFields } from '../schema/deriveList';
import { incidentDurationMinutes } from './duration';
import type { Incident } from './incident';
import { INCIDENT_SCHEMA, type PlainIncident } from './incidentColumns';

export type IncidentFields = Record<string, unknown>;

/** A list item whose fields do not make an incident (a hand-edited JSON column, a missing key). */
export class IncidentDataError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'IncidentDataError';
  }
}

const required = () => z.string().check(z.minLength(1));
const localDate = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const updateSchema = z.object({
  key: required(),
  at: z.string(),
  by: z.string(),
  kind: z.enum(['update', 'reference', 'restored']),
  text: z.string(),
});
const updatesSchema = z.array(updateSchema);
const reviewSchema = z.nullable(
  z.object({
    downtimeProcessRight: z.nullable(z.boolean()),
    contactsNeedUpdating: z.nullable(z.boolean()),
    notes: z.string(),
    by: z.string(),
    on: localDate(),
    continuityTestOn: z.optional(z.nullable(localDate())),
  }),
);
const threadSchema = z.nullable(z.object({ teamId: required(), channelId: required(), messageId: required() }));
const postedKeysSchema = z.array(required());

function json<T>(fields: IncidentFields, name: string, schema: z.ZodMiniType<T>, empty: T): T {
  const raw = fields[name];
  if (raw === undefined || raw === null || raw === '') return empty;
  if (typeof raw !== 'string') throw new IncidentDataError(name, 'is not text');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new IncidentDataError(name, 'is not JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new IncidentDataError(name, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'value'} ${issue.message}`).join('; '));
  return parsed.data;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The fields to write for `incident` (every column, so a write is a whole record): the plain ones
 * from INCIDENT_SCHEMA's rows, the rest by hand (see the columns' comment in incidentColumns.ts).
 */
export function incidentToFields(incident: Incident): IncidentFields {
  const duration = incident.restoredAt === null ? null : incidentDurationMinutes(incident);
  return {
    // Title is composed (service and impact code) so the list reads sensibly in SharePoint; 255 is its limit.
    Title: `${incident.serviceTitle} ${incident.impact}`.slice(0, 255),
    ...toListFields<PlainIncident>(INCIDENT_SCHEMA, incident),
    RestoredAt: incident.restoredAt ?? '',
    DurationMinutes: duration,
    DeclaredBy: incident.declaredBy.displayName,
    DeclaredByEntraId: incident.declaredBy.entraId,
    Updates: JSON.stringify(incident.updates),
    Review: incident.review === null ? '' : JSON.stringify(incident.review),
    Thread: incident.thread === null ? '' : JSON.stringify(incident.thread),
    PostedKeys: JSON.stringify(incident.postedKeys),
  };
}

/** What the rows read when a value is missing or unknown: an unreadable impact reads as down. */
const UNREAD: PlainIncident = {
  key: '', entryId: '', serviceTitle: '', impact: 'down', seen: '', startedAt: '', state: 'open', cause: '', supplierReference: '', actions: '',
};

/** @throws IncidentDataError when the key or a JSON column is not what the register writes. */
export function fieldsToIncident(fields: IncidentFields): Incident {
  const restoredAt = text(fields.RestoredAt) === '' ? null : text(fields.RestoredAt);
  // An item whose state cannot be read is restored when it has a restore time, open otherwise.
  const plain = fromListFields(INCIDENT_SCHEMA, fields, { ...UNREAD, state: restoredAt === null ? 'open' : 'restored' });
  if (plain.key === '') throw new IncidentDataError('IncidentKey', 'is empty');
  if (Number.isNaN(Date.parse(plain.startedAt))) throw new IncidentDataError('StartedAt', 'is not a date and time');
  return {
    ...plain,
    // A blank ServiceTitle: the Title column still names the service.
    serviceTitle: plain.serviceTitle || text(fields.Title),
    declaredBy: { displayName: text(fields.DeclaredBy), entraId: text(fields.DeclaredByEntraId) },
    restoredAt: plain.state === 'restored' ? restoredAt : null,
    updates: json(fields, 'Updates', updatesSchema, []),
    review: json(fields, 'Review', reviewSchema, null),
    thread: json(fields, 'Thread', threadSchema, null),
    postedKeys: json(fields, 'PostedKeys', postedKeysSchema, []),
  };
}
