/**
 * A generated register with dependencies, for the dependency map's tests and its bench
 * (dependencyMapRenderMs: 150 services, 400 links). Deterministic: five tiers, from the network
 * and logins up to local automations, each service depending on more basic ones; every tenth
 * service critical, and `cycles` two-service loops (two systems that sync both ways), as a real
 * practice's register might have.
 */
import { CATEGORIES, DEPENDENCY_KINDS, emptyEntry, type DependencyKind, type RegisterEntry } from '../../src/domain/entry';

export interface GeneratedLink {
  /** Index of the dependent service. */
  readonly from: number;
  /** Index of the service it depends on. */
  readonly to: number;
  readonly kind: DependencyKind;
}

/** A small deterministic generator (mulberry32), so every run lays out the same graph. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatedServices(count: number): RegisterEntry[] {
  return Array.from({ length: count }, (_unused, index) => ({
    ...emptyEntry(),
    title: `Service ${String(index + 1).padStart(3, '0')}`,
    category: (CATEGORIES[index % CATEGORIES.length] as (typeof CATEGORIES)[number]).code,
    criticality: index % 10 === 0 ? 'critical' : index % 3 === 0 ? 'high' : 'medium',
    lifecycle: 'live',
    downtimeNotice: `Staff see an error in service ${index + 1}.`,
    downtimeWorkaround: index % 4 === 0 ? '' : `Paper form ${index + 1}.`,
  }));
}

/**
 * Tiers of a practice's services, most basic first (network and login, clinical systems,
 * integrations, patient and staff apps, local automations), as shares of the register.
 */
const TIERS = [0.07, 0.13, 0.27, 0.33, 0.2];

function tierBounds(count: number): Array<readonly [number, number]> {
  const bounds: Array<readonly [number, number]> = [];
  let start = 0;
  TIERS.forEach((share, tier) => {
    const end = tier === TIERS.length - 1 ? count : Math.min(count, start + Math.max(1, Math.round(share * count)));
    bounds.push([start, end]);
    start = end;
  });
  return bounds;
}

/**
 * `linkCount` links among `count` services: each service depends on services of lower tiers (mostly
 * the tier just below, sometimes two below or the foundations), with the first services of a tier
 * the most depended on (the clinical system, NHSmail); plus `cycles` two-service loops in one tier.
 */
export function generatedLinks(count: number, linkCount: number, cycles = 2, seed = 16): GeneratedLink[] {
  const next = random(seed);
  const bounds = tierBounds(count);
  const tierOf = (index: number) => bounds.findIndex(([start, end]) => index >= start && index < end);
  const links: GeneratedLink[] = [];
  const seen = new Set<string>();
  const kinds = DEPENDENCY_KINDS.map((kind) => kind.code);
  const add = (from: number, to: number) => {
    const key = `${from}>${to}`;
    if (from === to || seen.has(key)) return false;
    seen.add(key);
    links.push({ from, to, kind: kinds[(from + to) % kinds.length] as DependencyKind });
    return true;
  };
  for (let loop = 0; loop < cycles; loop += 1) {
    const [start] = bounds[2] as readonly [number, number];
    add(start + loop * 2, start + loop * 2 + 1);
    add(start + loop * 2 + 1, start + loop * 2);
  }
  const first = (bounds[0] as readonly [number, number])[1];
  let guard = 0;
  while (links.length < linkCount && guard < linkCount * 50) {
    guard += 1;
    const from = first + Math.floor(next() * (count - first));
    const tier = tierOf(from);
    const roll = next();
    const target = Math.max(0, roll < 0.7 ? tier - 1 : roll < 0.9 ? tier - 2 : 0);
    const [start, end] = bounds[target] as readonly [number, number];
    // Squared: the first services of a tier are the most depended on.
    add(from, start + Math.floor(next() * next() * (end - start)));
  }
  return links;
}

/** The services with `dependsOn` filled in, naming each service by `idOf(index)`. */
export function withGeneratedLinks(entries: readonly RegisterEntry[], links: readonly GeneratedLink[], idOf: (index: number) => string): RegisterEntry[] {
  return entries.map((entry, index) => ({
    ...entry,
    dependsOn: links
      .filter((link) => link.from === index)
      .map((link) => ({ entryId: idOf(link.to), title: (entries[link.to] as RegisterEntry).title, kind: link.kind, why: `Link ${link.from}→${link.to}` })),
  }));
}
