/**
 * Risk flags: the gaps a practice manager should see at a glance. Each flag is something to act
 * on, so flags are only raised where the gap matters (see each rule), and a retired entry has none.
 */
import type { LocalDate, Option, RegisterEntry } from './entry';
import { hasDowntimeProcess } from './downtime';
import { ACCESS_REVIEW_INTERVAL_MONTHS, IN_USE_LIFECYCLES, accessReviewIntervalOf, dueDatesOf, dueItemsOf, processesPersonalData } from './due';
import { adminRightsNotReviewed } from './access/adminRights';

export { ACCESS_REVIEW_INTERVAL_MONTHS, PERSONAL_DATA_TYPES, processesPersonalData } from './due';

export type RiskFlag =
  | 'no-owner'
  | 'owner-left'
  | 'personal-data-no-dpia'
  | 'no-downtime-process'
  | 'access-review-overdue'
  | 'review-overdue'
  | 'dpia-review-overdue'
  | 'continuity-test-overdue'
  | 'in-use-never-reviewed'
  // Issue 17, people and access (src/domain/access).
  | 'access-checklist-overdue'
  | 'admin-rights-not-reviewed'
  // Issue 17, change and go-live (src/domain/change).
  | 'live-without-go-live-record'
  | 'change-untested';

export interface RiskFlagInfo extends Option<RiskFlag> {
  /** One line: why this is a gap. */
  readonly description: string;
  /** One line: what to do about it. */
  readonly action: string;
}

/** Listed in the order the flags are returned and shown. */
export const RISK_FLAGS: readonly RiskFlagInfo[] = [
  {
    code: 'no-owner',
    label: 'No owner',
    description: 'Nobody is named as the local owner, so nobody is responsible for reviews, access and the supplier.',
    action: 'Choose an owner, and a deputy, from the NHS.net directory.',
  },
  {
    code: 'owner-left',
    label: 'Owner has left',
    description: 'The named owner is no longer in the practice team.',
    action: 'Choose a new owner; ask the deputy to cover until then.',
  },
  {
    code: 'personal-data-no-dpia',
    label: 'Personal data, no DPIA',
    description: 'The service processes personal data but its data protection impact assessment (DPIA) is not complete.',
    action: 'Complete the DPIA with your Data Protection Officer and record the date.',
  },
  {
    code: 'no-downtime-process',
    label: 'No downtime process',
    description: 'The service is in use but there is no written plan for what staff do when it is unavailable.',
    action: 'Write down who to call, the paper fallback and how to catch up afterwards, then test it.',
  },
  {
    code: 'access-review-overdue',
    label: 'Access review overdue',
    description: `Who can use this service has not been checked in the last ${ACCESS_REVIEW_INTERVAL_MONTHS} months.`,
    action: 'Check the user list against current staff, remove anyone who has left, and record the date.',
  },
  {
    code: 'review-overdue',
    label: 'Review overdue',
    description: 'The date for reviewing this entry has passed.',
    action: 'Review the entry with its owner and mark it reviewed.',
  },
  {
    code: 'dpia-review-overdue',
    label: 'DPIA review overdue',
    description: 'The yearly review of this service’s DPIA is overdue.',
    action: 'Revisit the DPIA with your Data Protection Officer and record the new date.',
  },
  {
    code: 'continuity-test-overdue',
    label: 'Continuity test overdue',
    description: 'The downtime process has not been tested in the last year.',
    action: 'Walk through the downtime process with staff and record the date tested.',
  },
  {
    code: 'in-use-never-reviewed',
    label: 'In use, never reviewed',
    description: 'The service is in trial or live use but its entry has never been reviewed.',
    action: 'Review the entry with its owner and mark it reviewed.',
  },
  {
    code: 'access-checklist-overdue',
    label: 'Access checklist overdue',
    description: 'A joiner, leaver or role-change checklist past its date still has this service’s line open.',
    action: 'Open the checklist in People and access and tick the line, or mark it not applicable with a reason.',
  },
  {
    code: 'admin-rights-not-reviewed',
    label: 'Admin rights not reviewed',
    description: 'Someone holds admin rights on this service and they have not been reviewed in the last 12 months.',
    action: 'Check who holds admin rights and that each agreement is on file, then record the review date.',
  },
  {
    code: 'live-without-go-live-record',
    label: 'Live without a go-live record',
    description: 'The service is live but there is no go-live record showing its go-live requirements were met or waived.',
    action: 'Open the entry and, under Changes, record its go-live: what was checked, who approved it and how staff were told.',
  },
  {
    code: 'change-untested',
    label: 'Change not tested',
    description: 'A change to this service has no record of how it was tested before going live.',
    action: 'Open the entry and, under Changes, say how the change was tested, or test it now and record that.',
  },
];

