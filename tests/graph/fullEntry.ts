/** A register entry with every field set to a value other than the blank entry's. */
import type { RegisterEntry } from '../../src/domain/entry';
import { DEMO } from '../support/emulator';

export function fullEntry(title: string, overrides: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    title,
    category: 'online-consultation',
    purpose: "Patients' online requests, triaged by O'Neill's team",
    provision: 'icb-enhanced',
    owner: { entraId: DEMO.manager.id, displayName: DEMO.manager.displayName, upn: DEMO.manager.upn },
    deputy: { entraId: DEMO.staff.id, displayName: DEMO.staff.displayName, upn: DEMO.staff.upn },
    supplier: 'Accurx',
    supportPhone: '0300 123 4567',
    supportEmail: 'support@example.nhs.uk',
    supportUrl: 'https://support.example.com/portal?a=1&b=2',
    supportHours: 'Mon-Fri 08:00-18:30',
    supportReference: 'ODS Y12345',
    dataTypes: ['patient-identifiable', 'special-category'],
    dpiaStatus: 'complete',
    dpiaDate: '2025-03-30',
    clinicalSafetyStatus: 'in-progress',
    accessGranted: 'Smartcard role requested by the practice manager',
    accessReviewed: 'Quarterly against the staff list',
    accessRemoved: 'On the leaver checklist',
    lastAccessReview: '2025-10-26',
    downtimeNotice: 'Requests stop arriving; the dashboard says "offline"',
    downtimeWorkaround: 'Phone lines and paper triage forms',
    downtimePatients: 'Please phone the practice instead',
    downtimeBackfill: 'Type the paper forms in the same day',
    downtimeProcess: 'Phone lines and paper triage forms',
    continuityLastTested: '2024-02-29',
    lifecycle: 'trial',
    criticality: 'high',
    reviewIntervalMonths: 6,
    lastReviewedOn: '2025-11-01',
    lastReviewedBy: DEMO.manager.displayName,
    nextReviewDue: '2026-05-01',
    notes: 'Line one\nLine two',
    ...overrides,
  };
}
