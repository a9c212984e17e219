/**
 * The starter catalogue offered when a practice's register is empty: tick what the practice uses,
 * get entries to complete. Items are ordered as a manager thinks of them: clinical system first,
 * then consultation tools, national services, ICB IT, practice-bought tools, practice-built tools.
 */
import { emptyEntry, type RegisterEntry } from '../entry';
import { titleKey } from '../spreadsheet/rowParsing';
import type { CatalogueItem } from './catalogueItem';
import { CLINICAL_AND_CONSULTATION } from './clinicalAndConsultation';
import { INFRASTRUCTURE_AND_LOCAL } from './infrastructureAndLocal';
import { NATIONAL_SERVICES } from './nationalServices';

export type { CatalogueItem } from './catalogueItem';

export const STARTER_CATALOGUE: readonly CatalogueItem[] = [...CLINICAL_AND_CONSULTATION, ...NATIONAL_SERVICES, ...INFRASTRUCTURE_AND_LOCAL];

/** @returns the item with `key`, or undefined for a key that is not (or no longer) in the catalogue. */
export function catalogueItem(key: string): CatalogueItem | undefined {
  return STARTER_CATALOGUE.find((item) => item.key === key);
}

/**
 * A new register entry from a catalogue item: live, with the suggested category, supplier,
 * provision, data, criticality and purpose, and no review date, so it shows as needing review
 * until the practice has confirmed it. Owner, support contacts, DPIA and downtime process are left
 * for the practice: they are local facts the catalogue cannot know.
 * DCB0160 status starts as "Not assessed" for services that support direct care, else "Not applicable".
 */
export function entryFromCatalogue(item: CatalogueItem): RegisterEntry {
  return {
    ...emptyEntry(),
    title: item.title,
    category: item.category,
    supplier: item.supplier,
    provision: item.typicalProvision,
    dataTypes: [...item.dataTypes],
    clinicalSafetyStatus: item.clinicalSafetyApplies ? 'not-assessed' : 'not-applicable',
    criticality: item.criticality,
    purpose: item.purpose,
    lifecycle: 'live',
    nextReviewDue: null,
  };
}

/** @returns true when the register already has an entry with the item's title (ignoring case and spacing). */
export function isInRegister(item: CatalogueItem, existingTitles: readonly string[]): boolean {
  const key = titleKey(item.title);
  return existingTitles.some((title) => titleKey(title) === key);
}
