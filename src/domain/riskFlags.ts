/**
 * Risk flags: the gaps a practice manager should see at a glance. Each flag is something to act
 * on, so flags are only raised where the gap matters (see each rule), and a retired entry has none.
 */
import type { DataType, Lifecycle, LocalDate, Option, RegisterEntry } from './entry';
import { addMonths, isLocalDate } from './localDate';
import { reviewStatus } from './reviewStatus';

export type RiskFlag =
  | 'no-owner'
  | 'owner-left'
  | 'personal-data-no-dpia'
  | 'no-downtime-process'
  | 'access-review-overdue'
  | 'review-overdue'
  | 'in-use-never-reviewed';

export interface RiskFlagInfo extends Option<RiskFlag> {
  /** One line: why this is a gap. */
  readonly description: string;
  /** One line: what to do about it. */
  readonly action: string;
}

/** How often staff access to a service that holds personal data should be checked: yearly, like the register review. */
export const ACCESS_REVIEW_INTERVAL_MONTHS = 12;

/** Data types that make a service process personal data. */
export const PERSONAL_DATA_TYPES: readonly DataType[] = ['patient-identifiable', 'special-category', 'staff'];

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
    code: 'in-use-never-reviewed',
    label: 'In use, never reviewed',
    description: 'The service is in trial or live use but its entry has never been reviewed.',
    action: 'Review the entry with its owner and mark it reviewed.',
  },
];

export interface RiskContext {
  /** The owner is no longer a member of the practice team or has been removed from the directory. */
  readonly ownerLeft: boolean;
}

/** Staff hold accounts on the service: it is being tried, used, or still used while it is wound down. */
const IN_USE: readonly Lifecycle[] = ['trial', 'live', 'retiring'];

export function processesPersonalData(entry: RegisterEntry): boolean {
  return entry.dataTypes.some((code) => PERSONAL_DATA_TYPES.includes(code));
}

function accessReviewOverdue(entry: RegisterEntry, today: LocalDate): boolean {
  if (!IN_USE.includes(entry.lifecycle) || !processesPersonalData(entry)) return false;
  const last = entry.lastAccessReview;
  if (last === null || !isLocalDate(last)) return true;
  return addMonths(last, ACCESS_REVIEW_INTERVAL_MONTHS) < today;
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
 * - review-overdue: `reviewStatus` is 'overdue'.
 * - in-use-never-reviewed: trial or live with no last review date.
 *
 * @param today the Europe/London date now (`londonDateOf(clock())`).
 * @returns the flags in RISK_FLAGS order; [] for a retired entry.
 */
export function riskFlags(entry: RegisterEntry, today: LocalDate, context: RiskContext): RiskFlag[] {
  if (entry.lifecycle === 'retired') return [];
  const raised: Record<RiskFlag, boolean> = {
    'no-owner': entry.owner === null,
    'owner-left': entry.owner !== null && context.ownerLeft,
    'personal-data-no-dpia': processesPersonalData(entry) && entry.dpiaStatus !== 'complete',
    'no-downtime-process': IN_USE.includes(entry.lifecycle) && entry.criticality !== 'low' && entry.downtimeProcess.trim() === '',
    'access-review-overdue': accessReviewOverdue(entry, today),
    'review-overdue': reviewStatus(entry, today) === 'overdue',
    'in-use-never-reviewed': (entry.lifecycle === 'trial' || entry.lifecycle === 'live') && entry.lastReviewedOn === null,
  };
  return RISK_FLAGS.map((flag) => flag.code).filter((code) => raised[code]);
}
