/**
 * Sorting and filtering the side-by-side rows. Practices that could not be read, or have not opted
 * in, always come last (unavailable first, since a retry may bring them back), whatever the sort:
 * they have no numbers to sort by, and must never read as "0 gaps".
 */
import type { RiskFlag } from '../../riskFlags';
import { byName } from './practiceRows';
import type { PracticeSummary, SideBySideRow } from './sideBySide';

export type SideBySideSort = 'name' | 'gaps' | 'overdue' | 'flags' | 'incidents' | 'lastChanged';
export type SortDirection = 'ascending' | 'descending';

type SummaryRow = Extract<SideBySideRow, { kind: 'summary' }>;

/** All flags raised across the practice's entries (an entry with two flags counts twice). */
export function totalFlags(summary: PracticeSummary): number {
  return Object.values(summary.flagCounts).reduce<number>((sum, count) => sum + (count ?? 0), 0);
}

/** The value sorted on; null (not known, or nothing to date) sorts after every known value. */
function sortValue(summary: PracticeSummary, by: Exclude<SideBySideSort, 'name'>): number | null {
  switch (by) {
    case 'gaps':
      return summary.questions.gaps;
    case 'overdue':
      return summary.overdueReviews;
    case 'flags':
      return totalFlags(summary);
    case 'incidents':
      return summary.openIncidents;
    case 'lastChanged':
      return summary.lastChangedAt === null ? null : Date.parse(summary.lastChangedAt);
  }
}

function compareSummaries(a: SummaryRow, b: SummaryRow, by: SideBySideSort, direction: SortDirection): number {
  const sign = direction === 'ascending' ? 1 : -1;
  const names = byName(a.practice.name, b.practice.name);
  if (by === 'name') return sign * names;
  const [left, right] = [sortValue(a.summary, by), sortValue(b.summary, by)];
  if (left === null || right === null) return left === right ? names : left === null ? 1 : -1;
  return sign * (left - right) || names;
}

export function sortSideBySide(rows: readonly SideBySideRow[], by: SideBySideSort, direction: SortDirection): SideBySideRow[] {
  const summaries = rows.filter((row): row is SummaryRow => row.kind === 'summary').sort((a, b) => compareSummaries(a, b, by, direction));
  const others = (kind: SideBySideRow['kind']): SideBySideRow[] =>
    rows.filter((row) => row.kind === kind).sort((a, b) => byName(a.practice.name, b.practice.name));
  return [...summaries, ...others('unavailable'), ...others('not-opted-in')];
}

/**
 * The practices with at least one entry raising `flag` (all rows for null). Practices that could not
 * be read or have not opted in stay in the list: whether they have the gap is not known, and dropping
 * them would read as "they do not".
 */
export function filterByFlag(rows: readonly SideBySideRow[], flag: RiskFlag | null): SideBySideRow[] {
  if (flag === null) return [...rows];
  return rows.filter((row) => row.kind !== 'summary' || (row.summary.flagCounts[flag] ?? 0) > 0);
}
