/** The part of an incident the roll-up shows: which service, since when, how bad. */
import type { IncidentImpact } from '../incidents/incident';

export interface StoredIncidentSummary {
  /** The practice register's list item id of the affected entry. */
  readonly entryId: string;
  readonly serviceTitle: string;
  readonly impact: IncidentImpact;
  /** ISO instant. */
  readonly startedAt: string;
}
