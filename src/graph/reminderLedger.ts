/**
 * Reading and writing the reminder ledger (see reminderLedgerList.ts for the list itself).
 *
 * A run claims the occurrences it is about to post by creating its digest record(s): one create
 * per run, its record key `digest|<run id>|<part>` unique to the run. Every later change is a PATCH
 * with `If-Match`, so a retried PATCH never overwrites another run's change.
 *
 * Cost in SharePoint resource units: recent() one query (2) for everything sent in the window;
 * claim() 2 per part; advance() 2; the lease 2 to read and 2 per write (its first take is its
 * create, 2).
 */
import type { GraphClient } from './client';
import { GraphError, isAmbiguousFailure } from './errors';
import { eTagOf, type ListItem } from './listItems';
import { escapeODataString, pathSegment, queryString } from './odata';
import { pageAll } from './paging';
import { digestRecordKey, KEYS_MAX_CHARS, LEASE_KEY, REMINDER_LEDGER_FIELD_NAMES, type LedgerState } from './reminderLedgerList';

export * from './reminderLedgerList';

export interface LedgerLocation {
  readonly siteId: string;
  readonly listId: string;
}

/** One digest record: the occurrence keys one run's digest covers (or one part of them). */
export interface DigestRecord {
  readonly itemId: string;
  readonly eTag: string;
  /** The record's own unique key, `digest|<run id>|<part>`. */
  readonly recordKey: string;
  readonly keys: readonly string[];
  readonly state: LedgerState;
  readonly runId: string;
  readonly claimedAt: string;
}

export interface ReminderLedger {
  /** Digest records claimed at or after `since` (an ISO instant): one indexed query. Lease item excluded. */
  recent(since: string): Promise<DigestRecord[]>;
  /**
   * Creates this run's digest record(s) in state 'claimed' covering `keys` (split into parts when
   * they exceed one multi-line value). @throws on failure; a create whose outcome is unknown is
   * looked up by its record key, so a record is never created twice.
   */
  claim(keys: readonly string[], runId: string, at: Date): Promise<DigestRecord[]>;
  /** Moves a record on (posted, notified). @returns null when someone changed it first (412). */
  advance(record: DigestRecord, state: 'posted' | 'notified', at: Date, messageId?: string): Promise<DigestRecord | null>;
  /**
   * The lease item. When absent it is created already held by `holder` (the key is unique, so of
   * two runs creating it only one succeeds; the other reads the winner's).
   */
  leaseItem(at: Date, holder: { runId: string; until: Date }): Promise<{ itemId: string; eTag: string; runId: string; leaseUntil: string; created: boolean }>;
  /** Compare-and-swap on the lease item. @returns the new eTag, or null when it changed (412/409). */
  writeLease(itemId: string, eTag: string, runId: string, leaseUntil: Date): Promise<string | null>;
}

const EXPAND = `fields(select=${REMINDER_LEDGER_FIELD_NAMES.join(',')})`;

function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof GraphError && statuses.includes(error.status);
}

/**
 * Splits keys into newline-joined texts of at most `max` characters each, in order.
 * @throws Error for a single key longer than `max` (occurrence keys are about 110 characters).
 */
export function splitKeys(keys: readonly string[], max = KEYS_MAX_CHARS): string[] {
  const parts: string[] = [];
  let current = '';
  for (const key of keys) {
    if (key.length > max || key.includes('\n')) throw new Error(`An occurrence key cannot be stored: ${key.slice(0, 80)}`);
    const joined = current === '' ? key : `${current}\n${key}`;
    if (joined.length <= max) current = joined;
    else {
      parts.push(current);
      current = key;
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}

function toRecord(item: ListItem): DigestRecord {
  const fields = (item.fields ?? {}) as Record<string, unknown>;
  const text = typeof fields.OccurrenceKeys === 'string' ? fields.OccurrenceKeys : '';
  return {
    itemId: item.id,
    eTag: eTagOf(item),
    recordKey: String(fields.OccurrenceKey ?? ''),
    keys: text.split(/\r?\n/).filter((key) => key !== ''),
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

  async function createPart(recordKey: string, keysText: string, runId: string, at: Date): Promise<DigestRecord> {
    const fields = { Title: `Digest ${at.toISOString()}`, OccurrenceKey: recordKey, OccurrenceKeys: keysText, State: 'claimed', ClaimedAt: at.toISOString(), RunId: runId };
    try {
      const created = (await client.api(items).post({ fields })) as ListItem;
      return toRecord(created.fields ? created : ((await client.api(`${itemUrl(created.id)}${queryString({ expand: EXPAND })}`).get()) as ListItem));
    } catch (error) {
      // The record key belongs to this run alone, so an existing one (409 on a repeat, or an
      // unknown outcome that did land) is our own create.
      if (isStatus(error, 409) || isAmbiguousFailure(error)) {
        const existing = await byKey(recordKey);
        if (existing) return toRecord(existing);
      }
      throw error;
    }
  }

  return {
    async recent(since) {
      const filter = `fields/ClaimedAt ge '${escapeODataString(since)}'`;
      const found = await pageAll<ListItem>(client, `${items}${queryString({ $filter: filter, expand: EXPAND, $top: 1000 })}`);
      return found.map(toRecord).filter((record) => record.recordKey !== LEASE_KEY);
    },

    async claim(keys, runId, at) {
      const records: DigestRecord[] = [];
      const parts = splitKeys(keys);
      for (let index = 0; index < parts.length; index++) {
        records.push(await createPart(digestRecordKey(runId, index + 1), parts[index] as string, runId, at));
      }
      return records;
    },

    async advance(record, state, at, messageId) {
      const fields: Record<string, unknown> = { State: state, [state === 'posted' ? 'PostedAt' : 'NotifiedAt']: at.toISOString() };
      if (messageId !== undefined) fields.MessageId = messageId.slice(0, 255);
      const eTag = await patch(record.itemId, record.eTag, fields);
      return eTag === null ? null : { ...record, eTag, state };
    },

    async leaseItem(at, holder) {
      let item = await byKey(LEASE_KEY);
      let created = false;
      if (item === null) {
        try {
          const fields = { Title: 'Run lease', OccurrenceKey: LEASE_KEY, LeaseUntil: holder.until.toISOString(), RunId: holder.runId, ClaimedAt: at.toISOString() };
          item = (await client.api(items).post({ fields })) as ListItem;
          created = true;
        } catch (error) {
          if (!isStatus(error, 409) && !isAmbiguousFailure(error)) throw error;
          item = await byKey(LEASE_KEY);
          if (item === null) throw error;
        }
        if (!item.fields) item = (await byKey(LEASE_KEY)) ?? item;
      }
      const fields = (item.fields ?? {}) as Record<string, unknown>;
      return { itemId: item.id, eTag: eTagOf(item), runId: String(fields.RunId ?? ''), leaseUntil: String(fields.LeaseUntil ?? new Date(0).toISOString()), created };
    },

    writeLease: (itemId, eTag, runId, leaseUntil) => patch(itemId, eTag, { RunId: runId, LeaseUntil: leaseUntil.toISOString() }),
  };
}
