/**
 * The register's current filters, search and sort, shared by every view: the register table shows
 * `rows`, the export writes `rows` ("respecting the current filters"), and the overview's gap links
 * open the register with a filter applied (`openRegisterWith`).
 *
 * Filters can also arrive in the URL (`?view=register&flag=no-owner&owner=...`), so a gap link works
 * when opened in a new tab or after a reload. Typing in the search box does not touch the URL.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { CATEGORIES, LIFECYCLES, PROVISIONS, REVIEW_STATUSES, RISK_FLAGS, type Option } from '@domain';
import { useRegisterData, type RegisterRow } from './registerData';
import {
  DEFAULT_SORT,
  NO_FILTERS,
  activeFilterCount,
  applyFilters,
  indexRows,
  type RegisterFilters,
  type RegisterSort,
  type SortColumn,
} from './registerFiltering';

export * from './registerFiltering';

export interface RegisterFiltersValue {
  readonly filters: RegisterFilters;
  /** Changes one filter, keeping the others. */
  readonly setFilter: <Key extends keyof RegisterFilters>(key: Key, value: RegisterFilters[Key]) => void;
  /** Replaces every filter at once (e.g. a gap link: "only these"). */
  readonly setFilters: (filters: RegisterFilters) => void;
  readonly clearFilters: () => void;
  readonly sort: RegisterSort;
  /** Sorts by `column`; choosing the current column again flips its direction. */
  readonly sortBy: (column: SortColumn) => void;
  /** The filtered and sorted rows ([] while the register loads). */
  readonly rows: readonly RegisterRow[];
  /** How many rows the register holds before filtering. */
  readonly total: number;
  /** Retired services are hidden until the person turns this on (or filters the lifecycle to Retired). */
  readonly showRetired: boolean;
  readonly setShowRetired: (show: boolean) => void;
  /** How many retired services the register holds. */
  readonly retiredCount: number;
  readonly activeCount: number;
}

const Context = createContext<RegisterFiltersValue | null>(null);

function choice<Code extends string>(list: ReadonlyArray<Option<Code>>, value: string | null): Code | null {
  return list.find((option) => option.code === value)?.code ?? null;
}

/** Reads filters from URL parameters; unknown values are ignored rather than filtering everything out. */
export function filtersFromSearchParams(params: URLSearchParams): RegisterFilters {
  const flag = params.get('flag');
  return {
    search: params.get('q') ?? '',
    provision: choice(PROVISIONS, params.get('provision')),
    category: choice(CATEGORIES, params.get('category')),
    lifecycle: choice(LIFECYCLES, params.get('lifecycle')),
    status: choice(REVIEW_STATUSES, params.get('status')),
    owner: params.get('owner') || null,
    flag: flag === 'any' || flag === 'none' ? flag : choice(RISK_FLAGS, flag),
  };
}

/** The URL (relative: query only) that opens the register with `filters` applied. */
export function registerHref(filters: Partial<RegisterFilters>): string {
  const params = new URLSearchParams({ view: 'register' });
  const names: Record<keyof RegisterFilters, string> = {
    search: 'q', provision: 'provision', category: 'category', lifecycle: 'lifecycle', status: 'status', owner: 'owner', flag: 'flag',
  };
  for (const [key, value] of Object.entries(filters) as [keyof RegisterFilters, string | null][]) {
    if (value) params.set(names[key], value);
  }
  return `?${params.toString()}`;
}

/** URL parameter naming an entry the register view opens when it shows (then removes from the URL). */
export const ENTRY_PARAM = 'entry';

export function RegisterFiltersProvider(props: { children: ReactNode }) {
  const { state } = useRegisterData();
  const [filters, setFiltersState] = useState<RegisterFilters>(() => filtersFromSearchParams(new URLSearchParams(window.location.search)));
  const [sort, setSort] = useState<RegisterSort>(DEFAULT_SORT);
  const [showRetired, setShowRetired] = useState(false);

  const allRows = state.kind === 'ready' ? state.rows : null;
  // Search text is worked out once per data change, not per keystroke.
  const indexed = useMemo(() => indexRows(allRows ?? []), [allRows]);
  const rows = useMemo(() => applyFilters(indexed, filters, sort, { showRetired }), [indexed, filters, sort, showRetired]);
  const retiredCount = useMemo(() => (allRows ?? []).filter((row) => row.stored.entry.lifecycle === 'retired').length, [allRows]);

  const setFilter = useCallback(<Key extends keyof RegisterFilters>(key: Key, value: RegisterFilters[Key]) => {
    setFiltersState((current) => ({ ...current, [key]: value }));
  }, []);
  const clearFilters = useCallback(() => setFiltersState(NO_FILTERS), []);
  const sortBy = useCallback((column: SortColumn) => {
    setSort((current) =>
      current.column === column
        ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: 'ascending' },
    );
  }, []);

  const value = useMemo<RegisterFiltersValue>(
    () => ({
      filters,
      setFilter,
      setFilters: setFiltersState,
      clearFilters,
      sort,
      sortBy,
      rows,
      total: allRows?.length ?? 0,
      showRetired,
      setShowRetired,
      retiredCount,
      activeCount: activeFilterCount(filters),
    }),
    [filters, setFilter, clearFilters, sort, sortBy, rows, allRows, showRetired, retiredCount],
  );
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

/** @throws when used outside RegisterFiltersProvider (a wiring mistake, not a user error). */
export function useRegisterFilters(): RegisterFiltersValue {
  const value = useContext(Context);
  if (!value) throw new Error('useRegisterFilters must be used inside RegisterFiltersProvider');
  return value;
}

/**
 * Opens the register view with exactly `filters` applied, without reloading the page: sets the
 * filters, puts the view in the URL and lets the navigation (which listens for popstate) follow.
 * With `entryId` the register also opens that entry (see ENTRY_PARAM).
 */
export function useOpenRegisterWith(): (filters: Partial<RegisterFilters>, entryId?: string) => void {
  const { setFilters } = useRegisterFilters();
  return useCallback(
    (filters: Partial<RegisterFilters>, entryId?: string) => {
      setFilters({ ...NO_FILTERS, ...filters });
      const url = new URL(registerHref(filters), window.location.href);
      if (entryId) url.searchParams.set(ENTRY_PARAM, entryId);
      window.history.pushState(null, '', url);
      window.dispatchEvent(new PopStateEvent('popstate'));
    },
    [setFilters],
  );
}
