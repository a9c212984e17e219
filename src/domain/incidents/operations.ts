/**
 * What can happen to an incident: declare, add an update, add the supplier's reference, restore
 * (which fixes the duration), record the cause and actions, and review. Each is a pure function
 * returning a new Incident; the clock (`now`) is passed in.
 *
 * Every change is idempotent by key: applying the same action twice (a retried save, or a change
 * re-applied to a fresh copy after a 412) leaves the incident as applying it once did. That is what
 * lets the store re-apply a change after a concurrent edit without losing or doubling anything.
 */
import type { LocalDate } from '../entry';
import { isLocalDate, londonDateOf } from '../localDate';
import type { Incident, IncidentDeclarer, IncidentImpact, IncidentReview, IncidentUpdate, IncidentUpdateKind } from './incident';
import { INCIDENT_IMPACTS } from './incident';
import { incidentKeyOf, isIncidentKey, restoredKey } from './keys';

/** Length caps, in characters: the list's single-line columns hold 255; notes are kept readable. */
export const INCIDENT_LIMITS = {
  serviceTitle: 255,
  supplierReference: 255,
  seen: 2_000,
  cause: 4_000,
  actions: 4_000,
  updateText: 2_000,
  reviewNotes: 4_000,
  /** Updates kept on one incident: the Updates JSON note column holds 63,999 characters. */
  updates: 25,
} as const;

/** How far ahead of the clock a start or restore time may be (a PC clock a little fast). */
const CLOCK_SKEW_MS = 5 * 60_000;

/** A change that cannot be made, with a message per field (the declare dialog shows them). */
export class IncidentInputError extends RangeError {
  constructor(readonly problems: Readonly<Record<string, string>>) {
    super(Object.values(problems).join('; '));
    this.name = 'IncidentInputError';
  }
}

function fail(field: string, message: string): never {
  throw new IncidentInputError({ [field]: message });
}

function instant(text: string, field: string): number {
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(ms)) fail(field, 'Give a date and time.');
  return ms;
}

function capped(text: string, max: number, field: string, label: string): string {
  const trimmed = text.trim();
  if (Array.from(trimmed).length > max) fail(field, `${label} is longer than ${max} characters.`);
  return trimmed;
}

export interface DeclareIncidentInput {
  /** From `incidentKeyFor(guid)`, made once when the person pressed "Declare". */
  readonly key: string;
  readonly entryId: string;
  readonly serviceTitle: string;
  readonly impact: IncidentImpact;
  readonly seen: string;
  /** ISO instant; defaults to `now`. */
  readonly startedAt?: string;
  readonly declaredBy: IncidentDeclarer;
}

/** Problems with a declaration, by field (empty when it can be declared). Pure. */
export function declareProblems(input: DeclareIncidentInput, now: Date): Record<string, string> {
  try {
    declareIncident(input, now);
    return {};
  } catch (error) {
    if (error instanceof IncidentInputError) return { ...error.problems };
    throw error;
  }
}

/** @throws IncidentInputError */
export function declareIncident(input: DeclareIncidentInput, now: Date): Incident {
  if (!isIncidentKey(input.key)) fail('key', 'The incident key is not one incidentKeyFor made.');
  if (input.entryId.trim() === '') fail('entryId', 'Choose the service.');
  if (!INCIDENT_IMPACTS.includes(input.impact)) fail('impact', 'Say whether it is down or degraded.');
  const seen = capped(input.seen, INCIDENT_LIMITS.seen, 'seen', 'What is seen');
  if (seen === '') fail('seen', 'Say what people are seeing.');
  const startedAt = input.startedAt ?? now.toISOString();
  if (instant(startedAt, 'startedAt') > now.getTime() + CLOCK_SKEW_MS) fail('startedAt', 'The start cannot be in the future.');
  return {
    key: input.key,
    entryId: input.entryId,
    serviceTitle: capped(input.serviceTitle, INCIDENT_LIMITS.serviceTitle, 'serviceTitle', 'The service name') || 'Untitled service',
    impact: input.impact,
    seen,
    startedAt: new Date(Date.parse(startedAt)).toISOString(),
    declaredBy: { displayName: input.declaredBy.displayName.trim(), entraId: input.declaredBy.entraId },
    state: 'open',
    restoredAt: null,
    cause: '',
    supplierReference: '',
    actions: '',
    updates: [],
    review: null,
    thread: null,
    postedKeys: [],
  };
}

