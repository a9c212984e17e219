/** A small network for the component tests: three practices loaded, one not opted in, one unavailable. */
import { emptyEntry, type RegisterEntry, type StoredEntry } from '../../../../src/domain';
import type { MemberPractice, NetworkMembership, PracticeLoad } from '../../../../src/domain/network';
import type { NetworkHome } from '../../../../src/graph/network';

export const TODAY = '2026-06-15';

export const HOME: NetworkHome = {
  siteId: 'site-pcn',
  settingsListId: 'pcn-settings',
  practicesListId: 'pcn-practices',
  commentsListId: 'pcn-comments',
  self: { kind: 'pcn', name: 'Northgate PCN' },
};

export function practice(key: string, name: string): MemberPractice {
  return { key, name, siteUrl: `https://contoso.sharepoint.com/sites/${key}`, teamId: `team-${key}`, odsCode: '', settingsListId: `settings-${key}`, addedBy: 'Lead', addedAt: '2026-01-01T09:00:00Z' };
}

export const MEMBERSHIP: NetworkMembership = {
  state: 'joined', kind: 'pcn', networkName: 'Northgate PCN', networkTeamId: 'team-pcn', networkSiteId: 'site-pcn', changedOn: '2026-01-02', changedBy: 'Manager',
};

export function stored(id: string, fields: Partial<RegisterEntry>, modifiedAt = '2026-05-01T10:00:00Z'): StoredEntry {
  return { id, eTag: `"${id},1"`, entry: { ...emptyEntry(), ...fields }, createdAt: '2025-01-01T10:00:00Z', createdBy: 'A', modifiedAt, modifiedBy: 'A' };
}

const person = (name: string) => ({ entraId: `id-${name}`, displayName: name, upn: `${name.toLowerCase()}@nhs.net` });

export const RIVERSIDE = practice('site-riverside', 'Riverside Medical Practice');
export const ASHBY = practice('site-ashby', 'Ashby Surgery');
export const HILLSIDE = practice('site-hillside', 'Hillside Health Centre');
export const BROOK = practice('site-brook', 'Brook Lane Surgery');

/** Riverside: cloud telephony with no downtime process and an overdue review; a scribe in trial with no DPIA. */
export const RIVERSIDE_ENTRIES: StoredEntry[] = [
  stored('r1', {
    title: 'Cloud telephony', category: 'telephony', lifecycle: 'live', owner: person('Priya'), nextReviewDue: '2026-01-31', supplier: 'X-on',
    trainingLink: 'https://learn.example.com/phones', dataTypes: ['none'],
  }),
  stored('r2', { title: 'AI Scribe', category: 'ai-tool', lifecycle: 'trial', owner: person('Sam'), dataTypes: ['patient-identifiable'], dpiaStatus: 'not-assessed', nextReviewDue: '2026-12-01' }),
];

/** Ashby: telephony with a downtime process written down, nothing overdue. */
export const ASHBY_ENTRIES: StoredEntry[] = [
  stored('a1', {
    title: 'cloud  Telephony.', category: 'telephony', lifecycle: 'live', owner: person('Alex'), nextReviewDue: '2026-12-01', dataTypes: ['none'],
    downtimeProcess: 'Use the analogue line in reception; call the supplier on 0300 000 0000; log calls on paper and enter them after.',
  }),
];

export const LOADS: PracticeLoad[] = [
  { state: 'loaded', practice: RIVERSIDE, membership: MEMBERSHIP, entries: RIVERSIDE_ENTRIES, openIncidents: [] },
  { state: 'loaded', practice: ASHBY, membership: MEMBERSHIP, entries: ASHBY_ENTRIES, openIncidents: null },
  { state: 'not-opted-in', practice: HILLSIDE, membership: null },
  { state: 'unavailable', practice: BROOK, reason: 'no-access', detail: '403 accessDenied' },
];
