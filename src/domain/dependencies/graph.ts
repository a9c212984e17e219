/**
 * The dependency graph of a register (issue 16): entry A depends on entry B when A's `dependsOn`
 * names B's list item id. Built once per register snapshot, then every question (what else breaks,
 * cycles, problems, the list view) reads its maps instead of scanning the entries again.
 *
 * Order is stable everywhere: services sort by title (case- and accent-insensitive, English rules),
 * then by id, so the same register always reads the same way on screen and in tests.
 */
import type { Dependency, DependencyKind, StoredEntry } from '../entry';

/** One "from depends on to" link. `to` may name an id that is not in the register (deleted). */
export interface DependencyEdge {
  /** The entry that depends. */
  readonly from: string;
  /** The entry it depends on (may be missing from the register). */
  readonly to: string;
  readonly kind: DependencyKind;
  readonly why: string;
  /** The target's name as stored on the link (readable even when the target is deleted). */
  readonly title: string;
}

export interface DependencyGraph {
  /** Every entry by id. */
  readonly entries: ReadonlyMap<string, StoredEntry>;
  /** Every id in stable order (title, then id). */
  readonly order: readonly string[];
  /** Position of each id in `order`, for cheap stable sorting. */
  readonly rank: ReadonlyMap<string, number>;
  /**
   * What each entry depends on, in stable order of the target. Self-links and repeated links to
   * the same target are left out here (see `dependencyProblems` for self-links); links to deleted
   * entries are kept, so they can be flagged.
   */
  readonly dependsOn: ReadonlyMap<string, readonly DependencyEdge[]>;
  /** Who depends on each entry (direct), in stable order of the dependent. Only entries in the register. */
  readonly dependents: ReadonlyMap<string, readonly DependencyEdge[]>;
}

/** What the functions here accept: the entries themselves, or a graph already built from them. */
export type DependencyInput = DependencyGraph | readonly StoredEntry[];

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Compares two entries the way every dependency view lists them: by title, then id. */
export function compareEntries(a: StoredEntry, b: StoredEntry): number {
  return collator.compare(a.entry.title, b.entry.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Rank of an id; ids not in the register (deleted targets) sort after every entry. */
function rankOf(rank: ReadonlyMap<string, number>, id: string): number {
  return rank.get(id) ?? Number.MAX_SAFE_INTEGER;
}

export function buildDependencyGraph(entries: readonly StoredEntry[]): DependencyGraph {
  const sorted = [...entries].sort(compareEntries);
  const byId = new Map<string, StoredEntry>();
  for (const stored of sorted) if (!byId.has(stored.id)) byId.set(stored.id, stored);
  const order = [...byId.keys()];
  const rank = new Map(order.map((id, index) => [id, index] as const));

  const dependsOn = new Map<string, DependencyEdge[]>();
  const dependents = new Map<string, DependencyEdge[]>();
  for (const id of order) {
    dependsOn.set(id, []);
    dependents.set(id, []);
  }
  for (const id of order) {
    const seen = new Set<string>();
    const out = dependsOn.get(id) ?? [];
    for (const dependency of byId.get(id)?.entry.dependsOn ?? []) {
      if (dependency.entryId === id || seen.has(dependency.entryId)) continue;
      seen.add(dependency.entryId);
      const edge = edgeOf(id, dependency);
      out.push(edge);
      dependents.get(dependency.entryId)?.push(edge);
    }
    out.sort((a, b) => rankOf(rank, a.to) - rankOf(rank, b.to) || collator.compare(a.title, b.title) || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  }
  for (const list of dependents.values()) list.sort((a, b) => rankOf(rank, a.from) - rankOf(rank, b.from));
  return { entries: byId, order, rank, dependsOn, dependents };
}

function edgeOf(from: string, dependency: Dependency): DependencyEdge {
  return { from, to: dependency.entryId, kind: dependency.kind, why: dependency.why, title: dependency.title };
}

function isGraph(input: DependencyInput): input is DependencyGraph {
  return !Array.isArray(input);
}

/** @returns the graph itself, or one built from the entries. */
export function dependencyGraphOf(input: DependencyInput): DependencyGraph {
  return isGraph(input) ? input : buildDependencyGraph(input);
}

/** @returns what `entryId` depends on directly (stable order; deleted targets last). */
export function dependenciesOf(input: DependencyInput, entryId: string): readonly DependencyEdge[] {
  return dependencyGraphOf(input).dependsOn.get(entryId) ?? [];
}

/** @returns the entries that depend on `entryId` directly (stable order). */
export function dependentsOf(input: DependencyInput, entryId: string): readonly DependencyEdge[] {
  return dependencyGraphOf(input).dependents.get(entryId) ?? [];
}

/** @returns every edge in the graph, in stable order (by dependent, then target). */
export function dependencyEdges(input: DependencyInput): readonly DependencyEdge[] {
  const graph = dependencyGraphOf(input);
  return graph.order.flatMap((id) => graph.dependsOn.get(id) ?? []);
}
