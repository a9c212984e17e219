/**
 * The practice's register list and its settings list (which keeps the audit log), found by name in
 * ONE query of the site's lists (`GET /sites/{site-id}/lists`, Graph docs list-list.md; covered by
 * the `write` grant on the site under Sites.Selected). The tab finds them the same way
 * (findRegisterList / findRegisterSettings) and creates both together when it sets the register up.
 */
import { REGISTER_LIST_NAME } from '../domain/registerColumns';
import { REGISTER_SETTINGS_LIST_NAME } from '../domain/registerSettingsColumns';
import { pageAll, pathSegment, queryString, type GraphClient } from '../graph';

export interface PracticeLists {
  /** The register, or null when the tab has not set it up in this site. */
  readonly listId: string | null;
  /** The settings list, or null when it has not been created (no audit log yet). */
  readonly settingsId: string | null;
}

export async function findPracticeLists(graph: GraphClient, siteId: string): Promise<PracticeLists> {
  const lists = await pageAll<{ id: string; displayName: string }>(graph, `/sites/${pathSegment(siteId)}/lists${queryString({ $select: 'id,displayName' })}`);
  const named = (name: string) => lists.find((list) => list.displayName === name)?.id ?? null;
  return { listId: named(REGISTER_LIST_NAME), settingsId: named(REGISTER_SETTINGS_LIST_NAME) };
}