function hasUpdate(incident: Incident, key: string): boolean {
  return incident.updates.some((update) => update.key === key);
}

function appendUpdate(incident: Incident, update: IncidentUpdate): Incident {
  if (incident.updates.length >= INCIDENT_LIMITS.updates) fail('text', `An incident holds at most ${INCIDENT_LIMITS.updates} updates: start a new incident.`);
  return { ...incident, updates: [...incident.updates, update] };
}

function requireOwnKey(incident: Incident, key: string, kind: IncidentUpdateKind): void {
  const owner = incidentKeyOf(key);
  if (owner !== incident.key || key === incident.key || (kind !== 'restored') === key.endsWith('-restored'))
    fail('key', `The ${kind} key does not belong to this incident.`);
}

export interface UpdateInput {
  /** From `incidentUpdateKey(incident.key, token)`, made once per action. */
  readonly key: string;
  readonly text: string;
  /** Display name of who wrote it. */
  readonly by: string;
}

/** Adds an update to the thread. The same key twice changes nothing. @throws IncidentInputError */
export function addIncidentUpdate(incident: Incident, input: UpdateInput, now: Date): Incident {
  if (hasUpdate(incident, input.key)) return incident;
  requireOwnKey(incident, input.key, 'update');
  const text = capped(input.text, INCIDENT_LIMITS.updateText, 'text', 'The update');
  if (text === '') fail('text', 'Write the update.');
  return appendUpdate(incident, { key: input.key, at: now.toISOString(), by: input.by.trim(), kind: 'update', text });
}

export interface SupplierReferenceInput {
  readonly key: string;
  /** The supplier's call or ticket reference. */
  readonly reference: string;
  readonly by: string;
}

/**
 * Records the supplier's reference on the incident and announces it in the thread. The same key
 * twice changes nothing; a later reference replaces the earlier one (both stay in the thread).
 * @throws IncidentInputError
 */
export function addSupplierReference(incident: Incident, input: SupplierReferenceInput, now: Date): Incident {
  if (hasUpdate(incident, input.key)) return incident;
  requireOwnKey(incident, input.key, 'reference');
  const reference = capped(input.reference, INCIDENT_LIMITS.supplierReference, 'reference', 'The reference');
  if (reference === '') fail('reference', 'Give the supplier reference.');
  const withReference = { ...incident, supplierReference: reference };
  return appendUpdate(withReference, { key: input.key, at: now.toISOString(), by: input.by.trim(), kind: 'reference', text: reference });
}

export interface RestoreInput {
  /** ISO instant the service came back; defaults to `now`. */
  readonly restoredAt?: string;
  readonly by: string;
  /** What to say in the thread; a plain "Service restored" line when empty. */
  readonly text?: string;
  readonly cause?: string;
  readonly actions?: string;
}

/**
 * Marks the service restored (once: restoring a restored incident changes nothing) and posts a
 * "restored" update keyed `restoredKey(incident.key)`. The duration follows from start and restore.
 * @throws IncidentInputError for a restore before the start or in the future.
 */
export function restoreIncident(incident: Incident, input: RestoreInput, now: Date): Incident {
  if (incident.state === 'restored') return incident;
  const restoredAt = input.restoredAt ?? now.toISOString();
  const at = instant(restoredAt, 'restoredAt');
  if (at > now.getTime() + CLOCK_SKEW_MS) fail('restoredAt', 'The restore time cannot be in the future.');
  if (at < Date.parse(incident.startedAt)) fail('restoredAt', 'The service cannot be restored before the incident started.');
  const text = capped(input.text ?? '', INCIDENT_LIMITS.updateText, 'text', 'The message');
  const restored: Incident = {
    ...incident,
    state: 'restored',
    restoredAt: new Date(at).toISOString(),
    cause: input.cause === undefined ? incident.cause : capped(input.cause, INCIDENT_LIMITS.cause, 'cause', 'The cause'),
    actions: input.actions === undefined ? incident.actions : capped(input.actions, INCIDENT_LIMITS.actions, 'actions', 'The actions'),
  };
  const key = restoredKey(incident.key);
  // The restored line is always kept, even on a full thread: it is what closes the incident.
  return { ...restored, updates: [...restored.updates.filter((u) => u.key !== key), { key, at: new Date(at).toISOString(), by: input.by.trim(), kind: 'restored', text }] };
}

