/**
 * "What else breaks" (issue 16): for a service that fails, every service that depends on it,
 * directly or through others, each with how it is reached and its downtime process, so a person
 * on the morning the phones go down sees the whole picture and what to do for each.
 *
 * Breadth-first from the failed service along "depended on by" links: each service is listed once,
 * at its shortest distance, with the first shortest path in stable order. A visited set makes
 * cycles harmless (each service is expanded at most once: O(services + links)).
 */
import type { Criticality, DependencyKind, Lifecycle, RegisterEntry } from '../entry';
import { hasDowntimeProcess } from '../downtime';
import { dependencyGraphOf, type DependencyEdge, type DependencyInput } from './graph';

/** The downtime process of a service, as the structured fields hold it. */
export interface DowntimeSummary {
  readonly notice: string;
  readonly workaround: string;
  readonly patients: string;
  readonly backfill: string;
  /** The older free text that no label sorted into the fields. */
  readonly otherNotes: string;
  /** True when any part is written down. */
  readonly exists: boolean;
}

export function downtimeOf(entry: RegisterEntry): DowntimeSummary {
  return {
    notice: entry.downtimeNotice.trim(),
    workaround: entry.downtimeWorkaround.trim(),
    patients: entry.downtimePatients.trim(),
    backfill: entry.downtimeBackfill.trim(),
    otherNotes: entry.downtimeProcess.trim(),
    exists: hasDowntimeProcess(entry),
  };
}

/** @returns true when the service has a downtime process written down (any part of it). */
export function hasDowntime(summary: DowntimeSummary): boolean {
  return summary.exists;
}

export interface AffectedService {
  readonly entryId: string;
  readonly title: string;
  /** 1 = depends on the failed service directly; 2 = through one other service; ... */
  readonly depth: number;
  /** Ids from the failed service to this one: `[failed, ..., entryId]` (length depth + 1). */
  readonly path: readonly string[];
  /** The same path as titles, for "EMIS Web → Docman → iGPR". */
  readonly pathTitles: readonly string[];
  /** How this service depends on the previous one on the path. */
  readonly kind: DependencyKind;
  readonly why: string;
  readonly criticality: Criticality;
  readonly lifecycle: Lifecycle;
  readonly downtime: DowntimeSummary;
}

export interface BlastRadius {
  /** The failed service. */
  readonly entryId: string;
  /** Its title; empty when the id is not in the register. */
  readonly title: string;
  /** Everything that breaks with it, nearest first, then by title. Never includes the failed service. */
  readonly affected: readonly AffectedService[];
  /** True when the failed service is on a cycle: something it breaks is also something it depends on. */
  readonly onCycle: boolean;
}

export interface WhatElseBreaksOptions {
  /**
   * Retired services are not in use, so by default they are neither listed nor followed (nothing
   * breaks through them). True lists and follows them too.
   */
  readonly includeRetired?: boolean;
}

export function whatElseBreaks(input: DependencyInput, entryId: string, options: WhatElseBreaksOptions = {}): BlastRadius {
  const graph = dependencyGraphOf(input);
  const root = graph.entries.get(entryId);
  const parent = new Map<string, string>();
  // The link each service was first reached by (its shortest path's last step).
  const via = new Map<string, DependencyEdge>();
  const depth = new Map<string, number>([[entryId, 0]]);
  const queue: string[] = [entryId];
  const found: string[] = [];
  let onCycle = false;
  // An index instead of shift(): shift is O(n) per call on large arrays.
  for (let head = 0; head < queue.length; head += 1) {
    const current = queue[head] as string;
    const currentDepth = depth.get(current) ?? 0;
    for (const edge of graph.dependents.get(current) ?? []) {
      if (edge.from === entryId) {
        onCycle = true;
        continue;
      }
      if (depth.has(edge.from)) continue;
      const dependent = graph.entries.get(edge.from);
      if (!dependent || (dependent.entry.lifecycle === 'retired' && options.includeRetired !== true)) continue;
      depth.set(edge.from, currentDepth + 1);
      parent.set(edge.from, current);
      via.set(edge.from, edge);
      queue.push(edge.from);
      found.push(edge.from);
    }
  }
  const titleOf = (id: string) => graph.entries.get(id)?.entry.title ?? '';
  const affected = found.map((id): AffectedService => {
    const path = [id];
    for (let step = parent.get(id); step !== undefined; step = parent.get(step)) path.push(step);
    path.reverse();
    const edge = via.get(id);
    const entry = (graph.entries.get(id) as NonNullable<ReturnType<typeof graph.entries.get>>).entry;
    return {
      entryId: id,
      title: entry.title,
      depth: depth.get(id) ?? 0,
      path,
      pathTitles: path.map(titleOf),
      kind: edge?.kind ?? 'integration',
      why: edge?.why ?? '',
      criticality: entry.criticality,
      lifecycle: entry.lifecycle,
      downtime: downtimeOf(entry),
    };
  });
  const rank = (id: string) => graph.rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  affected.sort((a, b) => a.depth - b.depth || rank(a.entryId) - rank(b.entryId));
  return { entryId, title: root?.entry.title ?? '', affected, onCycle };
}
