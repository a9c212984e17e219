/**
 * One description of a SharePoint list the practice keeps in its team's site: its display name
 * (how it is found) and its custom columns (Title is built in). The register, the settings list and
 * every feature list (incidents, changes, checklists, access reviews) are described this way, so
 * "find it, create it, add what an older copy lacks" is written once (src/graph/lists).
 */
import type { ListColumn } from './listColumn';

export interface ListDefinition {
  /** The list's displayName in the site: unique per site, and how the list is found. */
  readonly name: string;
  readonly columns: readonly ListColumn[];
  /** Shown in SharePoint under the list's name; optional. */
  readonly description?: string;
}

/** What an existing list lacks: the columns of `def` whose internal names are not among `present`. */
export function missingColumns(def: ListDefinition, present: Iterable<string>): ListColumn[] {
  const have = new Set(present);
  return def.columns.filter((column) => !have.has(column.name));
}

/** What one practice list needs: created (`listId` null) or columns added (`missing`). */
export interface ListGap {
  readonly def: ListDefinition;
  /** The list's id, or null when the site has no list of that name. */
  readonly listId: string | null;
  /** Columns to add (every column when the list is missing: it is created with them). */
  readonly missing: readonly ListColumn[];
}

/** @returns true when nothing is missing. */
export function isUpToDate(gaps: readonly ListGap[]): boolean {
  return gaps.every((gap) => gap.listId !== null && gap.missing.length === 0);
}

/** One line per gap, for a person: "Incidents (a new list)" or "Digital Services Register: 4 columns (Paper workaround, …)". */
export function describeGap(gap: ListGap): string {
  if (gap.listId === null) return `${gap.def.name} (a new list)`;
  const names = gap.missing.map((column) => column.displayName);
  return `${gap.def.name}: ${names.length} missing column${names.length === 1 ? '' : 's'} (${names.join(', ')})`;
}
