/**
 * The practice's register list and its settings list (which keeps the audit log), found by name in
 * ONE query of the site's lists (graph/lists findPracticeListIds: `GET /sites/{site-id}/lists`, Graph
 * docs list-list.md; covered by the `write` grant on the site under Sites.Selected). The tab finds
 * them the same way and creates them (and every other practice list) when it sets the register up.
 */
import { REGISTER_LIST, REGISTER_SETTINGS_LIST } from '@domain/lists';
import { findPracticeListIds, type GraphClient } from '@graph';

export interface PracticeLists {
  /** The register, or null when the tab has not set it up in this site. */
  readonly listId: string | null;
  /** The settings list, or null when it has not been created (no audit log yet). */
  readonly settingsId: string | null;
}

export async function findPracticeLists(graph: GraphClient, siteId: string): Promise<PracticeLists> {
  const ids = await findPracticeListIds(graph, siteId);
  return { listId: ids.get(REGISTER_LIST.name) ?? null, settingsId: ids.get(REGISTER_SETTINGS_LIST.name) ?? null };
}
