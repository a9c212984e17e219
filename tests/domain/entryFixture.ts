/** A complete, healthy live entry (no validation errors, no risk flags on TODAY) to vary one field at a time. */
import { emptyEntry, type PersonRef, type RegisterEntry } from '../../src/domain';

export const TODAY = '2026-06-15';

export const PRIYA: PersonRef = { entraId: '11111111-1111-1111-1111-111111111111', displayName: 'Priya Shah', upn: 'priya.shah@nhs.net' };
export const TOM: PersonRef = { entraId: '22222222-2222-2222-2222-222222222222', displayName: 'Tom Reed', upn: 'tom.reed@nhs.net' };

export function healthyEntry(overrides: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    ...emptyEntry(),
    title: 'Clinical system',
    category: 'clinical-system',
    purpose: 'Patient records, appointments and prescribing.',
    provision: 'icb-core',
    owner: PRIYA,
    deputy: TOM,
    supplier: 'Example Clinical Systems Ltd',
    supportPhone: '0300 123 4567',
    supportEmail: 'servicedesk@example.co.uk',
    supportUrl: 'https://support.example.co.uk/portal',
    supportHours: 'Mon-Fri 08:00-18:30',
    supportReference: 'Practice ODS code',
    dataTypes: ['patient-identifiable', 'special-category'],
    dpiaStatus: 'complete',
    dpiaDate: '2025-11-01',
    clinicalSafetyStatus: 'complete',
    accessGranted: 'Practice manager raises a smartcard request.',
    accessReviewed: 'Quarterly check against the staff list.',
    accessRemoved: 'On the leaver checklist.',
    lastAccessReview: '2026-01-10',
    downtimeProcess: 'Paper appointment lists printed nightly; phone the service desk.',
    continuityLastTested: '2026-02-01',
    lifecycle: 'live',
    criticality: 'critical',
    reviewIntervalMonths: 12,
    lastReviewedOn: '2026-01-10',
    lastReviewedBy: 'Priya Shah',
    nextReviewDue: '2027-01-10',
    notes: '',
    ...overrides,
  };
}
