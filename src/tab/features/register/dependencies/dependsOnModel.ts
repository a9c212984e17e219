/**
 * What the "Depends on" editor shows, as pure functions over the register (tested without a
 * browser): the choices for the picker, each current link with its problem flag, and the read-only
 * "Depended on by" list, all in the dependency views' stable order.
 */
import {
  DEPENDENCY_KINDS, buildDependencyGraph, compareEntries, dependencyNameKey, dependencyProblemOf, labelOf,
  type Dependency, type DependencyKind, type DependencyProblemKind, type StoredEntry,
} from '@domain';

/** How many matches the picker lists at once: a long list is narrowed by typing, never scrolled through. */
export const MAX_CHOICES = 50;

export interface DependencyChoice {
  readonly id: string;
  readonly title: string;
}

/**
 * The entries this one may depend on: every live (not retired) entry except itself and those it
 * already names, whose title contains the typed text (ignoring case and spacing).
 */
export function dependencyChoices(entries: readonly StoredEntry[], entryId: string | null, current: readonly Dependency[], typed: string): {
  readonly choices: readonly DependencyChoice[];
  /** Matches beyond MAX_CHOICES. */
  readonly more: number;
} {
  const named = new Set(current.map((dependency) => dependency.entryId));
  const wanted = dependencyNameKey(typed);
  const matches = entries
    .filter((stored) => stored.id !== entryId && !named.has(stored.id) && stored.entry.lifecycle !== 'retired')
    .filter((stored) => wanted === '' || dependencyNameKey(stored.entry.title).includes(wanted))
    .sort(compareEntries);
  return { choices: matches.slice(0, MAX_CHOICES).map((stored) => ({ id: stored.id, title: stored.entry.title })), more: Math.max(0, matches.length - MAX_CHOICES) };
}

export const PROBLEM_WORDS: Readonly<Record<DependencyProblemKind, string>> = {
  retired: 'Retired',
  deleted: 'No longer in the register',
  self: 'This service itself',
};

export interface DependencyRow {
  readonly index: number;
  readonly dependency: Dependency;
  /** The target's current title, or the one stored on the link when it is deleted. */
  readonly title: string;
  readonly problem: DependencyProblemKind | null;
}

export function dependencyRows(entries: readonly StoredEntry[], entryId: string | null, current: readonly Dependency[]): readonly DependencyRow[] {
  const byId = new Map(entries.map((stored) => [stored.id, stored]));
  return current.map((dependency, index) => ({
    index,
    dependency,
    title: byId.get(dependency.entryId)?.entry.title ?? (dependency.title || 'A deleted service'),
    problem: dependencyProblemOf(entryId, dependency, byId),
  }));
}

export interface DependentLine {
  readonly id: string;
  readonly title: string;
  readonly kind: DependencyKind;
  readonly why: string;
  readonly retired: boolean;
}

/** Who depends on `entryId` (as saved in the register), in stable order. */
export function dependedOnBy(entries: readonly StoredEntry[], entryId: string | null): readonly DependentLine[] {
  if (entryId === null) return [];
  const graph = buildDependencyGraph(entries);
  return (graph.dependents.get(entryId) ?? []).map((edge) => {
    const entry = graph.entries.get(edge.from)?.entry;
    return { id: edge.from, title: entry?.title ?? '', kind: edge.kind, why: edge.why, retired: entry?.lifecycle === 'retired' };
  });
}

/** "Integration: files letters into the record". */
export function dependencyLine(kind: DependencyKind, why: string): string {
  const label = labelOf(DEPENDENCY_KINDS, kind);
  return why.trim() === '' ? label : `${label}: ${why.trim()}`;
}
