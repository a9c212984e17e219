/**
 * The reminder ledger in Table Storage: one "digest record" per practice per run that posts, holding
 * the occurrence keys (the domain's `occurrenceKey`, one per line) its digest covers, moving through
 * state claimed -> posted -> notified, each change written with the entity's ETag.
 *
 * PartitionKey = the team id (so a practice's records are one partition: one query reads them, and
 * no other practice's traffic touches them); RowKey = `digest|<run id>|<part>`. A string property
 * holds at most 64 KiB (32K UTF-16 characters), so a run whose keys do not fit writes several parts.
 *
 * Crash safety is the same as it was in the SharePoint list (docs/reminders.md "Never twice, never
 * missed"): a create whose answer was lost is looked up by its row key, so a record is never made
 * twice; a record changed under us (412) is reported as such and the next run repeats what it must.
 */
import type { TableClient } from '@azure/data-tables';
import { isMissingTable, storageStatus } from './tables';

/**
 * claimed: a run is about to post these keys (or crashed before recording the post).
 * posted: they are in a digest in the channel; notifications may not have gone yet.
 * notified: the owners (or managers) have had their activity notifications too. Done.
 */
export type LedgerState = 'claimed' | 'posted' | 'notified';

/** Characters of keys in one record part (a string property holds 32K UTF-16 characters). */
export const KEYS_MAX_CHARS = 30_000;

export interface DigestRecord {
  readonly teamId: string;
  readonly rowKey: string;
  readonly etag: string;
  readonly keys: readonly string[];
  readonly state: LedgerState;
  readonly runId: string;
  readonly claimedAt: string;
}

export function digestRecordKey(runId: string, part: number): string {
  return `digest|${runId}|${part}`;
}

/**
 * Splits keys into newline-joined texts of at most `max` characters each, in order.
 * @throws Error for a key that is empty, longer than `max` or holds a newline.
 */
export function splitKeys(keys: readonly string[], max = KEYS_MAX_CHARS): string[] {
  const parts: string[] = [];
  let current = '';
  for (const key of keys) {
    if (key === '' || key.length > max || key.includes('\n')) throw new Error(`An occurrence key cannot be stored: ${key.slice(0, 80)}`);
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

function toRecord(entity: Record<string, unknown>): DigestRecord {
  const state = entity.state === 'posted' || entity.state === 'notified' ? entity.state : 'claimed';
  const keys = typeof entity.keys === 'string' && entity.keys !== '' ? entity.keys.split('\n') : [];
  return {
    teamId: String(entity.partitionKey), rowKey: String(entity.rowKey), etag: String(entity.etag),
    keys, state, runId: String(entity.runId ?? ''), claimedAt: String(entity.claimedAt ?? ''),
  };
}

export class LedgerStore {
  constructor(private readonly table: TableClient) {}

  /** The practice's records claimed at or after `since` (an ISO instant): one query of its partition. */
  async recent(teamId: string, since: string): Promise<DigestRecord[]> {
    return this.query(`PartitionKey eq '${escapeValue(teamId)}' and claimedAt ge '${escapeValue(since)}'`);
  }

  /** Creates this run's record(s), state claimed, covering `keys`. @throws on failure. */
  async claim(teamId: string, keys: readonly string[], runId: string, at: Date): Promise<DigestRecord[]> {
    const records: DigestRecord[] = [];
    const parts = splitKeys(keys);
    for (let index = 0; index < parts.length; index++) {
      const rowKey = digestRecordKey(runId, index + 1);
      const entity = { partitionKey: teamId, rowKey, keys: parts[index] as string, state: 'claimed', runId, claimedAt: at.toISOString() };
      try {
        const created = await this.table.createEntity(entity);
        records.push(toRecord({ ...entity, etag: created.etag }));
      } catch (error) {
        // 409: the key exists. Only this run makes this key, so it is our own create whose answer was lost.
        if (storageStatus(error) !== 409) throw error;
        records.push(toRecord((await this.table.getEntity(teamId, rowKey)) as Record<string, unknown>));
      }
    }
    return records;
  }

  /** Moves a record on. @returns the record as written, or null when it changed under us (412). */
  async advance(record: DigestRecord, state: 'posted' | 'notified', at: Date, messageId?: string): Promise<DigestRecord | null> {
    const stamp = state === 'posted' ? { postedAt: at.toISOString(), messageId: messageId ?? '' } : { notifiedAt: at.toISOString() };
    try {
      const updated = await this.table.updateEntity({ partitionKey: record.teamId, rowKey: record.rowKey, state, ...stamp }, 'Merge', { etag: record.etag });
      return { ...record, state, etag: updated.etag ?? record.etag };
    } catch (error) {
      if (storageStatus(error) === 412) return null;
      throw error;
    }
  }

  /** Deletes the practice's records claimed before `before` (retention). @returns how many. */
  async prune(teamId: string, before: string): Promise<number> {
    const old = await this.query(`PartitionKey eq '${escapeValue(teamId)}' and claimedAt lt '${escapeValue(before)}'`);
    for (const record of old) {
      try {
        await this.table.deleteEntity(record.teamId, record.rowKey);
      } catch (error) {
        if (storageStatus(error) !== 404) throw error;
      }
    }
    return old.length;
  }

  /** Writes a record as it was elsewhere (the migration from the SharePoint list); an existing row is left alone. */
  async importRecord(record: { teamId: string; rowKey: string; keys: readonly string[]; state: LedgerState; runId: string; claimedAt: string; postedAt?: string; notifiedAt?: string; messageId?: string }): Promise<'created' | 'existed'> {
    const { teamId, rowKey, keys, ...rest } = record;
    const fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== ''));
    try {
      await this.table.createEntity({ partitionKey: teamId, rowKey, keys: keys.join('\n'), ...fields });
      return 'created';
    } catch (error) {
      if (storageStatus(error) === 409) return 'existed';
      throw error;
    }
  }

  private async query(filter: string): Promise<DigestRecord[]> {
    const out: DigestRecord[] = [];
    try {
      for await (const entity of this.table.listEntities({ queryOptions: { filter } })) out.push(toRecord(entity as Record<string, unknown>));
    } catch (error) {
      if (isMissingTable(error)) return [];
      throw error;
    }
    return out;
  }
}

/** OData string literal: a single quote is doubled. */
export function escapeValue(value: string): string {
  return value.replace(/'/g, "''");
}
