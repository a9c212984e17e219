/**
 * The incident-card ledger: one entity per card key (the incident key for the root card, an update
 * key for each reply), in the service's ledger table under a partition of its own per practice,
 * `incidentcard|{teamId}` (the reminder ledger's queries name the bare team id, so they never see
 * these). States: claimed -> posted. Every change is conditional on the entity's ETag, so two calls
 * for the same key can never both post (docs/reminders.md "Never twice, never missed" is the model):
 *
 * - the first call creates the entity (`createEntity` -> 409 for anyone else) and posts;
 * - a second call while the claim is fresh is told "in progress";
 * - a claim older than the lease (the claimant died, or its post ended ambiguously and it let go) is
 *   taken over with the ETag (412 -> someone else took it), and the taker must VERIFY FIRST: look for
 *   the card in the channel before posting, because the earlier attempt may have posted it;
 * - posted is final: every later call answers "already posted" with the message id.
 */
import type { TableClient } from '@azure/data-tables';
import { storageStatus } from '../store/tables';

/** How long a claim keeps others out. The service gives up on throttling well inside it. */
export const CLAIM_LEASE_MS = 120_000;

export type CardState = 'claimed' | 'posted';

export interface CardRecord {
  readonly teamId: string;
  readonly key: string;
  readonly etag: string;
  readonly state: CardState;
  readonly claimedAt: string;
  /** An earlier attempt may have posted the card (ambiguous answer, or a claim taken over). */
  readonly uncertain: boolean;
  readonly messageId: string;
  readonly rootMessageId: string;
}

export type ClaimResult =
  | { readonly kind: 'claimed'; readonly record: CardRecord; readonly verifyFirst: boolean }
  | { readonly kind: 'posted'; readonly record: CardRecord }
  | { readonly kind: 'busy' };

export const partitionOf = (teamId: string) => `incidentcard|${teamId}`;

function toRecord(entity: Record<string, unknown>, teamId: string): CardRecord {
  const text = (name: string) => (typeof entity[name] === 'string' ? (entity[name] as string) : '');
  return {
    teamId, key: String(entity.rowKey), etag: String(entity.etag), state: entity.state === 'posted' ? 'posted' : 'claimed',
    claimedAt: text('claimedAt'), uncertain: entity.uncertain === true, messageId: text('messageId'), rootMessageId: text('rootMessageId'),
  };
}

export class CardLedger {
  constructor(
    private readonly table: TableClient,
    private readonly leaseMs = CLAIM_LEASE_MS,
  ) {}

  async get(teamId: string, key: string): Promise<CardRecord | null> {
    try {
      return toRecord((await this.table.getEntity(partitionOf(teamId), key)) as Record<string, unknown>, teamId);
    } catch (error) {
      if (storageStatus(error) === 404) return null;
      throw error;
    }
  }

  /** Claims `key` for one post. @throws on a storage failure (nothing is posted then). */
  async claim(teamId: string, key: string, now: Date): Promise<ClaimResult> {
    const entity = { partitionKey: partitionOf(teamId), rowKey: key, state: 'claimed', claimedAt: now.toISOString(), uncertain: false, messageId: '', rootMessageId: '' };
    try {
      const created = await this.table.createEntity(entity);
      return { kind: 'claimed', record: toRecord({ ...entity, etag: created.etag }, teamId), verifyFirst: false };
    } catch (error) {
      if (storageStatus(error) !== 409) throw error;
    }
    const existing = await this.get(teamId, key);
    if (existing === null) return { kind: 'busy' }; // deleted between the two calls: the caller retries
    if (existing.state === 'posted') return { kind: 'posted', record: existing };
    const age = now.getTime() - Date.parse(existing.claimedAt || '1970-01-01T00:00:00Z');
    if (age < this.leaseMs) return { kind: 'busy' };
    try {
      const updated = await this.table.updateEntity({ partitionKey: partitionOf(teamId), rowKey: key, claimedAt: now.toISOString(), uncertain: true }, 'Merge', { etag: existing.etag });
      return { kind: 'claimed', record: { ...existing, claimedAt: now.toISOString(), uncertain: true, etag: updated.etag ?? existing.etag }, verifyFirst: true };
    } catch (error) {
      if (storageStatus(error) === 412) return { kind: 'busy' };
      throw error;
    }
  }

  /** Records the post. @returns false when the record changed under us (someone took the claim over). */
  async posted(record: CardRecord, messageId: string, rootMessageId: string, now: Date): Promise<boolean> {
    try {
      await this.table.updateEntity({ partitionKey: partitionOf(record.teamId), rowKey: record.key, state: 'posted', messageId, rootMessageId, postedAt: now.toISOString() }, 'Merge', { etag: record.etag });
      return true;
    } catch (error) {
      if (storageStatus(error) === 412) return false;
      throw error;
    }
  }

  /**
   * Lets go of a claim. Nothing was posted (`uncertain` false: 429, refused): the entity is deleted,
   * so the next call starts clean. The outcome is unknown: the claim is kept, marked uncertain and
   * backdated, so the next call takes it over at once and looks in the channel before posting.
   */
  async release(record: CardRecord, uncertain: boolean): Promise<void> {
    try {
      if (!uncertain && !record.uncertain) await this.table.deleteEntity(partitionOf(record.teamId), record.key, { etag: record.etag });
      else await this.table.updateEntity({ partitionKey: partitionOf(record.teamId), rowKey: record.key, claimedAt: '1970-01-01T00:00:00.000Z', uncertain: true }, 'Merge', { etag: record.etag });
    } catch (error) {
      const status = storageStatus(error);
      if (status !== 404 && status !== 412) throw error;
    }
  }
}
