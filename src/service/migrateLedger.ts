/**
 * `npm run reminders -- --migrate-ledger [--dry-run]`: one command that moves each practice's old
 * reminder ledger (the "Digital Services Reminder Ledger" list the service used to keep in the
 * practice's own site) into the ledger table, so nothing already sent is sent again. After it the
 * service never reads or writes the list; a site owner may delete it (the service's `write` grant
 * cannot, and need not).
 *
 * Per practice where the bot is installed: find the list by name, read its items (one paged query),
 * and write each digest record (`OccurrenceKey` = `digest|<run>|<part>`) as the table row of the
 * same key with its state and times. Items from the older one-item-per-occurrence ledger become one
 * record each. The lease item is not copied (leases now live in the lease table). A row that already
 * exists is left as it is, so the command can be run again safely.
 */
import { pageAll, pathSegment, queryString, type GraphClient, createGraphClient } from '@graph';
import type { TokenSource } from '@graph';
import type { ServiceConfig } from './config';
import { NO_SITE_REASON } from './siteRegistration';
import type { LedgerState } from './store/ledger';
import type { OpenStores } from './store/openStores';

/** The old list's name and columns (as the service provisioned it before the move). */
export const LEGACY_LEDGER_LIST_NAME = 'Digital Services Reminder Ledger';
const FIELDS = ['OccurrenceKey', 'OccurrenceKeys', 'State', 'ClaimedAt', 'PostedAt', 'NotifiedAt', 'RunId', 'MessageId'];

interface LegacyItem {
  id: string;
  createdDateTime?: string;
  fields?: Record<string, unknown>;
}

export interface MigrationSummary {
  readonly dryRun: boolean;
  readonly practices: number;
  readonly migrated: ReadonlyArray<{ teamId: string; name: string; records: number; created: number; existed: number }>;
  readonly withoutList: number;
  /** Practices with no recorded site (the admin's --set-site), with the command that fixes it. */
  readonly skipped: ReadonlyArray<{ teamId: string; name: string; reason: string }>;
  readonly failed: ReadonlyArray<{ teamId: string; name: string; reason: string }>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The table rows for one list item, or null for the lease item and empty items. */
export function legacyRecord(teamId: string, item: LegacyItem) {
  const f = item.fields ?? {};
  const key = text(f.OccurrenceKey);
  if (key === '' || key === 'lease') return null;
  const state: LedgerState = f.State === 'posted' || f.State === 'notified' ? f.State : 'claimed';
  const digest = key.startsWith('digest|');
  const keys = digest ? text(f.OccurrenceKeys).split('\n').filter((k) => k !== '') : [key];
  if (keys.length === 0) return null;
  return {
    teamId, rowKey: digest ? key : `legacy|${item.id}`, keys, state, runId: text(f.RunId) || 'migrated',
    claimedAt: text(f.ClaimedAt) || item.createdDateTime || new Date(0).toISOString(),
    postedAt: text(f.PostedAt) || undefined, notifiedAt: text(f.NotifiedAt) || undefined, messageId: text(f.MessageId) || undefined,
  };
}

async function legacyItems(graph: GraphClient, siteId: string): Promise<LegacyItem[] | null> {
  const lists = await pageAll<{ id: string; displayName: string }>(graph, `/sites/${pathSegment(siteId)}/lists${queryString({ $select: 'id,displayName' })}`);
  const list = lists.find((l) => l.displayName === LEGACY_LEDGER_LIST_NAME);
  if (!list) return null;
  return pageAll<LegacyItem>(graph, `/sites/${pathSegment(siteId)}/lists/${pathSegment(list.id)}/items${queryString({ expand: `fields(select=${FIELDS.join(',')})`, $top: '200' })}`);
}

export async function migrateLedgers(config: ServiceConfig, tokenSource: TokenSource, stores: OpenStores, graph?: GraphClient): Promise<MigrationSummary> {
  const client = graph ?? createGraphClient({ baseUrl: config.graphBaseUrl, tokenSource });
  const practices = (await stores.installations.list()).filter((p) => p.status === 'installed');
  const migrated: Array<MigrationSummary['migrated'][number]> = [];
  const failed: Array<MigrationSummary['failed'][number]> = [];
  const skipped: Array<MigrationSummary['skipped'][number]> = [];
  let withoutList = 0;
  for (const practice of practices) {
    const name = practice.teamName || practice.teamId;
    // Only the recorded site: under Sites.Selected the team's site cannot be looked up from the group.
    const siteId = practice.siteId;
    if (!siteId) {
      skipped.push({ teamId: practice.teamId, name, reason: NO_SITE_REASON(practice.teamId) });
      console.log(`${name}: skipped: ${NO_SITE_REASON(practice.teamId)}`);
      continue;
    }
    try {
      const items = await legacyItems(client, siteId);
      if (items === null) {
        withoutList += 1;
        continue;
      }
      const records = items.flatMap((item) => legacyRecord(practice.teamId, item) ?? []);
      let created = 0;
      let existed = 0;
      if (!config.dryRun) {
        for (const record of records) {
          if ((await stores.ledger.importRecord(record)) === 'created') created += 1;
          else existed += 1;
        }
      }
      migrated.push({ teamId: practice.teamId, name, records: records.length, created, existed });
      console.log(`${name}: ${records.length} ledger record(s) ${config.dryRun ? 'would be copied' : `copied (${created} new, ${existed} already there)`}`);
    } catch (error) {
      failed.push({ teamId: practice.teamId, name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { dryRun: config.dryRun, practices: practices.length, migrated, withoutList, skipped, failed };
}
