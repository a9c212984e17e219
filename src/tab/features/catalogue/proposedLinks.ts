/**
 * The catalogue's proposed dependencies (issue 16) as one line per item, so the person sees what
 * each new entry will be linked to before pressing Add: entries already in the register, and the
 * other items ticked now. An item whose usual dependency is not there yet says what it would be.
 */
import { useMemo } from 'react';
import {
  STARTER_CATALOGUE, catalogueDependencyRules, describeDependencyTarget, isInRegister, proposeCatalogueDependencies,
  type CatalogueItem, type StoredEntry,
} from '@domain';

/** @returns the line for `item` ('' when the catalogue proposes no dependency for it). */
export function proposedLinksText(item: CatalogueItem, chosen: readonly CatalogueItem[], existing: readonly StoredEntry[]): string {
  const rules = catalogueDependencyRules(item);
  if (rules.length === 0) return '';
  const others = chosen.filter((other) => other.key !== item.key);
  const proposals = proposeCatalogueDependencies([item, ...others], existing).filter((proposal) => proposal.itemKey === item.key);
  if (proposals.length === 0) {
    const usual = [...new Set(rules.map((rule) => describeDependencyTarget(rule.on)))].join('; ');
    return `Usually depends on: ${usual}. Nothing in the register or ticked here matches yet; link it from the entry later.`;
  }
  const targets = proposals.map((proposal) => `${proposal.target.title} (${proposal.target.kind === 'entry' ? 'in the register' : 'ticked here'})`);
  return `Will be linked as depending on: ${targets.join(', ')}.`;
}

/** One line per catalogue item not yet in the register, by item key. */
export function useProposedLinks(chosen: readonly CatalogueItem[], existing: readonly StoredEntry[], titles: readonly string[]): ReadonlyMap<string, string> {
  return useMemo(
    () => new Map(STARTER_CATALOGUE.filter((item) => !isInRegister(item, titles)).map((item) => [item.key, proposedLinksText(item, chosen, existing)])),
    [chosen, existing, titles],
  );
}
