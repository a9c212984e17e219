/**
 * What each register field is called in messages, forms and error summaries. Words match the
 * SharePoint column display names where one exists, so the list and the tab say the same thing.
 */
import type { RegisterEntry } from './entry';

export const FIELD_LABELS: Readonly<Record<keyof RegisterEntry, string>> = {
  title: 'Service name',
  category: 'Category',
  purpose: 'Purpose',
  provision: 'Provision',
  owner: 'Owner',
  deputy: 'Deputy',
  supplier: 'Supplier',
  supportPhone: 'Support phone',
  supportEmail: 'Support email',
  supportUrl: 'Support portal',
  supportHours: 'Support hours',
  supportReference: 'Caller reference',
  dataTypes: 'Data processed',
  dpiaStatus: 'DPIA status',
  dpiaDate: 'DPIA date',
  clinicalSafetyStatus: 'DCB0160 status',
  accessGranted: 'How access is granted',
  accessReviewed: 'How access is reviewed',
  accessRemoved: 'How access is removed',
  lastAccessReview: 'Last access review',
  downtimeNotice: 'How you will notice it is down',
  downtimeWorkaround: 'Paper workaround',
  downtimePatients: 'What to tell patients',
  downtimeBackfill: 'Back-filling records afterwards',
  // Older free text the labels could not sort, and anything that fits none of the four fields above.
  downtimeProcess: 'Downtime process',
  continuityLastTested: 'Continuity last tested',
  lifecycle: 'Lifecycle status',
  criticality: 'Criticality',
  reviewIntervalMonths: 'Review interval',
  lastReviewedOn: 'Last reviewed on',
  lastReviewedBy: 'Last reviewed by',
  nextReviewDue: 'Next review due',
  notes: 'Notes',
};
