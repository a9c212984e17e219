/**
 * Reading and writing the reminder ledger (see reminderLedgerList.ts for the list itself).
 *
 * Claim = create an item with the occurrence key: the key column is unique, so a second claim of
 * the same occurrence gets 409 (`'taken'`). Every later change is a PATCH with `If-Match`, so a
 * retried PATCH can never overwrite another run's change, and a stale claim can be taken over by
 * exactly one run.
 */
import type { GraphClient } from './client';
import { GraphError, isAmbiguousFailure } from './errors';
import { eTagOf, type ListItem } from './listItems';
import { escapeODataString, pathSegment, queryString } from './odata';
import { pageAll } from './paging';
import { LEASE_KEY, REMINDER_LEDGER_FIELD_NAMES, type LedgerState } from './reminderLedgerList';

export * from './reminderLedgerList';

export interface LedgerLocation {
  readonly siteId: string;
  readonly listId: string;
}

export interface LedgerRecord {
  readonly itemId: string;
  readonly eTag: string;
  readonly key: string;
  readonly state: LedgerState;
  readonly runId: string;
  readonly claimedAt: string;
}

export interface ReminderLedger {
  /** Records claimed at or after `since` (an ISO instant), lease item excluded. */
  recent(since: string): Promise<LedgerRecord[]>;
  /** @returns the new record, or 'taken' when another run holds that occurrence (409). */
  claim(key: string, runId: string, at: Date): Promise<LedgerRecord | 'taken'>;
  /** Takes over another run's stale claim. @returns null when someone changed it first (412). */
  reclaim(record: LedgerRecord, runId: string, at: Date): Promise<LedgerRecord | null>;
  /** Moves a record on (posted, notified). @returns null when someone changed it first (412). */
  advance(record: LedgerRecord, state: 'posted' | 'notified', at: Date, messageId?: string): Promise<LedgerRecord | null>;
  /** The lease item, created when absent. */
  leaseItem(at: Date): Promise<{ itemId: string; eTag: string; runId: string; leaseUntil: string }>;
  /** Compare-and-swap on the lease item. @returns the new eTag, or null when it changed (412/409). */
  writeLease(itemId: string, eTag: string, runId: string, leaseUntil: Date): Promise<string | null>;
}

const EXPAND = `fields(select=${REMINDER_LEDGER_FIELD_NAMES.join(',')})`;

function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof GraphError && statuses.includes(error.status);
}

function toRecord(item: ListItem): LedgerRecord {
  const fields = (item.fields ?? {}) as Record<string, unknown>;
  return {
    itemId: item.id,
    eTag: eTagOf(item),
    key: String(fields.OccurrenceKey ?? ''),
    state: (fields.State as LedgerState | undefined) ?? 'claimed',
    runId: String(fields.RunId ?? ''),
    claimedAt: String(fields.ClaimedAt ?? ''),
  };
}

export function openReminderLedger(client: GraphClient, location: LedgerLocation): ReminderLedger {
  const items = `/sites/${pathSegment(location.siteId)}/lists/${pathSegment(location.listId)}/items`;
  const itemUrl = (id: string) => `${items}/${pathSegment(id)}`;

  async function byKey(key: string): Promise<ListItem | null> {
    const filter = `fields/OccurrenceKey eq '${escapeODataString(key)}'`;
    const found = await pageAll<ListItem>(client, `${items}${queryString({ $filter: filter, expand: EXPAND, $top: 2 })}`);
    return found[0] ?? null;
  }

  /** PATCH with If-Match. @returns the new eTag, or null on 412/409 (changed by someone else). */
  async function patch(itemId: string, eTag: string, fields: Record<string, unknown>): Promise<string | null> {
    try {
      const result = (await client.api(`${itemUrl(itemId)}/fields`).header('If-Match', eTag).patch(fields)) as Record<string, unknown>;
      const next = result['@odata.etag'];
      return typeof next === 'string' ? next : eTagOf((await client.api(itemUrl(itemId)).get()) as ListItem);
    } catch (error) {
      if (isStatus(error, 409, 412)) return null;
      throw error;
    }
  }

  return {
    async recent(since) {
      const filter = `fields/ClaimedAt ge '${escapeODataString(since)}'`;
      const found = await pageAll<ListItem>(client, `${items}${queryString({ $filter: filter, expand: EXPAND, $top: 1000 })}`);
      return found.map(toRecord).filter((record) => record.key !== LEASE_KEY);
    },

    async claim(key, runId, at) {
      const fields = { Title: key.slice(0, 255), OccurrenceKey: key, State: 'claimed', ClaimedAt: at.toISOString(), RunId: runId };
      try {
        const created = (await client.api(items).post({ fields })) as ListItem;
        return toRecord(created.fields ? created : ((await client.api(`${itemUrl(created.id)}${queryString({ expand: EXPAND })}`).get()) as ListItem));
      } catch (error) {
        if (isStatus(error, 409) || isAmbiguousFailure(error)) {
          // 409: the key exists. Unknown outcome: our first attempt may have made it; it is ours if it carries our run id.
          const existing = await byKey(key);
          if (existing && toRecord(existing).runId === runId && toRecord(existing).state === 'claimed') return toRecord(existing);
          if (existing) return 'taken';
        }
        throw error;
      }
    },

    async reclaim(record, runId, at) {
      const eTag = await patch(record.itemId, record.eTag, { RunId: runId, ClaimedAt: at.toISOString() });
      return eTag === null ? null : { ...record, eTag, runId, claimedAt: at.toISOString() };
    },

    async advance(record, state, at, messageId) {
      const fields: Record<string, unknown> = { State: state, [state === 'posted' ? 'PostedAt' : 'NotifiedAt']: at.toISOString() };
      if (messageId !== undefined) fields.MessageId = messageId.slice(0, 255);
      const eTag = await patch(record.itemId, record.eTag, fields);
      return eTag === null ? null : { ...record, eTag, state };
    },

    async leaseItem(at) {
      let item = await byKey(LEASE_KEY);
      if (item === null) {
        try {
          // An expired lease, so whoever reaches it first takes it with If-Match.
          item = (await client.api(items).post({ fields: { Title: 'Run lease', OccurrenceKey: LEASE_KEY, LeaseUntil: new Date(0).toISOString(), RunId: '', ClaimedAt: at.toISOString() } })) as ListItem;
        } catch (error) {
          if (!isStatus(error, 409) && !isAmbiguousFailure(error)) throw error;
          item = await byKey(LEASE_KEY);
          if (item === null) throw error;
        }
        if (!item.fields) item = (await byKey(LEASE_KEY)) ?? item;
      }
      const fields = (item.fields ?? {}) as Record<string, unknown>;
      return { itemId: item.id, eTag: eTagOf(item), runId: String(fields.RunId ?? ''), leaseUntil: String(fields.LeaseUntil ?? new Date(0).toISOString()) };
    },

    writeLease: (itemId, eTag, runId, leaseUntil) => patch(itemId, eTag, { RunId: runId, LeaseUntil: leaseUntil.toISOString() }),
  };
}
