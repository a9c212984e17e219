/**
 * "Bring the register up to date": which practice lists are missing or lack columns, and adding them.
 * Checking costs one request for the site's lists and one per existing list for its columns (in
 * parallel); bringing up to date one POST per missing list and per missing column.
 */
import type { ListDefinition, ListGap } from '@domain/lists';
import type { GraphClient } from '../client';
import { GraphError } from '../client';
import { addMissingColumns, findMissingColumns } from './columns';
import { findPracticeListIds, type PracticeListIds } from './listIds';
import { findOrProvisionList } from './provision';

export interface PracticeListsCheck {
  /** The id of every practice list the site has, by name. */
  readonly ids: PracticeListIds;
  /** Only the lists that are missing or lack columns; empty when up to date. */
  readonly gaps: readonly ListGap[];
}

/**
 * @param known the site's list ids when already read (saves the request).
 * @throws GraphError / NetworkError.
 */
export async function checkPracticeLists(client: GraphClient, siteId: string, defs: readonly ListDefinition[], known?: PracticeListIds): Promise<PracticeListsCheck> {
  const ids = new Map(known ?? (await findPracticeListIds(client, siteId)));
  const found = await Promise.all(
    defs.map(async (def): Promise<ListGap> => {
      const listId = ids.get(def.name) ?? null;
      if (listId === null) return { def, listId: null, missing: def.columns };
      try {
        return { def, listId, missing: await findMissingColumns(client, siteId, listId, def) };
      } catch (error) {
        // Deleted between the two reads: it is missing.
        if (!(error instanceof GraphError && error.status === 404)) throw error;
        ids.delete(def.name);
        return { def, listId: null, missing: def.columns };
      }
    }),
  );
  return { ids, gaps: found.filter((gap) => gap.listId === null || gap.missing.length > 0) };
}

export interface UpToDateProgress {
  /** Steps finished so far (one per list to create and per column to add). */
  readonly done: number;
  readonly total: number;
  /** What is being done now, for a person: "Creating the list “Incidents”". */
  readonly doing: string;
}

/** How many steps `bringUpToDate` takes for these gaps. */
export function stepsFor(gaps: readonly ListGap[]): number {
  return gaps.reduce((sum, gap) => sum + (gap.listId === null ? 1 : gap.missing.length), 0);
}

/**
 * Creates each missing list (with all its columns) and adds each missing column, in order; stops at
 * the first failure (a 403 means the same for every later step). Repeating it is safe.
 * @returns the ids of the lists created, by name.
 * @throws GraphError (403: the grant or the person may not manage lists) / NetworkError.
 */
export async function bringUpToDate(client: GraphClient, siteId: string, gaps: readonly ListGap[], onProgress?: (progress: UpToDateProgress) => void): Promise<Map<string, string>> {
  const total = stepsFor(gaps);
  let done = 0;
  const created = new Map<string, string>();
  for (const gap of gaps) {
    if (gap.listId === null) {
      onProgress?.({ done, total, doing: `Creating the list “${gap.def.name}”` });
      created.set(gap.def.name, (await findOrProvisionList(client, siteId, gap.def)).id);
      done += 1;
      continue;
    }
    await addMissingColumns(client, siteId, gap.listId, gap.def, {
      missing: gap.missing,
      onColumn: (column) => onProgress?.({ done: done++, total, doing: `Adding the column “${column.displayName}” to “${gap.def.name}”` }),
    });
  }
  onProgress?.({ done: total, total, doing: 'Done' });
  return created;
}
