/**
 * The dependency list: the keyboard- and screen-reader-equivalent of the drawn map (issue 16).
 * For each service, what it depends on and what depends on it, with problems and cycles flagged,
 * all in stable order so the list and the map agree.
 */
import type { Category, Criticality, DependencyKind, Lifecycle } from '../entry';
import { entriesOnCycles } from './cycles';
import { dependencyGraphOf, type DependencyInput } from './graph';
import { dependencyProblemOf, type DependencyProblemKind } from './problems';

export interface DependencyListLink {
  /** The other service's id (may be missing from the register for a deleted target). */
  readonly entryId: string;
  /** Its current title, or the title stored on the link when it is deleted. */
  readonly title: string;
  readonly kind: DependencyKind;
  readonly why: string;
  /** Only on "depends on" links: what is wrong with the target, if anything. */
  readonly problem: DependencyProblemKind | null;
}

export interface DependencyListItem {
  readonly entryId: string;
  readonly title: string;
  readonly category: Category;
  readonly criticality: Criticality;
  readonly lifecycle: Lifecycle;
  readonly dependsOn: readonly DependencyListLink[];
  readonly dependedOnBy: readonly DependencyListLink[];
  /** True when the service is on a cycle of two or more services. */
  readonly onCycle: boolean;
  /** True when it names itself (left out of `dependsOn`, flagged here). */
  readonly selfLink: boolean;
}

export function dependencyListModel(input: DependencyInput): readonly DependencyListItem[] {
  const graph = dependencyGraphOf(input);
  const cyclic = entriesOnCycles(graph);
  return graph.order.map((id): DependencyListItem => {
    const entry = graph.entries.get(id)?.entry;
    const titleOf = (other: string, fallback: string) => graph.entries.get(other)?.entry.title ?? fallback;
    return {
      entryId: id,
      title: entry?.title ?? '',
      category: entry?.category ?? 'other',
      criticality: entry?.criticality ?? 'medium',
      lifecycle: entry?.lifecycle ?? 'live',
      dependsOn: (graph.dependsOn.get(id) ?? []).map((edge) => ({
        entryId: edge.to,
        title: titleOf(edge.to, edge.title),
        kind: edge.kind,
        why: edge.why,
        problem: dependencyProblemOf(id, { entryId: edge.to, title: edge.title, kind: edge.kind, why: edge.why }, graph.entries),
      })),
      dependedOnBy: (graph.dependents.get(id) ?? []).map((edge) => ({
        entryId: edge.from,
        title: titleOf(edge.from, ''),
        kind: edge.kind,
        why: edge.why,
        problem: null,
      })),
      onCycle: cyclic.has(id),
      selfLink: (entry?.dependsOn ?? []).some((dependency) => dependency.entryId === id),
    };
  });
}
