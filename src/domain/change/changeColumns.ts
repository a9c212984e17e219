/**
 * PLACEHOLDER written by HL (the practice-lists mechanism) so PRACTICE_LISTS compiles: HG owns this
 * file and replaces the name and columns with the real ones.
 */
import type { ListDefinition } from '../lists/listDefinition';

export const CHANGES_LIST: ListDefinition = { name: 'Digital Services Changes', columns: [] };
