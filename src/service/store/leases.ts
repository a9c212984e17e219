/**
 * Per-practice leases shared by every worker: at most one worker reminds a practice at a time, and a
 * practice one worker has just finished is not done again by another in the same round.
 *
 * The lease entity (PartitionKey 'lease', RowKey = team id) holds `holder` (a run id, '' when free),
 * `until` (when it runs out) and `completedAt` (when a run last finished the practice). It changes
 * only through ETag-conditional writes, so of two workers only one can take it. A lease past its
 * `until` is taken over (its holder crashed or hung) and the caller logs that. Separately, 'skips'
 * entities count the runs in a row that found the lease held BY THE SAME RUN; a run that completes the
 * practice sets it back to 0. Counting per holder matters when two workers race: a skip noted just
 * after the holder completed (and reset the count) would otherwise be added to the next round's
 * ordinary skip and report a practice that is fine as stuck. Kept apart from the lease so a skipping
 * worker never changes the holder's ETag.
 */
import type { TableClient } from '@azure/data-tables';
import { storageStatus } from './tables';

const LEASE = 'lease';
const SKIPS = 'skips';

export type LeaseResult =
  | { readonly kind: 'taken'; readonly lease: HeldLease; readonly tookOverFrom: { holder: string; until: string } | null }
  | { readonly kind: 'held'; readonly holder: string; readonly until: string }
  /** Completed by a run within the sharing window: another worker has done it this round. */
  | { readonly kind: 'done'; readonly completedAt: string };

export interface HeldLease {
  readonly teamId: string;
  readonly holder: string;
  readonly etag: string;
  /** Epoch ms when it runs out. */
  readonly until: number;
}

interface LeaseEntity {
  holder?: string;
  until?: string;
  completedAt?: string;
  etag: string;
}

export class LeaseStore {
  constructor(private readonly table: TableClient) {}

  /**
   * Takes the practice's lease for `holder` until now + `leaseMs`, unless another holder's lease is
   * still running, or a run completed the practice at or after `doneSince` (ISO; null = never skip).
   */
  async take(teamId: string, holder: string, now: Date, leaseMs: number, doneSince: string | null): Promise<LeaseResult> {
    const until = new Date(now.getTime() + leaseMs);
    const fields = { holder, until: until.toISOString() };
    const current = await this.read(teamId);
    if (current === null) {
      try {
        const created = await this.table.createEntity({ partitionKey: LEASE, rowKey: teamId, ...fields, completedAt: '' });
        return { kind: 'taken', lease: { teamId, holder, etag: created.etag ?? '', until: until.getTime() }, tookOverFrom: null };
      } catch (error) {
        if (storageStatus(error) !== 409) throw error;
        // Another worker created it first: it holds it now.
        const winner = await this.read(teamId);
        return { kind: 'held', holder: winner?.holder ?? '', until: winner?.until ?? '' };
      }
    }
    const running = current.holder && current.until && Date.parse(current.until) > now.getTime();
    if (running && current.holder !== holder) return { kind: 'held', holder: current.holder as string, until: current.until as string };
    if (!current.holder && doneSince !== null && current.completedAt && current.completedAt >= doneSince) return { kind: 'done', completedAt: current.completedAt };
    const tookOverFrom = current.holder && current.holder !== holder ? { holder: current.holder, until: current.until ?? '' } : null;
    try {
      const updated = await this.table.updateEntity({ partitionKey: LEASE, rowKey: teamId, ...fields }, 'Merge', { etag: current.etag });
      return { kind: 'taken', lease: { teamId, holder, etag: updated.etag ?? '', until: until.getTime() }, tookOverFrom };
    } catch (error) {
      if (storageStatus(error) !== 412) throw error;
      const winner = await this.read(teamId);
      return { kind: 'held', holder: winner?.holder ?? '', until: winner?.until ?? '' };
    }
  }

  /**
   * Frees the lease; `completed` also stamps the practice done and clears its skip count.
   * @returns false when the lease was no longer ours (it ran out and another run took it over).
   */
  async release(lease: HeldLease, now: Date, completed: boolean): Promise<boolean> {
    const fields = completed ? { holder: '', until: now.toISOString(), completedAt: now.toISOString() } : { holder: '', until: now.toISOString() };
    try {
      await this.table.updateEntity({ partitionKey: LEASE, rowKey: lease.teamId, ...fields }, 'Merge', { etag: lease.etag });
    } catch (error) {
      if (storageStatus(error) === 412) return false;
      throw error;
    }
    if (completed) await this.table.upsertEntity({ partitionKey: SKIPS, rowKey: lease.teamId, count: 0, holder: '' }, 'Replace');
    return true;
  }

  /** Counts one more run in a row that found the lease held by `holder` (a run id). @returns the new count. */
  async noteSkip(teamId: string, holder: string): Promise<number> {
    for (let attempt = 0; attempt < 5; attempt++) {
      let entity: { count?: unknown; holder?: unknown; etag: string } | null = null;
      try {
        entity = (await this.table.getEntity(SKIPS, teamId)) as { count?: unknown; holder?: unknown; etag: string };
      } catch (error) {
        if (storageStatus(error) !== 404) throw error;
      }
      // Another holder than last time: the earlier one finished or lost the lease, so this is a first skip.
      const sameHolder = entity?.holder === undefined || entity.holder === '' || entity.holder === holder;
      const count = (sameHolder && typeof entity?.count === 'number' ? entity.count : 0) + 1;
      try {
        if (entity === null) await this.table.createEntity({ partitionKey: SKIPS, rowKey: teamId, count, holder });
        else await this.table.updateEntity({ partitionKey: SKIPS, rowKey: teamId, count, holder }, 'Replace', { etag: entity.etag });
        return count;
      } catch (error) {
        const status = storageStatus(error);
        if (status !== 409 && status !== 412) throw error;
      }
    }
    throw new Error('Could not count the skipped run: the count kept changing.');
  }

  private async read(teamId: string): Promise<LeaseEntity | null> {
    try {
      return (await this.table.getEntity(LEASE, teamId)) as unknown as LeaseEntity;
    } catch (error) {
      if (storageStatus(error) === 404) return null;
      throw error;
    }
  }
}
