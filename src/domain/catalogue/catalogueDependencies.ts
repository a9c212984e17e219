/**
 * The dependencies the starter catalogue proposes (issue 16): the common ones every practice has,
 * so a register started from the catalogue already says what fails with what. A rule names its
 * target by catalogue item ("NHSmail") or by category ("whatever in the register is a clinical
 * system", since a practice has one of four). When items are added, a rule links the new entry to
 * every matching entry already in the register and to matching items added in the same go; the
 * catalogue page shows the proposals first, so the person sees what will be linked.
 */
import { CATEGORIES, labelOf, type Category, type Dependency, type DependencyKind, type StoredEntry } from '../entry';
import { titleKey } from '../spreadsheet/duplicates';
import type { CatalogueItem } from './catalogueItem';

export type CatalogueDependencyTarget =
  | { readonly category: Category }
  | { readonly itemKey: string; readonly title: string; /** Other names a practice may use for it. */ readonly alsoNamed?: readonly string[] };

export interface CatalogueDependencyRule {
  /** The item that depends, by key or by category. */
  readonly from: { readonly itemKey: string } | { readonly category: Category };
  readonly on: CatalogueDependencyTarget;
  readonly kind: DependencyKind;
  readonly why: string;
}

const NHSMAIL = { itemKey: 'nhsmail', title: 'NHSmail email', alsoNamed: ['NHSmail', 'NHS mail', 'NHSmail shared mailbox'] } as const;
const HSCN = { itemKey: 'hscn-network', title: 'HSCN network connection, Wi-Fi and remote access', alsoNamed: ['HSCN', 'HSCN connection', 'HSCN network'] } as const;

export const CATALOGUE_DEPENDENCY_RULES: readonly CatalogueDependencyRule[] = [
  {
    from: { itemKey: 'nhs-app-messaging' },
    on: { category: 'online-consultation' },
    kind: 'integration',
    why: 'Messages reach the NHS App through the practice\'s messaging or online consultation tool.',
  },
  {
    from: { category: 'document-management' },
    on: { category: 'clinical-system' },
    kind: 'integration',
    why: 'Files incoming letters and results into the patient record.',
  },
  { from: { category: 'document-management' }, on: NHSMAIL, kind: 'integration', why: 'Much incoming correspondence arrives by NHSmail.' },
  {
    from: { itemKey: 'gp-connect' },
    on: { category: 'clinical-system' },
    kind: 'integration',
    why: 'Other care settings see the record and book appointments in the practice\'s clinical system.',
  },
  { from: { itemKey: 'gp-connect' }, on: HSCN, kind: 'infrastructure', why: 'GP Connect runs over the HSCN network.' },
  {
    from: { category: 'telephony' },
    on: { category: 'clinical-system' },
    kind: 'integration',
    why: 'Shows the caller\'s record and logs calls against it.',
  },
];

/** A link the catalogue proposes for an item being added. */
export interface ProposedDependency {
  /** The item being added that gets the link. */
  readonly itemKey: string;
  /** An entry already in the register, or another item added in the same go. */
  readonly target:
    | { readonly kind: 'entry'; readonly entryId: string; readonly title: string }
    | { readonly kind: 'item'; readonly itemKey: string; readonly title: string };
  readonly dependencyKind: DependencyKind;
  readonly why: string;
}

function appliesTo(rule: CatalogueDependencyRule, item: CatalogueItem): boolean {
  return 'itemKey' in rule.from ? rule.from.itemKey === item.key : rule.from.category === item.category;
}

/** @returns the rules that give `item` a dependency, in rule order. */
export function catalogueDependencyRules(item: CatalogueItem): readonly CatalogueDependencyRule[] {
  return CATALOGUE_DEPENDENCY_RULES.filter((rule) => appliesTo(rule, item));
}

/** "any “Clinical system” service in the register", "NHSmail email": what a rule's target is, in words. */
export function describeDependencyTarget(target: CatalogueDependencyTarget): string {
  return 'category' in target ? `any “${labelOf(CATEGORIES, target.category)}” service in the register` : target.title;
}

