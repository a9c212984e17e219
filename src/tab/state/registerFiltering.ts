/**
 * The register's filters, search and sort as pure functions (no React), so they can be tested and
 * benchmarked on their own. Search text is computed once per data change (`indexRows`), never per
 * keystroke: typing a letter only runs `includes` over precomputed strings.
 */
import {
  CATEGORIES,
  LIFECYCLES,
  PROVISIONS,
  REVIEW_STATUSES,
  RISK_FLAGS,
  entrySearchText,
  labelOf,
  type Category,
  type Lifecycle,
  type Provision,
  type ReviewStatus,
  type RiskFlag,
  type StoredEntry,
} from '@domain';

/** The parts of a register row filtering needs (the tab's RegisterRow satisfies it). */
export interface FilterableRow {
  readonly stored: StoredEntry;
  readonly status: ReviewStatus;
  readonly flags: readonly RiskFlag[];
}

/** The owner filter's special values besides an owner's Entra id. */
export const NO_OWNER = '(none)';

export interface RegisterFilters {
  readonly search: string;
  readonly provision: Provision | null;
  readonly category: Category | null;
  readonly lifecycle: Lifecycle | null;
  readonly status: ReviewStatus | null;
  /** An owner's Entra id, NO_OWNER for entries without one, or null for everyone. */
  readonly owner: string | null;
  /** A risk flag, 'any' for entries with at least one flag, 'none' for entries with none, or null. */
  readonly flag: RiskFlag | 'any' | 'none' | null;
}

export const NO_FILTERS: RegisterFilters = {
  search: '',
  provision: null,
  category: null,
  lifecycle: null,
  status: null,
  owner: null,
  flag: null,
};

export type SortColumn = 'title' | 'category' | 'provision' | 'owner' | 'status' | 'flags';
export type SortDirection = 'ascending' | 'descending';
export interface RegisterSort {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}
export const DEFAULT_SORT: RegisterSort = { column: 'title', direction: 'ascending' };

/** A row with its search text and sort keys worked out once. */
export interface IndexedRow<Row extends FilterableRow> {
  readonly row: Row;
  readonly searchText: string;
  readonly ownerName: string;
}

export function ownerNameOf(row: FilterableRow): string {
  const owner = row.stored.entry.owner;
  return owner ? owner.displayName || owner.upn : '';
}

/** Run once per data change. */
export function indexRows<Row extends FilterableRow>(rows: readonly Row[]): IndexedRow<Row>[] {
  return rows.map((row) => ({ row, searchText: entrySearchText(row.stored.entry), ownerName: ownerNameOf(row) }));
}

export function activeFilterCount(filters: RegisterFilters): number {
  const { search, ...choices } = filters;
  return (search.trim() ? 1 : 0) + Object.values(choices).filter((value) => value !== null).length;
}

/**
 * What a search box holds, as it is matched: lower case, runs of spaces as one (a double space typed
 * or pasted must not hide "EMIS  Web"). entrySearchText is normalised the same way.
 */
export function searchNeedle(search: string): string {
  return search.trim().toLowerCase().replace(/\s+/g, ' ');
}

export interface ViewOptions {
  /** Retired services are hidden unless this is true or the lifecycle filter asks for them. Default true. */
  readonly showRetired?: boolean;
}

function matches(item: IndexedRow<FilterableRow>, filters: RegisterFilters, needle: string, options: ViewOptions = {}): boolean {
  const { entry } = item.row.stored;
  if (options.showRetired === false && entry.lifecycle === 'retired' && filters.lifecycle !== 'retired') return false;
  if (filters.provision !== null && entry.provision !== filters.provision) return false;
  if (filters.category !== null && entry.category !== filters.category) return false;
  if (filters.lifecycle !== null && entry.lifecycle !== filters.lifecycle) return false;
  if (filters.status !== null && item.row.status !== filters.status) return false;
  if (filters.owner !== null) {
    const ownerId = entry.owner?.entraId ?? NO_OWNER;
    if (ownerId !== filters.owner) return false;
  }
  if (filters.flag === 'any' && item.row.flags.length === 0) return false;
  if (filters.flag === 'none' && item.row.flags.length > 0) return false;
  if (filters.flag !== null && filters.flag !== 'any' && filters.flag !== 'none' && !item.row.flags.includes(filters.flag)) return false;
  return needle === '' || item.searchText.includes(needle);
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const STATUS_ORDER: Record<ReviewStatus, number> = { overdue: 0, 'due-soon': 1, 'not-set': 2, 'up-to-date': 3 };

function compare(a: IndexedRow<FilterableRow>, b: IndexedRow<FilterableRow>, column: SortColumn): number {
  const x = a.row.stored.entry;
  const y = b.row.stored.entry;
  switch (column) {
    case 'title':
      return collator.compare(x.title, y.title);
    case 'category':
      return collator.compare(labelOf(CATEGORIES, x.category), labelOf(CATEGORIES, y.category));
    case 'provision':
      return collator.compare(labelOf(PROVISIONS, x.provision), labelOf(PROVISIONS, y.provision));
    case 'owner':
      // Entries without an owner sort first when ascending: they are the gap to fill.
      return collator.compare(a.ownerName, b.ownerName);
    case 'status':
      return STATUS_ORDER[a.row.status] - STATUS_ORDER[b.row.status];
    case 'flags':
      // Most flags first when ascending: the ascending order reads "worst first".
      return b.row.flags.length - a.row.flags.length;
  }
}

/**
 * Filters then sorts (the register view passes `showRetired: false` until the person asks). Ties fall back to the service name so the order is stable and predictable.
 * @returns a new array of the matching rows.
 */
export function applyFilters<Row extends FilterableRow>(
  indexed: readonly IndexedRow<Row>[],
  filters: RegisterFilters,
  sort: RegisterSort = DEFAULT_SORT,
  options: ViewOptions = {},
): Row[] {
  const needle = searchNeedle(filters.search);
  const kept = indexed.filter((item) => matches(item, filters, needle, options));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  kept.sort((a, b) => sign * compare(a, b, sort.column) || collator.compare(a.row.stored.entry.title, b.row.stored.entry.title));
  return kept.map((item) => item.row);
}

/** Human words for the filter choices, shared by the filter bar and the "filtered by" summary. */
export const FILTER_LABELS = {
  provision: PROVISIONS,
  category: CATEGORIES,
  lifecycle: LIFECYCLES,
  status: REVIEW_STATUSES,
  flag: RISK_FLAGS,
} as const;