export interface RiskContext {
  /** The owner is no longer a member of the practice team or has been removed from the directory. */
  readonly ownerLeft: boolean;
  /** An open checklist past its date has a line for this service (src/domain/access: entriesWithOverdueChecklists). */
  readonly checklistOverdue?: boolean;
  /** The practice's change records show a go-live for this service; absent while they are not known (src/domain/change). */
  readonly hasGoLiveRecord?: boolean;
  /** A change to this service has no record of testing; absent while the records are not known. */
  readonly untestedChange?: boolean;
}

const IN_USE = IN_USE_LIFECYCLES;

/** Missing counts as overdue for access (personal data, nobody has checked who can use it). */
function accessReviewOverdue(entry: RegisterEntry, overdue: ReadonlySet<string>): boolean {
  if (!IN_USE.includes(entry.lifecycle) || !processesPersonalData(entry) || accessReviewIntervalOf(entry) === 0) return false;
  return dueDatesOf(entry)['access-review'] === null || overdue.has('access-review');
}

/**
 * Rules, each deliberately scoped:
 * - no-owner / owner-left: any entry that is not retired (a proposed service needs an owner too).
 * - personal-data-no-dpia: any status other than 'complete', including a proposed service, because
 *   the DPIA should be done before personal data flows.
 * - no-downtime-process: only trial, live or retiring services (a proposed one has no downtime yet)
 *   and not those marked low criticality, whose outage by definition does not stop the practice.
 * - access-review-overdue: in-use services processing personal data whose last access review is
 *   missing or more than ACCESS_REVIEW_INTERVAL_MONTHS ago (on the anniversary itself it is not yet overdue).
 * - review-overdue, dpia-review-overdue, continuity-test-overdue: that due date (./due) has passed.
 * - in-use-never-reviewed: trial or live with no last review date.
 * - access-checklist-overdue: the caller says so (context.checklistOverdue, from the practice's checklists).
 * - admin-rights-not-reviewed: someone holds admin rights with no review date, or one over 12 months old.
 * - live-without-go-live-record: a live service whose change records (passed in) hold no go-live.
 * - change-untested: a change to the service (passed in) says nothing about testing.
 *
 * @param today the Europe/London date now (`londonDateOf(clock())`).
 * @returns the flags in RISK_FLAGS order; [] for a retired entry.
 */
export function riskFlags(entry: RegisterEntry, today: LocalDate, context: RiskContext): RiskFlag[] {
  if (entry.lifecycle === 'retired') return [];
  // The same due dates and states the reminders use (./due), so the Register and the reminders agree.
  const overdue = new Set(dueItemsOf(entry, today).filter((item) => item.state === 'overdue').map((item) => item.kind));
  const raised: Record<RiskFlag, boolean> = {
    'no-owner': entry.owner === null,
    'owner-left': entry.owner !== null && context.ownerLeft,
    'personal-data-no-dpia': processesPersonalData(entry) && entry.dpiaStatus !== 'complete',
    'no-downtime-process': IN_USE.includes(entry.lifecycle) && entry.criticality !== 'low' && !hasDowntimeProcess(entry),
    'access-review-overdue': accessReviewOverdue(entry, overdue),
    'review-overdue': overdue.has('review'),
    'dpia-review-overdue': overdue.has('dpia'),
    'continuity-test-overdue': overdue.has('continuity-test'),
    'in-use-never-reviewed': (entry.lifecycle === 'trial' || entry.lifecycle === 'live') && entry.lastReviewedOn === null,
    'access-checklist-overdue': context.checklistOverdue ?? false,
    'admin-rights-not-reviewed': adminRightsNotReviewed(entry, today),
    'live-without-go-live-record': entry.lifecycle === 'live' && context.hasGoLiveRecord === false,
    'change-untested': context.untestedChange ?? false,
  };
  return RISK_FLAGS.map((flag) => flag.code).filter((code) => raised[code]);
}