/** The short names a title may go by: with and without its bracketed note. */
function titleKeys(title: string): string[] {
  return [titleKey(title), titleKey(title.replace(/\([^()]*\)/g, ''))].filter((key) => key !== '');
}

function targetMatches(target: CatalogueDependencyTarget, title: string, category: Category, itemKey: string | null): boolean {
  if ('category' in target) return category === target.category;
  if (itemKey !== null) return itemKey === target.itemKey;
  const wanted = new Set([target.title, ...(target.alsoNamed ?? [])].flatMap(titleKeys));
  return titleKeys(title).some((key) => wanted.has(key));
}

/**
 * @param adding the items about to be added (items already in the register are left out by the caller).
 * @param existing the register's entries; retired ones are never proposed as targets.
 * @returns the proposed links, by item in `adding` order, then rule order, then target title.
 */
export function proposeCatalogueDependencies(adding: readonly CatalogueItem[], existing: readonly StoredEntry[]): readonly ProposedDependency[] {
  const live = existing.filter((stored) => stored.entry.lifecycle !== 'retired');
  const proposals: ProposedDependency[] = [];
  for (const item of adding) {
    const seen = new Set<string>();
    for (const rule of catalogueDependencyRules(item)) {
      const targets: ProposedDependency['target'][] = [
        ...live
          .filter((stored) => targetMatches(rule.on, stored.entry.title, stored.entry.category, null))
          .map((stored) => ({ kind: 'entry' as const, entryId: stored.id, title: stored.entry.title })),
        ...adding
          .filter((other) => other.key !== item.key && targetMatches(rule.on, other.title, other.category, other.key))
          .map((other) => ({ kind: 'item' as const, itemKey: other.key, title: other.title })),
      ].sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
      for (const target of targets) {
        const id = target.kind === 'entry' ? `entry:${target.entryId}` : `item:${target.itemKey}`;
        if (seen.has(id)) continue;
        seen.add(id);
        proposals.push({ itemKey: item.key, target, dependencyKind: rule.kind, why: rule.why });
      }
    }
  }
  return proposals;
}

/**
 * The items in the order to create them: an item another one links to comes first, so every link
 * can be written with the entry itself (no second write). Rules never form a loop; if they did,
 * the remaining items keep their order and the link to a not-yet-created item is left out.
 */
export function orderForCreation(adding: readonly CatalogueItem[], proposals: readonly ProposedDependency[]): readonly CatalogueItem[] {
  const ordered: CatalogueItem[] = [];
  const placed = new Set<string>();
  let remaining = [...adding];
  while (remaining.length > 0) {
    const ready = remaining.filter((item) =>
      proposals.every((proposal) => proposal.itemKey !== item.key || proposal.target.kind !== 'item' || placed.has(proposal.target.itemKey)));
    const next = ready.length > 0 ? ready : [remaining[0] as CatalogueItem];
    for (const item of next) {
      ordered.push(item);
      placed.add(item.key);
    }
    remaining = remaining.filter((item) => !placed.has(item.key));
  }
  return ordered;
}

/** The links for one item's new entry: register targets, and items already created (`created`, by item key). */
export function dependenciesForItem(
  itemKey: string,
  proposals: readonly ProposedDependency[],
  created: ReadonlyMap<string, { readonly id: string; readonly title: string }>,
): Dependency[] {
  const links: Dependency[] = [];
  for (const proposal of proposals) {
    if (proposal.itemKey !== itemKey) continue;
    const target = proposal.target.kind === 'entry' ? { id: proposal.target.entryId, title: proposal.target.title } : created.get(proposal.target.itemKey);
    if (!target || links.some((link) => link.entryId === target.id)) continue;
    links.push({ entryId: target.id, title: target.title, kind: proposal.dependencyKind, why: proposal.why });
  }
  return links;
}
