/**
 * What the roll-up knows of one practice on a network's roster after loading: its register, or why
 * it could not be read. A practice that failed is "unavailable", with the reason and a retry; it is
 * never shown as an empty register, and never holds the others back.
 */
import type { StoredEntry } from '../entry';
import type { StoredIncidentSummary } from './incidentSummary';
import type { NetworkMembership } from './membership';
import type { MemberPractice } from './networkLists';

/** Why a practice could not be read, in the words the view shows. */
export type UnavailableReason =
  /** 403: the signed-in person, or the app's Sites.Selected grant, cannot read the practice's site. */
  | 'no-access'
  /** 404: the site or its register is gone (or was never set up). */
  | 'not-found'
  /** 429/503 after the client's retries: SharePoint asked us to slow down. */
  | 'throttled'
  /** Anything else: a network failure, a 5xx. */
  | 'failed';

export const UNAVAILABLE_REASONS: Readonly<Record<UnavailableReason, string>> = {
  'no-access': "You, or this app, cannot read the practice's site. Ask the practice to add your team as a site visitor (docs/network.md).",
  'not-found': "The practice's site or register was not found. It may have moved, or the register has not been set up.",
  throttled: 'SharePoint asked us to slow down. Try again in a minute.',
  failed: 'The practice could not be reached. Try again.',
};

export type PracticeLoad =
  | {
      readonly state: 'loaded';
      readonly practice: MemberPractice;
      readonly membership: NetworkMembership;
      readonly entries: readonly StoredEntry[];
      /** Open incidents; null when the practice has no incidents list (not known, never "none"). */
      readonly openIncidents: readonly StoredIncidentSummary[] | null;
    }
  /** On the roster, but the practice has not opted in (or has withdrawn): nothing of its register is read. */
  | { readonly state: 'not-opted-in'; readonly practice: MemberPractice; readonly membership: NetworkMembership | null }
  | { readonly state: 'unavailable'; readonly practice: MemberPractice; readonly reason: UnavailableReason; readonly detail: string };