/** Records (or corrects) the cause and the actions taken; undefined leaves a field as it is. */
export function recordCauseAndActions(incident: Incident, input: { readonly cause?: string; readonly actions?: string }): Incident {
  return {
    ...incident,
    cause: input.cause === undefined ? incident.cause : capped(input.cause, INCIDENT_LIMITS.cause, 'cause', 'The cause'),
    actions: input.actions === undefined ? incident.actions : capped(input.actions, INCIDENT_LIMITS.actions, 'actions', 'The actions'),
  };
}

export interface ReviewInput {
  readonly downtimeProcessRight: boolean | null;
  readonly contactsNeedUpdating: boolean | null;
  readonly notes: string;
  readonly by: string;
  /** Count this incident as the entry's continuity test on this date (usually the restore date); null: do not. */
  readonly continuityTestOn?: LocalDate | null;
}

/**
 * The short review after restore. Reviewing again replaces the review (the last word counts).
 * @throws IncidentInputError while the incident is still open, or for a bad continuity test date.
 */
export function reviewIncident(incident: Incident, input: ReviewInput, now: Date): Incident {
  if (incident.state !== 'restored' || incident.restoredAt === null) fail('review', 'Review the incident once the service is restored.');
  const on = londonDateOf(now);
  const testOn = input.continuityTestOn ?? null;
  if (testOn !== null) {
    if (!isLocalDate(testOn)) fail('continuityTestOn', 'Give the date as YYYY-MM-DD.');
    if (testOn < londonDateOf(new Date(incident.startedAt)) || testOn > on) fail('continuityTestOn', 'The test date is the day of the incident or later, and not in the future.');
  }
  const review: IncidentReview = {
    downtimeProcessRight: input.downtimeProcessRight,
    contactsNeedUpdating: input.contactsNeedUpdating,
    notes: capped(input.notes, INCIDENT_LIMITS.reviewNotes, 'notes', 'The notes'),
    by: input.by.trim(),
    on,
    continuityTestOn: testOn,
  };
  return { ...incident, review };
}

/** The London date of the restore, offered as the continuity test date in the review. */
export function restoredOn(incident: Incident): LocalDate | null {
  return incident.restoredAt === null ? null : londonDateOf(new Date(incident.restoredAt));
}

/**
 * The entry's `continuityLastTested` after the review: the review's date when it counted the
 * incident as a test and that is later than the last recorded test; otherwise unchanged (null:
 * nothing to write). The next continuity test then falls due a year later (domain/due.ts).
 */
export function continuityLastTestedAfterReview(current: LocalDate | null, incident: Incident): LocalDate | null {
  const testOn = incident.review?.continuityTestOn ?? null;
  if (testOn === null) return null;
  return current !== null && current >= testOn ? null : testOn;
}

/** Marks a card key as posted and, for the root card, records the thread. Idempotent. */
export function markPosted(incident: Incident, key: string, thread: Incident['thread'] = null): Incident {
  const postedKeys = incident.postedKeys.includes(key) ? incident.postedKeys : [...incident.postedKeys, key];
  const nextThread = incident.thread ?? (key === incident.key ? thread : null);
  if (postedKeys === incident.postedKeys && nextThread === incident.thread) return incident;
  return { ...incident, postedKeys, thread: nextThread };
}

/** Card keys not yet in the channel, in the order they should be posted: the root card first, then updates. */
export function unpostedKeys(incident: Incident): string[] {
  return [incident.key, ...incident.updates.map((update) => update.key)].filter((key) => !incident.postedKeys.includes(key));
}
