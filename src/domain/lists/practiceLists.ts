/**
 * Every SharePoint list the practice keeps in its team's site, in the order setup creates them. The
 * tab's setup finds them all with one request, creates the missing ones and adds the columns an older
 * copy lacks ("Bring the register up to date"); features whose list is missing say so.
 * A new list: describe it in its feature's domain folder as a ListDefinition and add it here.
 */
import { ACCESS_REVIEWS_LIST } from '../access/accessReviewColumns';
import { CHECKLISTS_LIST } from '../access/checklistColumns';
import { CHANGES_LIST } from '../change/changeColumns';
import { INCIDENTS_LIST } from '../incidents/incidentColumns';
import { REGISTER_LIST, REGISTER_SETTINGS_LIST } from './coreLists';
import type { ListDefinition } from './listDefinition';

export const PRACTICE_LISTS: readonly ListDefinition[] = [
  REGISTER_LIST,
  REGISTER_SETTINGS_LIST,
  INCIDENTS_LIST,
  CHANGES_LIST,
  CHECKLISTS_LIST,
  ACCESS_REVIEWS_LIST,
];

/** @returns the practice list called `name`. @throws Error for a name that is not a practice list (a programming error). */
export function practiceList(name: string): ListDefinition {
  const found = PRACTICE_LISTS.find((def) => def.name === name);
  if (!found) throw new Error(`"${name}" is not one of the practice's lists.`);
  return found;
}
