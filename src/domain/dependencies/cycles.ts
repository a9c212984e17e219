/**
 * Cycles in the dependency graph (issue 16: "cycles are allowed and shown, never looped forever").
 * A practice can reasonably record A depends on B and B depends on A (two systems that sync both
 * ways); we show such groups rather than refuse them.
 *
 * Each cycle is a strongly connected group of two or more services (Tarjan's algorithm, written
 * with an explicit stack so a long chain cannot overflow the call stack), with one concrete loop
 * through it to print ("Docman → EMIS Web → Docman"). Self-links are not cycles here: they are a
 * dependency problem of their own (`dependencyProblems`).
 */
import { dependencyGraphOf, type DependencyGraph, type DependencyInput } from './graph';

export interface DependencyCycle {
  /** Every service in the group, in stable order. */
  readonly entryIds: readonly string[];
  /** One loop through the group, starting and ending at its first service: `[a, b, ..., a]`. */
  readonly loop: readonly string[];
  /** The loop as titles. */
  readonly loopTitles: readonly string[];
}

export function findCycles(input: DependencyInput): readonly DependencyCycle[] {
  const graph = dependencyGraphOf(input);
  const groups = stronglyConnected(graph).filter((group) => group.length > 1);
  const rank = (id: string) => graph.rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  const cycles = groups.map((group) => {
    const entryIds = [...group].sort((a, b) => rank(a) - rank(b));
    const loop = loopThrough(graph, entryIds);
    return { entryIds, loop, loopTitles: loop.map((id) => graph.entries.get(id)?.entry.title ?? '') };
  });
  return cycles.sort((a, b) => rank(a.entryIds[0] as string) - rank(b.entryIds[0] as string));
}

/** @returns the ids of every service that is on some cycle. */
export function entriesOnCycles(input: DependencyInput): ReadonlySet<string> {
  return new Set(findCycles(input).flatMap((cycle) => cycle.entryIds));
}

/** Tarjan's strongly connected components over "depends on" links to entries in the register. */
function stronglyConnected(graph: DependencyGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  const targets = (id: string) => (graph.dependsOn.get(id) ?? []).filter((edge) => graph.entries.has(edge.to)).map((edge) => edge.to);

  for (const start of graph.order) {
    if (index.has(start)) continue;
    const work: Array<{ id: string; next: readonly string[]; at: number }> = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter += 1;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: targets(id), at: 0 });
    };
    open(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as (typeof work)[number];
      if (frame.at < frame.next.length) {
        const to = frame.next[frame.at] as string;
        frame.at += 1;
        if (!index.has(to)) open(to);
        else if (onStack.has(to)) low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(to) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) === index.get(frame.id)) {
        const group: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.id);
        groups.push(group);
      }
    }
  }
  return groups;
}

/** A shortest loop from the group's first service back to itself, staying inside the group. */
function loopThrough(graph: DependencyGraph, group: readonly string[]): string[] {
  const first = group[0] as string;
  const inGroup = new Set(group);
  const parent = new Map<string, string>();
  const queue = [first];
  for (let head = 0; head < queue.length; head += 1) {
    const current = queue[head] as string;
    for (const edge of graph.dependsOn.get(current) ?? []) {
      if (!inGroup.has(edge.to)) continue;
      if (edge.to === first) {
        const path = [first];
        for (let step: string | undefined = current; step !== undefined && step !== first; step = parent.get(step)) path.push(step);
        path.push(first);
        // Built backwards from the closing link; reverse so it reads in "depends on" direction.
        return path.reverse();
      }
      if (parent.has(edge.to) || edge.to === first) continue;
      parent.set(edge.to, current);
      queue.push(edge.to);
    }
  }
  return [first, first];
}
