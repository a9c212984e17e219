/**
 * The pending queue behind `notifyIncident`: every incident card (and every update in its thread) is
 * a job keyed by incident key + update key, kept in localStorage so it survives a reload, and retried
 * with backoff until it is posted. The rules that keep a card from being posted twice:
 *
 * - a job that is posted stays posted: notifying the same key again is a no-op;
 * - one job is sent at a time per key (an in-memory lock, plus the `sending` state on disk);
 * - "busy" (429/503, refused before anything was stored) is retried after Retry-After or backoff;
 * - an ambiguous failure (5xx after sending, timeout, lost connection) is never re-posted blindly:
 *   through the service it is retried at the service, whose ledger deduplicates by the same key;
 *   through the delegated Graph post it waits for the person to check the channel (`confirmChecked`);
 * - a job found `sending` after a reload is treated as ambiguous (the page may have died mid-post).
 *
 * Framework-free and clock-injected so it is unit-tested without a browser (tests/tab/features/incidents/notifyQueue.test.ts).
 */

export type RouteName = 'service' | 'graph';

/** What one attempt on one route did. */
export type PostAttempt =
  | { readonly kind: 'posted'; readonly channelName: string; readonly webUrl: string }
  /** Nothing was posted (throttled or busy): try again after `retryAfterMs` when given. */
  | { readonly kind: 'busy'; readonly retryAfterMs?: number }
  /** The post may or may not have been stored. */
  | { readonly kind: 'ambiguous'; readonly message: string }
  /** Nothing was posted and retrying will not help (403, 400). */
  | { readonly kind: 'refused'; readonly message: string }
  /** This route cannot be used (the service is not configured or does not offer the endpoint): nothing was sent. */
  | { readonly kind: 'unavailable' };

export interface NotifyJob {
  readonly incidentKey: string;
  readonly updateKey: string | null;
  /** True after an ambiguous attempt: the route must look for the key in the incident before posting. */
  readonly verifyFirst: boolean;
}

export interface NotifyRoute {
  readonly name: RouteName;
  post(job: NotifyJob): Promise<PostAttempt>;
}

export type PendingState = 'pending' | 'sending' | 'posted' | 'check' | 'failed';

export interface PendingItem {
  readonly id: string;
  readonly incidentKey: string;
  readonly updateKey: string | null;
  /** What the person sees the card is about ("EMIS Web is down", "Update"). */
  readonly label: string;
  readonly state: PendingState;
  readonly attempts: number;
  /** Epoch ms of the next attempt while pending. */
  readonly nextAttemptAt: number;
  /** Ambiguous answers from the service in a row (it deduplicates, so retrying it is safe). */
  readonly serviceAmbiguous: number;
  /** The last attempt was ambiguous: the next route must verify before posting. */
  readonly verifyFirst: boolean;
  readonly channelName?: string;
  readonly webUrl?: string;
  readonly message?: string;
}

export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface NotifyQueueOptions {
  readonly storage: QueueStorage;
  /** One queue per practice team and person: `dsr.incidentCards.<teamId>.<userId>`. */
  readonly storageKey: string;
  /** In order of preference: the service first when configured, then the delegated Graph post. */
  readonly routes: readonly NotifyRoute[];
  readonly now?: () => number;
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  /** Ambiguous service answers in a row before the delegated post is tried (with verifyFirst). */
  readonly serviceAmbiguousLimit?: number;
}

export const jobId = (incidentKey: string, updateKey: string | null): string => `${incidentKey}|${updateKey ?? 'card'}`;

