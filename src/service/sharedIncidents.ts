/**
 * Incidents on PCN-shared services (issue 18). The PCN declares an incident in its own tab, on the
 * entry it keeps once, and its card goes to the PCN's channel. Every member practice that links to
 * that entry must hear of it too: on each practice's run, the PCN's open incidents on the services
 * it links to are read and each one's card is posted to the practice's channel, once.
 *
 * Reads (the app holds a Sites.Selected `read` grant on the PCN's site, docs/network.md):
 * - the PCN's lists by name: `GET /sites/{id}/lists?$select=id,displayName` (list-list.md)
 * - its open incidents: the incidents list's items filtered on the indexed State column (listitem-list.md)
 * - the shared entries, for the card's downtime process and contacts (graph/sharedServices)
 *
 * Never twice, never missed, as the digest (docs/reminders.md): each incident's ledger key
 * `shared-incident:<PCN site id>:<incident key>` is claimed before the post and recorded after it;
 * a key only claimed (a crash before the record) is posted again: at most one duplicate card.
 */
import type { StoredEntry } from '@domain';
import { buildIncidentCard, incidentTitle, INCIDENTS_LIST_NAME, type StoredIncident } from '@domain/incidents';
import type { AdaptiveCard } from '@domain/reminders';
import { linkedItemsBySite, parseSharedFrom, sharedIncidentKey } from '@domain/sharedServices';
import { findPracticeListIds, type GraphClient } from '@graph';
import { openIncidentStore } from '@graph/incidents';
import { readSharedEntries } from '@graph/sharedServices';
import type { LedgerStore } from './store/ledger';

export interface SharedIncidentDeps {
  readonly graph: GraphClient;
  readonly ledger: LedgerStore;
  readonly runId: string;
  readonly now: () => Date;
  /** Posts to the practice's channel (the bot's proactive send). */
  readonly postCard: (card: AdaptiveCard, summary: string) => Promise<{ activityId: string }>;
  /** The practice tab's deep link to one of the practice's own entries. */
  readonly entryLink: (practiceEntryId: string) => string;
  /** False once the run's lease is too close to its end to post (practiceRun.ts postingMarginMs). */
  readonly mayPost: () => boolean;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The PCN's open incidents on the items the practice links to. */
async function openSharedIncidents(graph: GraphClient, pcnSiteId: string, itemIds: readonly string[]): Promise<StoredIncident[]> {
  const listId = (await findPracticeListIds(graph, pcnSiteId)).get(INCIDENTS_LIST_NAME);
  if (listId === undefined) return [];
  const open = await openIncidentStore(graph, { siteId: pcnSiteId, listId }).listOpen();
  return open.filter((stored) => itemIds.includes(stored.incident.entryId));
}

/** Keys a posted record covers: a key only claimed is posted again (never missed). */
async function postedKeys(ledger: LedgerStore, teamId: string, incidents: readonly StoredIncident[]): Promise<Set<string>> {
  // A card is claimed after its incident started, so the records since the earliest start cover them all.
  const since = incidents.map((stored) => stored.incident.startedAt).sort()[0] ?? '';
  const records = await ledger.recent(teamId, since);
  return new Set(records.filter((record) => record.state !== 'claimed').flatMap((record) => record.keys));
}

/** The PCN's incidents not yet posted to this practice, with the entries their cards need. */
async function unposted(teamId: string, pcnSiteId: string, itemIds: readonly string[], deps: SharedIncidentDeps) {
  const incidents = await openSharedIncidents(deps.graph, pcnSiteId, itemIds);
  const done = incidents.length === 0 ? new Set<string>() : await postedKeys(deps.ledger, teamId, incidents);
  const fresh = incidents.filter((stored) => !done.has(sharedIncidentKey(pcnSiteId, stored.incident.key)));
  const pcnEntries = fresh.length === 0 ? new Map<string, StoredEntry>() : await readSharedEntries(deps.graph, pcnSiteId, fresh.map((stored) => stored.incident.entryId));
  return { fresh, pcnEntries };
}

async function postForPcn(teamId: string, entries: readonly StoredEntry[], pcnSiteId: string, itemIds: readonly string[], deps: SharedIncidentDeps, unchecked: string[]): Promise<number> {
  let found;
  try {
    found = await unposted(teamId, pcnSiteId, itemIds, deps);
  } catch (error) {
    // The PCN's site unreadable (no grant, throttled past retries): the practice's digest still goes.
    unchecked.push(`incidents on PCN-shared services (the PCN's site ${pcnSiteId} could not be read: ${describe(error)})`);
    return 0;
  }
  const { fresh, pcnEntries } = found;
  // The card's link opens the practice's own linked entry, not the PCN's (the practice may not open the PCN's tab).
  const practiceEntryOf = (pcnItemId: string) => entries.find((stored) => {
    const link = parseSharedFrom(stored.entry.sharedFrom);
    return link !== null && link.siteId === pcnSiteId && link.itemId === pcnItemId;
  })?.id;
  let posted = 0;
  for (const { incident } of fresh) {
    const key = sharedIncidentKey(pcnSiteId, incident.key);
    const [claimed] = await deps.ledger.claim(teamId, [key], `${deps.runId}.${incident.key}`, deps.now());
    if (!deps.mayPost()) throw new Error('The run took too long and its lease is running out; the PCN incident was not posted (the next run will post it).');
    const { card } = buildIncidentCard({ incident, entries: [...pcnEntries.values()], entryLink: (id) => deps.entryLink(practiceEntryOf(id) ?? '') });
    const { activityId } = await deps.postCard(card, `${incidentTitle(incident)} (a PCN-shared service)`);
    if (claimed) {
      const recorded = await deps.ledger.advance(claimed, 'posted', deps.now(), activityId);
      // Nothing else is sent for it (no activity notifications): done.
      if (recorded) await deps.ledger.advance(recorded, 'notified', deps.now());
    }
    posted += 1;
  }
  return posted;
}

/**
 * Posts each open PCN incident on a service the practice links to, once, to the practice's channel.
 * A PCN whose site or incidents cannot be read is noted in `unchecked`, never failing the digest;
 * a failed post fails the practice's run as a digest's would (the next run posts it).
 * @returns how many cards were posted.
 */
export async function postSharedIncidents(teamId: string, entries: readonly StoredEntry[], deps: SharedIncidentDeps, unchecked: string[]): Promise<number> {
  let posted = 0;
  for (const [pcnSiteId, itemIds] of linkedItemsBySite(entries)) posted += await postForPcn(teamId, entries, pcnSiteId, itemIds, deps, unchecked);
  return posted;
}
