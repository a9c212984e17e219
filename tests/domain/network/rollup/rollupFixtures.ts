/** Small registers for the roll-up tests: entries built from `healthyEntry` (no flags on TODAY) with one field varied. */
import type { RegisterEntry, StoredEntry } from '../../../../src/domain';
import type { MemberPractice, NetworkMembership, PracticeLoad, StoredIncidentSummary, UnavailableReason } from '../../../../src/domain/network';
import { TODAY, healthyEntry } from '../../entryFixture';

export { TODAY };

export const NETWORK_SITE = 'pcn-site';

export function practice(key: string, name: string): MemberPractice {
  return { key, name, siteUrl: `https://contoso.sharepoint.com/sites/${key}`, teamId: `team-${key}`, odsCode: '', settingsListId: '', addedBy: 'Lead', addedAt: '2026-01-01T09:00:00Z' };
}

const MEMBERSHIP: NetworkMembership = {
  state: 'joined', kind: 'pcn', networkName: 'Northgate PCN', networkTeamId: 'pcn-team', networkSiteId: NETWORK_SITE, changedOn: '2026-01-02', changedBy: 'Manager',
};

export function stored(id: string, overrides: Partial<RegisterEntry> = {}, modifiedAt = '2026-06-01T10:00:00Z'): StoredEntry {
  return { id, eTag: `"${id},1"`, entry: healthyEntry({ title: `Service ${id}`, ...overrides }), createdAt: '2026-01-01T09:00:00Z', createdBy: 'Manager', modifiedAt, modifiedBy: 'Manager' };
}

export function loaded(member: MemberPractice, entries: readonly StoredEntry[], openIncidents: readonly StoredIncidentSummary[] | null = []): Extract<PracticeLoad, { state: 'loaded' }> {
  return { state: 'loaded', practice: member, membership: MEMBERSHIP, entries, openIncidents };
}

export function unavailable(member: MemberPractice, reason: UnavailableReason = 'no-access'): PracticeLoad {
  return { state: 'unavailable', practice: member, reason, detail: 'HTTP 403' };
}

export function notOptedIn(member: MemberPractice): PracticeLoad {
  return { state: 'not-opted-in', practice: member, membership: null };
}

export function incident(entryId: string, serviceTitle: string, startedAt = '2026-06-14T08:00:00Z'): StoredIncidentSummary {
  return { entryId, serviceTitle, impact: 'down', startedAt };
}

/** An overdue annual review (flag 'review-overdue', status 'overdue'). */
export const OVERDUE: Partial<RegisterEntry> = { lastReviewedOn: '2025-01-10', nextReviewDue: '2026-01-10' };
