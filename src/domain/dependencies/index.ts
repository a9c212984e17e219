/**
 * Dependencies between services (issue 16), pure: the graph, what else breaks, cycles, problem
 * links, the accessible list model and name matching for import. Every function accepts the
 * register's entries or a graph built once with `buildDependencyGraph` (cheaper when asking many).
 */
export {
  buildDependencyGraph,
  compareEntries,
  dependenciesOf,
  dependencyEdges,
  dependencyGraphOf,
  dependentsOf,
  type DependencyEdge,
  type DependencyGraph,
  type DependencyInput,
} from './graph';
export {
  downtimeOf,
  hasDowntime,
  whatElseBreaks,
  type AffectedService,
  type BlastRadius,
  type DowntimeSummary,
  type WhatElseBreaksOptions,
} from './blastRadius';
export { entriesOnCycles, findCycles, type DependencyCycle } from './cycles';
export {
  dependencyProblemOf,
  dependencyProblems,
  describeDependencyProblem,
  type DependencyProblem,
  type DependencyProblemKind,
} from './problems';
export { dependencyListModel, type DependencyListItem, type DependencyListLink } from './listModel';
export {
  buildNameIndex,
  dependencyNameKey,
  matchDependencyName,
  matchDependencyNames,
  splitDependencyNames,
  type NameCandidate,
  type NameIndex,
  type NameMatch,
  type NameMatchResult,
} from './nameMatching';
export {
  IMPORTED_DEPENDENCY_KIND,
  UNMATCHED_DEPENDS_ON_LABEL,
  applyDependsOn,
  resolveDependsOnCells,
  rowLinksToDependencies,
  withDependencies,
  type DependsOnCell,
  type ResolvedDependsOn,
  type RowLink,
} from './importLinks';
