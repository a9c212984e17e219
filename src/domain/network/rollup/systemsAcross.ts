/**
 * "Systems across the network": which practices use which service, with its owner, review state,
 * DPIA state, lifecycle and flags in each. Entries are grouped by service name, ignoring case,
 * spaces and punctuation, so "Accurx ", "accuRx" and "AccuRx." meet in one row. Retired entries are
 * left out: the practice no longer uses them.
 */
import { CATEGORIES, DPIA_STATUSES, labelOf, type Category, type LocalDate, type Lifecycle } from '../../entry';
import { hasDowntimeProcess } from '../../downtime';
import type { ReviewStatus } from '../../reviewStatus';
import type { RiskFlag } from '../../riskFlags';
import type { PracticeLoad } from '../practiceLoad';
import { activeRows, byName, isLoaded, maturityRowsOf } from './practiceRows';

export interface SystemCell {
  readonly practiceKey: string;
  readonly practiceName: string;
  /** The practice register's list item id: the drill-down opens it. */
  readonly entryId: string;
  readonly title: string;
  readonly category: Category;
  /** The owner's display name; '' when nobody is named. */
  readonly owner: string;
  readonly reviewStatus: ReviewStatus;
  /** The DPIA status's label ("Complete", "Not assessed"...). */
  readonly dpia: string;
  readonly lifecycle: Lifecycle;
  readonly flags: readonly RiskFlag[];
  readonly hasDowntimeProcess: boolean;
}

export interface SystemRow {
  /** The normalised name the row groups by. */
  readonly systemKey: string;
  /** The spelling most practices use. */
  readonly label: string;
  /** The category most practices file it under. */
  readonly category: Category;
  /** Sorted by practice name. */
  readonly cells: readonly SystemCell[];
}

/**
 * The grouping key: letters and digits only, lower case, accents removed. Spaces and punctuation go
 * entirely, so "Accurx Scribe", "AccurxScribe" and "Accurx-Scribe" are one service.
 */
export function normaliseServiceName(title: string): string {
  return title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** How a name is shown: trimmed, runs of spaces as one. */
function tidy(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/** The most common value; a tie goes to the one seen first (cells are in practice-name order). */
function mostCommon<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0] as T;
  for (const value of values) if ((counts.get(value) ?? 0) > (counts.get(best) ?? 0)) best = value;
  return best;
}

function cellsOf(loads: readonly PracticeLoad[], today: LocalDate): SystemCell[] {
  return loads.filter(isLoaded).flatMap((load) =>
    activeRows(maturityRowsOf(load.entries, today)).map((row) => ({
      practiceKey: load.practice.key,
      practiceName: load.practice.name,
      entryId: row.id,
      title: row.entry.title,
      category: row.entry.category,
      owner: row.entry.owner?.displayName ?? '',
      reviewStatus: row.status,
      dpia: labelOf(DPIA_STATUSES, row.entry.dpiaStatus),
      lifecycle: row.entry.lifecycle,
      flags: row.flags,
      hasDowntimeProcess: hasDowntimeProcess(row.entry),
    })),
  );
}

const NO_NAME = '(no name)';

export function systemsAcross(loads: readonly PracticeLoad[], today: LocalDate): SystemRow[] {
  const groups = new Map<string, SystemCell[]>();
  for (const cell of cellsOf(loads, today)) {
    // A nameless entry is its own row: two blank titles are not the same service.
    const key = normaliseServiceName(cell.title) || `${NO_NAME}:${cell.practiceKey}:${cell.entryId}`;
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  return [...groups.entries()]
    .map(([systemKey, unsorted]) => {
      const cells = [...unsorted].sort((a, b) => byName(a.practiceName, b.practiceName) || byName(a.title, b.title));
      const label = mostCommon(cells.map((cell) => tidy(cell.title))) || NO_NAME;
      return { systemKey, label, category: mostCommon(cells.map((cell) => cell.category)), cells };
    })
    .sort((a, b) => byName(a.label, b.label) || byName(a.systemKey, b.systemKey));
}

/**
 * Narrows the matrix to the entries matching every criterion given, keeping the rows with at least
 * one. "Which practices have no downtime process for telephony": { flag: 'no-downtime-process',
 * category: 'telephony' }. "Where is the AI scribe in trial without a DPIA": { name: 'scribe',
 * flag: 'personal-data-no-dpia', lifecycle: 'trial' }.
 */
export type SystemFilter = {
  readonly flag?: RiskFlag;
  readonly category?: Category;
  readonly lifecycle?: Lifecycle;
  /** Part of the service's name, matched ignoring case, spaces and punctuation. */
  readonly name?: string;
};

export function filterSystems(rows: readonly SystemRow[], filter: SystemFilter): SystemRow[] {
  const name = filter.name === undefined ? '' : normaliseServiceName(filter.name);
  const matches = (cell: SystemCell): boolean =>
    (filter.flag === undefined || cell.flags.includes(filter.flag))
    && (filter.category === undefined || cell.category === filter.category)
    && (filter.lifecycle === undefined || cell.lifecycle === filter.lifecycle)
    && (name === '' || normaliseServiceName(cell.title).includes(name));
  return rows.flatMap((row) => {
    const cells = row.cells.filter(matches);
    return cells.length === 0 ? [] : [{ ...row, cells }];
  });
}

/** The category's label, for the matrix and its exports. */
export function categoryLabel(category: Category): string {
  return labelOf(CATEGORIES, category);
}
