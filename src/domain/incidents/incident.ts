/**
 * The incident contract shared by the incident core (HI), the tab (HU) and the bot path (HB).
 * An incident is a service of the register being down or degraded; it lives in its own practice list
 * (see incidentColumns.ts) and its cards are posted once per key into the practice channel.
 */
import type { LocalDate } from '../entry';

export type IncidentImpact = 'down' | 'degraded';
export const INCIDENT_IMPACTS: readonly IncidentImpact[] = ['down', 'degraded'];

export type IncidentState = 'open' | 'restored';
export const INCIDENT_STATES: readonly IncidentState[] = ['open', 'restored'];

export type IncidentUpdateKind = 'update' | 'reference' | 'restored';

export interface IncidentUpdate {
  /** Derived from the incident key (see keys.ts), so a retried write or post never duplicates it. */
  readonly key: string;
  /** ISO instant. */
  readonly at: string;
  /** Display name of who wrote it. */
  readonly by: string;
  readonly kind: IncidentUpdateKind;
  readonly text: string;
}

export interface IncidentReview {
  readonly downtimeProcessRight: boolean | null;
  readonly contactsNeedUpdating: boolean | null;
  readonly notes: string;
  readonly by: string;
  readonly on: LocalDate;
  /**
   * Optional (added after the first contract): when the reviewer counted this incident as the entry's
   * continuity test (the downtime process was used for real), the date recorded as
   * `continuityLastTested`, so the next test falls due a year later. Absent or null: not counted.
   */
  readonly continuityTestOn?: LocalDate | null;
}

export interface IncidentDeclarer {
  readonly displayName: string;
  readonly entraId: string;
}

export interface IncidentThread {
  readonly teamId: string;
  readonly channelId: string;
  /** The root card's message id; updates are posted as replies to it. */
  readonly messageId: string;
}

export interface Incident {
  /** 'inc-' + a GUID made once when declared (idempotent create, like EntryKey). */
  readonly key: string;
  readonly entryId: string;
  readonly serviceTitle: string;
  readonly impact: IncidentImpact;
  /** What people see (symptoms), in the declarer's words. */
  readonly seen: string;
  /** ISO instant. */
  readonly startedAt: string;
  readonly declaredBy: IncidentDeclarer;
  readonly state: IncidentState;
  /** ISO instant, set when restored. */
  readonly restoredAt: string | null;
  readonly cause: string;
  readonly supplierReference: string;
  readonly actions: string;
  readonly updates: readonly IncidentUpdate[];
  readonly review: IncidentReview | null;
  /** The root card, once posted. */
  readonly thread: IncidentThread | null;
  /** Incident key and update keys already in the channel: a key here is never posted again. */
  readonly postedKeys: readonly string[];
}

export interface StoredIncident {
  /** SharePoint list item id. */
  readonly id: string;
  readonly eTag: string;
  readonly incident: Incident;
}
