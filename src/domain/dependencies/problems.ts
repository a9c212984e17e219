/**
 * What is wrong with a recorded dependency (issue 16: "a dependency on a retired or deleted entry
 * is flagged"): the target is retired, the target is no longer in the register, or the entry names
 * itself. The link is kept as written in every case; the flag asks a person to fix it.
 */
import type { Dependency, StoredEntry } from '../entry';
import { dependencyGraphOf, type DependencyInput } from './graph';

export type DependencyProblemKind = 'retired' | 'deleted' | 'self';

export interface DependencyProblem {
  /** The entry whose `dependsOn` holds the link. */
  readonly entryId: string;
  readonly entryTitle: string;
  /** Position of the link in that entry's `dependsOn`. */
  readonly index: number;
  readonly dependency: Dependency;
  readonly kind: DependencyProblemKind;
  /** One sentence for the screen ("Depends on Docman, which is retired."). */
  readonly message: string;
}

/**
 * @returns what is wrong with one link of `fromId` (null when nothing is), given a lookup of the
 *   register's entries by id. Used per row by the entry editor while the person edits.
 */
export function dependencyProblemOf(
  fromId: string | null,
  dependency: Dependency,
  entries: ReadonlyMap<string, StoredEntry>,
): DependencyProblemKind | null {
  if (fromId !== null && dependency.entryId === fromId) return 'self';
  const target = entries.get(dependency.entryId);
  if (!target) return 'deleted';
  if (target.entry.lifecycle === 'retired') return 'retired';
  return null;
}

export function describeDependencyProblem(kind: DependencyProblemKind, targetTitle: string): string {
  const name = targetTitle.trim() === '' ? 'a service' : targetTitle;
  switch (kind) {
    case 'self':
      return `Depends on itself (${name}): remove this link.`;
    case 'deleted':
      return `Depends on ${name}, which is no longer in the register.`;
    case 'retired':
      return `Depends on ${name}, which is retired.`;
  }
}

/**
 * @returns every problem link in the register (or only `entryId`'s), in stable order: by entry,
 *   then by position in its list.
 */
export function dependencyProblems(input: DependencyInput, entryId?: string): readonly DependencyProblem[] {
  const graph = dependencyGraphOf(input);
  const ids = entryId === undefined ? graph.order : graph.entries.has(entryId) ? [entryId] : [];
  const problems: DependencyProblem[] = [];
  for (const id of ids) {
    const stored = graph.entries.get(id);
    if (!stored) continue;
    stored.entry.dependsOn.forEach((dependency, index) => {
      const kind = dependencyProblemOf(id, dependency, graph.entries);
      if (kind === null) return;
      // The current name where the target still exists; the name stored on the link otherwise.
      const targetTitle = graph.entries.get(dependency.entryId)?.entry.title ?? dependency.title;
      problems.push({ entryId: id, entryTitle: stored.entry.title, index, dependency, kind, message: describeDependencyProblem(kind, targetTitle) });
    });
  }
  return problems;
}
