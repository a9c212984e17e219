/**
 * Positions for the map: a left-to-right layered layout by dagre (@dagrejs/dagre), so links read
 * "dependent → dependency" from left to right and a register of 15 or 150 services lays out in
 * columns rather than a hairball.
 *
 * dagre places the services using only the links that are not implied by others (the transitive
 * reduction: "App → EMIS Web" is implied when App → Accurx → EMIS Web). That keeps every service
 * in the same column as with all links (the longest chain decides a column, and the reduction
 * keeps every longest chain) but spares dagre the long links that cross many columns, which it
 * would route through thousands of hidden waypoints: at 150 services and 400 links, the difference
 * between a second and a tenth of one. React Flow still draws every link. Links closing a cycle
 * are kept; dagre breaks cycles itself, so a cycle never stops the layout.
 */
import dagre from '@dagrejs/dagre';
import type { MapModel } from './mapModel';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 64;
/** Above this many services the layout uses the cheaper ranker (see layoutMap). */
export const LARGE_MAP = 60;

export interface Point {
  readonly x: number;
  readonly y: number;
}

type Link = readonly [from: string, to: string];

/** Depth-first order; links back to a service still on the stack close a cycle. */
function splitCycles(ids: readonly string[], next: ReadonlyMap<string, readonly string[]>): { order: string[]; back: Set<string> } {
  const state = new Map<string, 1 | 2>();
  const order: string[] = [];
  const back = new Set<string>();
  for (const start of ids) {
    if (state.has(start)) continue;
    const stack: Array<{ id: string; at: number }> = [{ id: start, at: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { id: string; at: number };
      const targets = next.get(frame.id) ?? [];
      if (frame.at < targets.length) {
        const to = targets[frame.at] as string;
        frame.at += 1;
        if (state.get(to) === 1) back.add(`${frame.id}\n${to}`);
        else if (!state.has(to)) {
          state.set(to, 1);
          stack.push({ id: to, at: 0 });
        }
        continue;
      }
      stack.pop();
      state.set(frame.id, 2);
      order.push(frame.id); // post-order: every target before the service that depends on it
    }
  }
  return { order, back };
}

/** The links dagre needs: the transitive reduction of the acyclic part, plus the links closing cycles. */
export function layoutLinks(ids: readonly string[], links: readonly Link[]): Link[] {
  const index = new Map(ids.map((id, position) => [id, position] as const));
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [from, to] of links) if (from !== to && index.has(from) && index.has(to)) next.get(from)?.push(to);
  const { order, back } = splitCycles(ids, next);
  const words = Math.ceil(ids.length / 32) || 1;
  const reach = new Map<string, Uint32Array>();
  const set = (bits: Uint32Array, id: string) => {
    const at = index.get(id) as number;
    bits[at >>> 5] = (bits[at >>> 5] as number) | (1 << (at & 31));
  };
  const has = (bits: Uint32Array, id: string) => {
    const at = index.get(id) as number;
    return (((bits[at >>> 5] as number) >>> (at & 31)) & 1) === 1;
  };
  const forward = (id: string) => (next.get(id) ?? []).filter((to) => !back.has(`${id}\n${to}`));
  // Post-order visits targets first, so each service's reach is built from finished ones.
  for (const id of order) {
    const bits = new Uint32Array(words);
    for (const to of forward(id)) {
      set(bits, to);
      const further = reach.get(to) as Uint32Array;
      for (let word = 0; word < words; word += 1) bits[word] = (bits[word] as number) | (further[word] as number);
    }
    reach.set(id, bits);
  }
  const kept: Link[] = [];
  for (const id of ids) {
    const targets = forward(id);
    for (const to of targets) {
      const implied = targets.some((other) => other !== to && has(reach.get(other) as Uint32Array, to));
      if (!implied) kept.push([id, to]);
    }
    for (const to of next.get(id) ?? []) if (back.has(`${id}\n${to}`)) kept.push([id, to]);
  }
  return kept;
}

/** @returns the top-left corner of every node, by node id (React Flow's position). */
export function layoutMap(model: Pick<MapModel, 'nodes' | 'edges'>): ReadonlyMap<string, Point> {
  const graph = new dagre.graphlib.Graph({ multigraph: false });
  // ranksep: room for the arrows between columns; nodesep: room between services in a column.
  // Network simplex (dagre's default) gives the tightest columns but is the costly step: about two
  // thirds of the layout time at 150 services. Above LARGE_MAP services the longest-path ranker
  // (every service as far right as its longest chain allows) keeps the map interactive within 1 s.
  const ranker = model.nodes.length > LARGE_MAP ? 'longest-path' : 'network-simplex';
  graph.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 90, marginx: 16, marginy: 16, ranker });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = model.nodes.map((node) => node.id);
  for (const id of ids) graph.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const [from, to] of layoutLinks(ids, model.edges.map((edge) => [edge.source, edge.target] as const))) graph.setEdge(from, to);
  dagre.layout(graph);
  const positions = new Map<string, Point>();
  for (const id of ids) {
    const placed = graph.node(id) as { x: number; y: number } | undefined;
    // dagre gives centres; React Flow wants the top-left corner.
    positions.set(id, { x: (placed?.x ?? 0) - NODE_WIDTH / 2, y: (placed?.y ?? 0) - NODE_HEIGHT / 2 });
  }
  return positions;
}