/** Backoff after the n-th busy answer: 2 s, 4 s, 8 s... capped at 2 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(120_000, 2_000 * 2 ** Math.max(0, attempts - 1));
}

function isItem(value: unknown): value is PendingItem {
  const item = value as PendingItem;
  return typeof item === 'object' && item !== null && typeof item.id === 'string' && typeof item.incidentKey === 'string' && typeof item.state === 'string';
}

export class NotifyQueue {
  private items = new Map<string, PendingItem>();
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private timer: unknown = null;
  private readonly now: () => number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly limit: number;

  constructor(private readonly options: NotifyQueueOptions) {
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.limit = options.serviceAmbiguousLimit ?? 3;
    this.load();
  }

  /** Every job, oldest first. */
  list(): PendingItem[] {
    return [...this.items.values()];
  }

  get(incidentKey: string, updateKey: string | null): PendingItem | undefined {
    return this.items.get(jobId(incidentKey, updateKey));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Queues the card for `incidentKey` (or its update `updateKey`) and tries to post it now.
   * Calling it again for a key already queued or posted adds nothing. Resolves after this attempt.
   */
  async notify(incidentKey: string, updateKey: string | null, label: string, alreadyPosted = false): Promise<PendingItem> {
    const id = jobId(incidentKey, updateKey);
    if (!this.items.has(id)) {
      this.put({
        id, incidentKey, updateKey, label, attempts: 0, nextAttemptAt: this.now(), serviceAmbiguous: 0, verifyFirst: false,
        state: alreadyPosted ? 'posted' : 'pending',
      });
    }
    await this.pump();
    return this.items.get(id) as PendingItem;
  }

  /** The person checked the channel and the card is not there: the job may be posted again. */
  async confirmChecked(id: string): Promise<void> {
    const item = this.items.get(id);
    if (!item || (item.state !== 'check' && item.state !== 'failed')) return;
    this.put({ ...item, state: 'pending', nextAttemptAt: this.now(), verifyFirst: false, serviceAmbiguous: 0, message: undefined });
    await this.pump();
  }

  /** Attempts every job that is due, then sets a timer for the next one. */
  async pump(): Promise<void> {
    // No way to post yet (the incidents list is still being looked for): jobs wait as they are.
    if (this.options.routes.length === 0) return;
    const due = this.list().filter((item) => item.state === 'pending' && item.nextAttemptAt <= this.now() && !this.inFlight.has(item.id));
    await Promise.all(due.map((item) => this.attempt(item.id)));
    this.schedule();
  }

  /** Stops the timer (the page is closing or the person signed out); jobs stay on disk. */
  stop(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private async attempt(id: string): Promise<void> {
    const start = this.items.get(id);
    if (!start || start.state !== 'pending' || this.inFlight.has(id)) return;
    this.inFlight.add(id);
    try {
      this.put({ ...start, state: 'sending', attempts: start.attempts + 1 });
      const routes = start.serviceAmbiguous >= this.limit ? this.options.routes.filter((route) => route.name !== 'service') : this.options.routes;
      let outcome: { route: RouteName; result: PostAttempt } | null = null;
      for (const route of routes) {
        const job = { incidentKey: start.incidentKey, updateKey: start.updateKey, verifyFirst: start.verifyFirst };
        let result: PostAttempt;
        try {
          result = await route.post(job);
        } catch (error) {
          // A route that throws has not said what happened: assume the worst.
          result = { kind: 'ambiguous', message: error instanceof Error ? error.message : String(error) };
        }
        outcome = { route: route.name, result };
        if (result.kind !== 'unavailable') break;
      }
      this.settle(id, outcome);
    } finally {
      this.inFlight.delete(id);
    }
  }

  private settle(id: string, outcome: { route: RouteName; result: PostAttempt } | null): void {
    const item = this.items.get(id) as PendingItem;
    if (!outcome || outcome.result.kind === 'unavailable') {
      this.put({ ...item, state: 'failed', message: 'Neither the service nor a channel post is available.' });
      return;
    }
    const { route, result } = outcome;
    switch (result.kind) {
      case 'posted':
        this.put({ ...item, state: 'posted', channelName: result.channelName, webUrl: result.webUrl, message: undefined, verifyFirst: false });
        return;
      case 'busy': {
        const wait = Math.max(result.retryAfterMs ?? 0, backoffMs(item.attempts));
        this.put({ ...item, state: 'pending', nextAttemptAt: this.now() + wait, message: undefined });
        return;
      }
      case 'refused':
        this.put({ ...item, state: 'failed', message: result.message });
        return;
      case 'ambiguous':
        if (route === 'service') {
          // The service's ledger deduplicates by key, so asking it again is safe; after a few tries the
          // delegated post takes over, looking for the key in the incident first.
          const serviceAmbiguous = item.serviceAmbiguous + 1;
          this.put({ ...item, state: 'pending', serviceAmbiguous, verifyFirst: true, nextAttemptAt: this.now() + backoffMs(item.attempts), message: result.message });
        } else {
          this.put({ ...item, state: 'check', verifyFirst: true, message: result.message });
        }
    }
  }

  private schedule(): void {
    this.stop();
    const next = this.list().filter((item) => item.state === 'pending').map((item) => item.nextAttemptAt);
    if (next.length === 0) return;
    const wait = Math.max(0, Math.min(...next) - this.now());
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.pump();
    }, wait);
  }

  private put(item: PendingItem): void {
    this.items.set(item.id, item);
    this.save();
    for (const listener of [...this.listeners]) listener();
  }

  private load(): void {
    let parsed: unknown = [];
    try {
      parsed = JSON.parse(this.options.storage.getItem(this.options.storageKey) ?? '[]');
    } catch {
      parsed = [];
    }
    for (const value of Array.isArray(parsed) ? parsed : []) {
      if (!isItem(value)) continue;
      // Found mid-post after a reload: the previous page may have posted it. Never blindly again.
      // With the service, asking it again is safe (its ledger deduplicates); without it, the person checks the channel.
      const hasService = this.options.routes.some((route) => route.name === 'service');
      const recovered: PendingItem = { ...value, state: hasService ? 'pending' : 'check', verifyFirst: true, serviceAmbiguous: value.serviceAmbiguous + 1,
        message: 'The page closed while the card was being posted.' };
      const item = value.state === 'sending' ? recovered : value;
      this.items.set(item.id, item);
    }
  }

  private save(): void {
    try {
      // Posted jobs are kept (so a key is never posted twice from this browser), but only the latest 200.
      const all = this.list();
      this.options.storage.setItem(this.options.storageKey, JSON.stringify(all.slice(Math.max(0, all.length - 200))));
    } catch {
      // Storage full or blocked (private mode): the queue still works for this page.
    }
  }
}
