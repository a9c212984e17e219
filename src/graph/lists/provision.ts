/**
 * "Find the list by name, or create it", written once for every practice list.
 *
 * Create: `POST /sites/{site-id}/lists` with the columns and `list.template: genericList`
 * (api-reference/v1.0/api/list-create.md; Sites.Manage.All class, i.e. under Sites.Selected an
 * `owner`/`fullcontrol` grant and a user who may create lists: a team owner).
 * A second create of the same name gets 409 (`nameAlreadyExists`); a create whose answer was lost
 * (timeout, 5xx after the server may have acted) may have landed: both are settled by finding the list.
 */
import type { ListDefinition } from '@domain/lists';
import { toColumnDefinition } from '@domain';
import type { List } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client';
import { GraphError, isAmbiguousFailure, pathSegment } from '../client';
import { findPracticeListIds } from './listIds';

export interface ProvisionedList {
  readonly id: string;
  /** True when this call created the list; false when it was already there. */
  readonly created: boolean;
}

/** The request body list-create.md documents. */
export function listCreateBody(def: ListDefinition): Record<string, unknown> {
  return {
    displayName: def.name,
    ...(def.description ? { description: def.description } : {}),
    columns: def.columns.map(toColumnDefinition),
    list: { template: 'genericList' },
  };
}

/**
 * Creates the list `def` describes, or finds the one already there. Safe to repeat.
 * @throws GraphError (403 without the rights to create lists) / NetworkError.
 */
export async function findOrProvisionList(client: GraphClient, siteId: string, def: ListDefinition): Promise<ProvisionedList> {
  try {
    const created = (await client.api(`/sites/${pathSegment(siteId)}/lists`).post(listCreateBody(def))) as List & { id: string };
    return { id: created.id, created: true };
  } catch (error) {
    const alreadyThere = error instanceof GraphError && error.status === 409;
    if (!alreadyThere && !isAmbiguousFailure(error)) throw error;
    const existing = (await findPracticeListIds(client, siteId)).get(def.name);
    if (existing !== undefined) return { id: existing, created: false };
    throw error;
  }
}
