/**
 * What a workload cost, counted as Microsoft would (for benchmarks and capacity checks):
 *
 * - graphRequests: every Graph request, counting each inner request of a `$batch` (Graph throttles
 *   them one by one); the `$batch` envelope itself is counted separately as `batches`.
 * - resourceUnits: SharePoint's app budget accounting for list and site calls, by the emulator's own
 *   cost table from Microsoft's documentation (model/resourceUnits.ts), never the client's estimate.
 * - posts: channel messages created (Graph delegated posts and Bot Connector proactive posts).
 * - throttled: answers with 429 or 503 (Graph and Bot Connector).
 *
 * Kept beside the emulator's state (a WeakMap, so the state's shape does not change) and fed by the
 * pipeline once per answered request.
 */
import { resourceUnitsOf } from './resourceUnits';
import type { EmuRequest, EmuResponse } from '../http';
import type { EmulatorState } from './state';

export interface RequestCounts {
  graphRequests: number;
  batches: number;
  resourceUnits: number;
  posts: number;
  throttled: number;
}

const BOT_POST = /^\/emulator\/botframework\/v3\/conversations\/?$/;
const GRAPH_POST = /^\/v1\.0\/teams\/[^/]+\/channels\/[^/]+\/messages\/?$/i;

export class RequestAccounting {
  private counts: RequestCounts = RequestAccounting.zero();

  private static zero(): RequestCounts {
    return { graphRequests: 0, batches: 0, resourceUnits: 0, posts: 0, throttled: 0 };
  }

  /** A copy of the counts so far. */
  snapshot(): RequestCounts {
    return { ...this.counts };
  }

  reset(): void {
    this.counts = RequestAccounting.zero();
  }

  /** Counts one answered request (called by the pipeline for every request, inner batch ones included). */
  record(req: EmuRequest, response: EmuResponse): void {
    const path = new URL(req.pathAndQuery, req.origin).pathname;
    const ok = response.status >= 200 && response.status < 300;
    const throttled = response.status === 429 || response.status === 503;
    if (BOT_POST.test(path)) {
      if (throttled) this.counts.throttled += 1;
      if (ok && req.method === 'POST') this.counts.posts += 1;
      return;
    }
    if (!/^\/v1\.0\//i.test(path) || req.method === 'OPTIONS') return;
    if (/^\/v1\.0\/\$batch\/?$/i.test(path)) {
      this.counts.batches += 1;
      return;
    }
    this.counts.graphRequests += 1;
    if (throttled) this.counts.throttled += 1;
    if (ok && req.method === 'POST' && GRAPH_POST.test(path)) this.counts.posts += 1;
    this.counts.resourceUnits += resourceUnitsOf(req.method, req.pathAndQuery);
  }
}

const ledgers = new WeakMap<EmulatorState, RequestAccounting>();

/** The accounting of one emulator (created on first use). */
export function accountingOf(state: EmulatorState): RequestAccounting {
  let accounting = ledgers.get(state);
  if (!accounting) {
    accounting = new RequestAccounting();
    ledgers.set(state, accounting);
  }
  return accounting;
}
