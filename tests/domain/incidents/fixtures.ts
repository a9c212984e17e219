/** Shared builders for the incident tests: a small register with dependencies and an ICB service desk, and a declared incident. */
import type { StoredEntry } from '../../../src/domain/entry';
import { declareIncident, incidentKeyFor, type Incident } from '../../../src/domain/incidents';
import { healthyEntry, PRIYA, TOM } from '../entryFixture';

export const NOW = new Date('2026-03-02T09:30:00Z');
export const GUID = '0b0e0c0d-1111-4222-8333-444455556666';
export const KEY = incidentKeyFor(GUID);
export const UPDATE_GUID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

export function stored(id: string, overrides: Parameters<typeof healthyEntry>[0] = {}): StoredEntry {
  return { id, eTag: `"{${id}},1"`, entry: healthyEntry(overrides), createdAt: '', createdBy: '', modifiedAt: '', modifiedBy: '' };
}

/** EMIS Web (1) <- Docman (2) <- iGPR (3); NHS App (4) <- Accurx (5) unrelated; ICB service desk (9). */
export function register(overrides: Parameters<typeof healthyEntry>[0] = {}): StoredEntry[] {
  return [
    stored('1', {
      title: 'EMIS Web',
      supplier: 'Optum',
      downtimeProcess: '',
      downtimeNotice: 'Screens freeze; EMIS status page shows an outage.',
      downtimeWorkaround: 'Use the printed appointment lists and paper FP10s.',
      downtimePatients: 'Tell patients we can still see them; prescriptions may be delayed.',
      downtimeBackfill: 'Enter paper notes within 48 hours.',
      escalationRoute: 'ICB digital team, then the supplier account manager',
      ...overrides,
    }),
    stored('2', { title: 'Docman', supplier: 'Docman', dependsOn: [{ entryId: '1', title: 'EMIS Web', kind: 'integration', why: 'files letters to the record' }] }),
    stored('3', { title: 'iGPR', supplier: 'iGPR', dependsOn: [{ entryId: '2', title: 'Docman', kind: 'integration', why: 'reports' }], downtimeProcess: '' }),
    stored('4', { title: 'NHS App', owner: TOM, deputy: PRIYA }),
    stored('5', { title: 'Accurx', dependsOn: [{ entryId: '4', title: 'NHS App', kind: 'integration', why: 'messages' }] }),
    stored('9', { title: 'ICB service desk', supplier: 'ICB', supportPhone: '01234 567890', supportEmail: 'gpit@icb.nhs.uk', supportUrl: 'https://desk.icb.nhs.uk', supportReference: 'ODS code Y01234' }),
  ];
}

export function declared(overrides: Partial<Parameters<typeof declareIncident>[0]> = {}): Incident {
  return declareIncident(
    {
      key: KEY,
      entryId: '1',
      serviceTitle: 'EMIS Web',
      impact: 'down',
      seen: 'Nobody can log in; error 503 on every screen.',
      startedAt: '2026-03-02T08:15:00Z',
      declaredBy: { displayName: 'Priya Shah', entraId: PRIYA.entraId },
      ...overrides,
    },
    NOW,
  );
}

export const entryLink = (id: string) => `https://teams.microsoft.com/l/entity/app/register?context=${encodeURIComponent(JSON.stringify({ subEntityId: `entry:${id}` }))}`;
