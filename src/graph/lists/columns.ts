/**
 * Bringing an existing list's columns up to date: a list created by an older release lacks the
 * columns added since (e.g. the register's four downtime fields), and SharePoint refuses a write
 * that names a field the list does not have.
 *
 * - `GET /sites/{site-id}/lists/{list-id}/columns` (api-reference/v1.0/api/list-list-columns.md):
 *   every columnDefinition, built-in ones too; compared by internal `name`. Read access suffices.
 * - `POST /sites/{site-id}/lists/{list-id}/columns` with one columnDefinition
 *   (api-reference/v1.0/api/list-post-columns.md, 201 Created; Sites.Manage.All class: under
 *   Sites.Selected an `owner`/`fullcontrol` grant, and a user who may manage the list).
 *
 * Columns are only ever added, never changed or removed: a column an older release had keeps its
 * data. A 409 on a POST means the column is there already (someone else added it meanwhile); a
 * POST whose answer was lost is settled by reading the columns again.
 */
import { missingColumns, type ListDefinition } from '@domain/lists';
import { toColumnDefinition, type ListColumn } from '@domain';
import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client';
import { GraphError, isAmbiguousFailure, pathSegment, pageAll } from '../client';

const columnsUrl = (siteId: string, listId: string) => `/sites/${pathSegment(siteId)}/lists/${pathSegment(listId)}/columns`;

/** @returns the internal names of every column of the list. @throws GraphError (404: no such list) / NetworkError. */
export async function listColumnNames(client: GraphClient, siteId: string, listId: string): Promise<Set<string>> {
  const columns = await pageAll<Pick<ColumnDefinition, 'name'>>(client, columnsUrl(siteId, listId));
  return new Set(columns.flatMap((column) => (column.name ? [column.name] : [])));
}

/** @returns the columns of `def` the list lacks (one GET). */
export async function findMissingColumns(client: GraphClient, siteId: string, listId: string, def: ListDefinition): Promise<ListColumn[]> {
  return missingColumns(def, await listColumnNames(client, siteId, listId));
}

export interface AddColumnsOptions {
  /** The columns to add when already known (skips the GET); default: read them. */
  readonly missing?: readonly ListColumn[];
  /** Called before each column is added, for progress ("Adding column 2 of 4: Paper workaround"). */
  readonly onColumn?: (column: ListColumn, index: number, total: number) => void;
}

/**
 * Adds every column of `def` the list lacks, one POST each, in `def`'s order.
 * @returns the names of the columns this call added.
 * @throws GraphError (403 without the rights to manage the list; nothing after it is tried) / NetworkError.
 */
export async function addMissingColumns(client: GraphClient, siteId: string, listId: string, def: ListDefinition, options: AddColumnsOptions = {}): Promise<string[]> {
  const missing = options.missing ?? (await findMissingColumns(client, siteId, listId, def));
  const added: string[] = [];
  for (const [index, column] of missing.entries()) {
    options.onColumn?.(column, index, missing.length);
    try {
      await client.api(columnsUrl(siteId, listId)).post(toColumnDefinition(column));
      added.push(column.name);
    } catch (error) {
      if (error instanceof GraphError && error.status === 409) continue;
      if (!isAmbiguousFailure(error)) throw error;
      if (!(await listColumnNames(client, siteId, listId)).has(column.name)) throw error;
      added.push(column.name);
    }
  }
  return added;
}

/**
 * A read or write that names a column the list does not have: SharePoint answers 400 "Field 'X' is
 * not recognized" (or "Column 'X' does not exist"). Seen when a register made by an older release
 * is opened: the cue to check the lists and bring them up to date, or to open the register read-only.
 * @returns the column's name, or null for any other failure.
 */
export function isMissingFieldError(error: unknown): string | null {
  if (!(error instanceof GraphError) || error.status !== 400) return null;
  const match = /(?:Field|Column) '([^']+)' (?:is not recognized|does not exist)/i.exec(error.message);
  return match?.[1] ?? null;
}
