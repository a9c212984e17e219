/** Counts of risk flags and review states across the register, in the order the overview shows them. */
import { REVIEW_STATUSES, type ReviewStatus } from '../reviewStatus';
import { RISK_FLAGS, type RiskFlag } from '../riskFlags';
import type { MaturityRow } from './questions';

export interface Count<Code extends string> {
  readonly code: Code;
  readonly label: string;
  readonly count: number;
}

export function countFlags(rows: readonly MaturityRow[]): Count<RiskFlag>[] {
  return RISK_FLAGS.map((flag) => ({ code: flag.code, label: flag.label, count: rows.filter((row) => row.flags.includes(flag.code)).length }));
}

/** Retired entries are left out: they have no review to do. */
export function countReviewStates(rows: readonly MaturityRow[]): Count<ReviewStatus>[] {
  const active = rows.filter((row) => row.entry.lifecycle !== 'retired');
  return REVIEW_STATUSES.map((status) => ({ code: status.code, label: status.label, count: active.filter((row) => row.status === status.code).length }));
}
