/**
 * The changes the tab makes to an incident, each one call into the incident core's pure, idempotent
 * operations (src/domain/incidents/operations.ts). Keys are made here once per action, before the
 * first attempt, so a change re-applied after a conflict (412) or a retry is recognised as done.
 */
import {
  addIncidentUpdate, addSupplierReference, declareIncident, incidentKeyFor, incidentUpdateKey, restoreIncident, restoredKey, reviewIncident,
  type DeclareIncidentInput, type Incident, type ReviewInput,
} from '@domain/incidents';

export type DeclareInput = Omit<DeclareIncidentInput, 'key'>;

/** A key made once per declaration ('inc-' + GUID); the same key on a retry makes the create idempotent. */
export function newIncidentKey(): string {
  return incidentKeyFor(crypto.randomUUID());
}

export function declared(key: string, input: DeclareInput, now: Date = new Date()): Incident {
  return declareIncident({ key, ...input }, now);
}

/** An update's (or a supplier reference's) key, made once per press of the button. */
export function newUpdateKey(incidentKey: string): string {
  return incidentUpdateKey(incidentKey, crypto.randomUUID());
}

export function withUpdate(incident: Incident, input: { key: string; kind: 'update' | 'reference'; text: string; by: string }, now: Date = new Date()): Incident {
  return input.kind === 'reference'
    ? addSupplierReference(incident, { key: input.key, reference: input.text, by: input.by }, now)
    : addIncidentUpdate(incident, { key: input.key, text: input.text, by: input.by }, now);
}

export { restoredKey };

export function restored(incident: Incident, input: { at: string; by: string; cause: string; actions: string; text: string }, now: Date = new Date()): Incident {
  return restoreIncident(incident, { restoredAt: input.at, by: input.by, text: input.text, cause: input.cause, actions: input.actions }, now);
}

export function reviewed(incident: Incident, input: ReviewInput, now: Date = new Date()): Incident {
  return reviewIncident(incident, input, now);
}
