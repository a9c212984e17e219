/**
 * Paces the reminder service's SharePoint calls to a resource-unit budget, so a pass over many
 * practices stays inside the tenant's app limit (SharePoint: 1,200 units a minute for a tenant of
 * under 1,000 licences, shared by every app and by people using the tab) instead of being
 * throttled. Practices still run concurrently; only the rate of SharePoint calls is held.
 *
 * A token bucket: it holds at most `burst` units (default one second's worth, at least 2) and
 * refills at (unitsPerMinute - burst) a minute, so no 60-second window ever draws more than
 * `unitsPerMinute` (what is in the bucket at its start plus what refills during it). Callers are
 * served first come, first served. A call larger than the bucket waits for a full bucket and then
 * borrows; the service never makes one (its calls cost 1 or 2 units).
 *
 * Clock and sleep are injected so tests run without wall time.
 */
import type { BeforeAttempt } from '@graph/client';
import { requestUnits } from '@graph/client';

export interface PacerOptions {
  readonly unitsPerMinute: number;
  /** Units the bucket can hold. Default max(2, ceil(unitsPerMinute / 60)). */
  readonly burst?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface PacerStats {
  /** Units drawn so far. */
  readonly units: number;
  /** Times a caller had to wait, and for how long in all. */
  readonly waits: number;
  readonly waitedMs: number;
}

export class ResourceUnitPacer {
  readonly unitsPerMinute: number;
  readonly burst: number;
  private readonly perMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();
  private drawn = { units: 0, waits: 0, waitedMs: 0 };

  /** @throws RangeError when the budget is not more than the burst (nothing would ever refill). */
  constructor(options: PacerOptions) {
    this.unitsPerMinute = options.unitsPerMinute;
    this.burst = options.burst ?? Math.max(2, Math.ceil(options.unitsPerMinute / 60));
    if (!(this.unitsPerMinute > this.burst) || !(this.burst > 0)) {
      throw new RangeError(`A pacer needs more units a minute (${this.unitsPerMinute}) than its burst (${this.burst}).`);
    }
    this.perMs = (this.unitsPerMinute - this.burst) / 60_000;
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.tokens = this.burst;
    this.last = this.now();
  }

  /** Resolves when `units` may be spent (at once for 0). Calls are served in the order made. */
  take(units: number): Promise<void> {
    if (!(units > 0)) return Promise.resolve();
    const turn = this.queue.then(() => this.acquire(units));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  stats(): PacerStats {
    return { ...this.drawn };
  }

  private refill(): void {
    const at = this.now();
    this.tokens = Math.min(this.burst, this.tokens + (at - this.last) * this.perMs);
    this.last = at;
  }

  private async acquire(units: number): Promise<void> {
    const needed = Math.min(units, this.burst);
    this.refill();
    while (this.tokens < needed) {
      const waitMs = Math.max(1, Math.ceil((needed - this.tokens) / this.perMs));
      this.drawn.waits += 1;
      this.drawn.waitedMs += waitMs;
      await this.sleep(waitMs);
      this.refill();
    }
    this.tokens -= units;
    this.drawn.units += units;
  }
}

/** A Graph client `beforeAttempt` hook that draws each SharePoint call's estimated units from `pacer`. */
export function paceSharePoint(pacer: ResourceUnitPacer): BeforeAttempt {
  return (attempt) => pacer.take(requestUnits(attempt.method, attempt.url, attempt.body));
}
