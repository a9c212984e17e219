/**
 * What the dependency map draws, as plain data (no React, no graph library), so the filter rules
 * can be tested without a browser and the map and the list agree. Built from HD's dependency
 * domain (src/domain/dependencies): the graph, its cycles and its problem links.
 *
 * Filters: a category shows the services in it plus their direct neighbours (marked as context, so
 * a link never points at nothing); "only critical and what they need" shows the critical services
 * and everything they depend on, directly or through others. Both may apply at once.
 */
import type { Category, Criticality, DependencyKind, Lifecycle } from '@domain';
import {
  dependencyProblems,
  findCycles,
  type DependencyCycle,
  type DependencyGraph,
  type DependencyProblem,
  type DependencyProblemKind,
} from '@domain/dependencies';

export interface MapFilter {
  /** '' = every category. */
  readonly category: Category | '';
  readonly criticalOnly: boolean;
}

export const NO_MAP_FILTER: MapFilter = { category: '', criticalOnly: false };

export interface MapNodeModel {
  /** The entry id; a deleted target's node is `deleted:<id>`. */
  readonly id: string;
  /** The entry id the node stands for (also for a deleted target). */
  readonly entryId: string;
  readonly title: string;
  readonly category: Category | null;
  readonly criticality: Criticality | null;
  readonly lifecycle: Lifecycle | null;
  /** No longer in the register: only the name stored on the link is known. */
  readonly deleted: boolean;
  /** Shown only as a neighbour of a service the category filter chose. */
  readonly context: boolean;
  readonly onCycle: boolean;
  /** How many services it depends on / depend on it (in the whole register). */
  readonly dependsOnCount: number;
  readonly dependentCount: number;
}

export interface MapEdgeModel {
  readonly id: string;
  /** The dependent (node id). */
  readonly source: string;
  /** The dependency (node id). */
  readonly target: string;
  readonly kind: DependencyKind;
  readonly why: string;
  /** Both ends are on the same cycle. */
  readonly onCycle: boolean;
  readonly problem: DependencyProblemKind | null;
}

export interface MapModel {
  readonly nodes: readonly MapNodeModel[];
  readonly edges: readonly MapEdgeModel[];
  /** Every cycle in the register (not only the visible ones), for the note above the map. */
  readonly cycles: readonly DependencyCycle[];
  /** Every retired, deleted or self link in the register. */
  readonly problems: readonly DependencyProblem[];
  /** Services in the register (before filtering). */
  readonly total: number;
}

export const DELETED_PREFIX = 'deleted:';

/** Ids of `roots` and everything they depend on, directly or through others (cycles visited once). */
function withWhatTheyNeed(graph: DependencyGraph, roots: readonly string[]): Set<string> {
  const seen = new Set(roots);
  const queue = [...roots];
  for (let head = 0; head < queue.length; head += 1) {
    for (const edge of graph.dependsOn.get(queue[head] as string) ?? []) {
      if (seen.has(edge.to) || !graph.entries.has(edge.to)) continue;
      seen.add(edge.to);
      queue.push(edge.to);
    }
  }
  return seen;
}

/** The services the filter chooses, and those shown only as their neighbours. */
function chosenIds(graph: DependencyGraph, filter: MapFilter): { chosen: Set<string>; context: Set<string> } {
  let chosen = new Set(graph.order);
  if (filter.criticalOnly) {
    chosen = withWhatTheyNeed(graph, graph.order.filter((id) => graph.entries.get(id)?.entry.criticality === 'critical'));
  }
  const context = new Set<string>();
  if (filter.category !== '') {
    const inCategory = [...chosen].filter((id) => graph.entries.get(id)?.entry.category === filter.category);
    chosen = new Set(inCategory);
    for (const id of inCategory) {
      for (const edge of graph.dependsOn.get(id) ?? []) if (graph.entries.has(edge.to) && !chosen.has(edge.to)) context.add(edge.to);
      for (const edge of graph.dependents.get(id) ?? []) if (!chosen.has(edge.from)) context.add(edge.from);
    }
  }
  return { chosen, context };
}

export function mapModelOf(graph: DependencyGraph, filter: MapFilter = NO_MAP_FILTER): MapModel {
  const cycles = findCycles(graph);
  const cycleOf = new Map<string, number>();
  cycles.forEach((cycle, index) => cycle.entryIds.forEach((id) => cycleOf.set(id, index)));
  const problems = dependencyProblems(graph);
  const { chosen, context } = chosenIds(graph, filter);
  const shown = (id: string) => chosen.has(id) || context.has(id);

  const nodes: MapNodeModel[] = [];
  const deletedNodes = new Map<string, MapNodeModel>();
  const edges: MapEdgeModel[] = [];
  for (const id of graph.order) {
    if (!shown(id)) continue;
    const entry = (graph.entries.get(id) as NonNullable<ReturnType<typeof graph.entries.get>>).entry;
    nodes.push({
      id, entryId: id, title: entry.title, category: entry.category, criticality: entry.criticality, lifecycle: entry.lifecycle,
      deleted: false, context: context.has(id), onCycle: cycleOf.has(id),
      dependsOnCount: graph.dependsOn.get(id)?.length ?? 0, dependentCount: graph.dependents.get(id)?.length ?? 0,
    });
  }
  for (const id of graph.order) {
    if (!shown(id)) continue;
    for (const edge of graph.dependsOn.get(id) ?? []) {
      const target = graph.entries.get(edge.to);
      // Links between two context services are left out: they are not what the person filtered for.
      if (target && (!shown(edge.to) || (context.has(id) && context.has(edge.to)))) continue;
      let targetNode = edge.to;
      if (!target) {
        // Context services do not bring their deleted targets along: only chosen services do.
        if (context.has(id)) continue;
        targetNode = `${DELETED_PREFIX}${edge.to}`;
        if (!deletedNodes.has(targetNode)) {
          deletedNodes.set(targetNode, {
            id: targetNode, entryId: edge.to, title: edge.title, category: null, criticality: null, lifecycle: null,
            deleted: true, context: false, onCycle: false, dependsOnCount: 0, dependentCount: 0,
          });
        }
      }
      const sameCycle = cycleOf.has(id) && cycleOf.get(id) === cycleOf.get(edge.to);
      const problem = !target ? 'deleted' : target.entry.lifecycle === 'retired' ? 'retired' : null;
      edges.push({ id: `${id}->${edge.to}`, source: id, target: targetNode, kind: edge.kind, why: edge.why, onCycle: sameCycle, problem });
    }
  }
  return { nodes: [...nodes, ...deletedNodes.values()], edges, cycles, problems, total: graph.order.length };
}
