/**
 * The one place the tab's incident views meet the incident core (HI: src/domain/incidents and
 * src/graph/incidents). Everything else in this feature talks to `IncidentsApi`, so a change in the
 * core's names touches only this file.
 */
import type { StoredEntry } from '@domain';
import type { Incident, StoredIncident } from '@domain/incidents';
import { entryDeepLink } from '@domain/reminders';
import type { GraphClient } from '@graph';
import { listChannels, preferredDigestChannel, type TeamChannel } from '@graph/teams';
import {
  AmbiguousPostError, PostedNotRecordedError, RootNotPostedError, openIncidentStore, postIncidentCard, recordPosted,
} from '@graph/incidents';
import { GraphError, NetworkError } from '@graph';
import { TAB_ENTITY_ID, TAB_TEAMS_APP_ID } from '../../components/tabIdentity';
import type { NotifyJob } from './notifyQueue';

export interface IncidentsApi {
  list(): Promise<StoredIncident[]>;
  /** Idempotent by the incident's key: a retried create returns the incident already stored. */
  create(incident: Incident): Promise<StoredIncident>;
  /** Applies `change` with If-Match, re-applying it to a newer version after a conflict (the store does). */
  change(stored: StoredIncident, change: (incident: Incident) => Incident): Promise<StoredIncident>;
  /** The delegated channel post of the card (or the update as a reply in its thread). Throws a queue-readable error. */
  postCard(job: NotifyJob): Promise<{ channelName: string; webUrl: string }>;
}

/** HL's wording (components/PracticeListsNotice.tsx ASK_AN_OWNER), for places that show it inline. */
export const LIST_MISSING_MESSAGE = 'Ask a team owner to open Setup and bring the register up to date';

export interface IncidentsApiOptions {
  readonly client: GraphClient;
  readonly teamId: string;
  readonly siteId: string;
  readonly listId: string;
  /** The register as loaded (for the card's downtime process, contacts and what else breaks). */
  readonly entries: () => readonly StoredEntry[];
  readonly deepLinkIds: { readonly teamsAppId?: string; readonly entityId?: string };
}

export function openIncidentsApi(options: IncidentsApiOptions): IncidentsApi {
  const store = openIncidentStore(options.client, { siteId: options.siteId, listId: options.listId });
  // The practice channel, chosen as the Reminders view chooses it: "Digital services", else the first.
  let channel: Promise<TeamChannel | null> | null = null;
  const practiceChannel = () => {
    channel ??= listChannels(options.client, options.teamId).then(preferredDigestChannel, (error: unknown) => {
      channel = null;
      throw error;
    });
    return channel;
  };
  return {
    list: () => store.list(),
    create: (incident) => store.create(incident),
    change: (stored, change) => store.change(stored, change),
    async postCard(job) {
      const target = await practiceChannel();
      if (!target) throw new GraphError(404, 'NoChannel', 'The team has no channel to post to.');
      const stored = await store.findByKey(job.incidentKey);
      if (!stored) throw new GraphError(404, 'itemNotFound', 'The incident is not in the incidents list.');
      const entryLink = (entryId: string) =>
        entryDeepLink({ teamsAppId: options.deepLinkIds.teamsAppId ?? TAB_TEAMS_APP_ID, entityId: options.deepLinkIds.entityId ?? TAB_ENTITY_ID, channelId: target.id }, entryId);
      const context = { store, client: options.client, channel: { teamId: options.teamId, channelId: target.id }, entries: options.entries(), entryLink };
      const cardKey = job.updateKey ?? job.incidentKey;
      try {
        const outcome = await postIncidentCard(context, stored, cardKey);
        return { channelName: target.displayName, webUrl: outcome.status === 'posted' ? outcome.webUrl : '' };
      } catch (error) {
        if (error instanceof PostedNotRecordedError) {
          // It is in the channel: record it (best effort) and report it posted, never post it again.
          await recordPosted(store, stored, error.cardKey, error.thread).catch(() => undefined);
          return { channelName: target.displayName, webUrl: '' };
        }
        if (error instanceof RootNotPostedError) throw new NetworkError('The incident card is not in the channel yet.', { ambiguous: false });
        if (error instanceof AmbiguousPostError) throw new GraphError(504, 'AmbiguousPost', error.message, { ambiguous: true });
        throw error;
      }
    },
  };
}
