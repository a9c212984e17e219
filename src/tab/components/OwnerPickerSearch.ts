/**
 * The owner picker's search, without React so it can be tested with fake timers. It is kind to a
 * directory of 1.5 million people:
 * - the practice's team is filtered locally on every keystroke (no request);
 * - the directory and `/me/people` are asked only after a pause in typing (debounce);
 * - a request in flight is aborted when the text changes, and an older answer never replaces a newer one;
 * - an answer is remembered per query, so deleting back to earlier text asks again for nothing;
 * - a throttled directory (429) shows "Directory busy, try again", keeps what was typed, and is not
 *   asked again before its Retry-After has passed.
 */
import { normaliseQuery, rankCandidates, type PersonCandidate } from '@domain/people';

export type SearchStatus = 'idle' | 'searching' | 'busy' | 'error' | 'done';

export interface DirectorySearchState {
  /** The text as typed (kept through errors and throttling). */
  readonly query: string;
  readonly results: readonly PersonCandidate[];
  readonly status: SearchStatus;
  /** A sentence for the user, or '' when there is nothing to say. */
  readonly message: string;
}

type Search = (query: string, signal: AbortSignal) => Promise<readonly PersonCandidate[]>;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DirectorySearchOptions {
  /** The practice's team as candidates; read on every keystroke, so keep it cached. */
  teamMembers: () => readonly PersonCandidate[];
  searchDirectory: Search;
  /** People the user works with; optional, and its failures are ignored (it only improves ranking). */
  searchPeople?: Search;
  debounceMs?: number;
  /** Shorter queries search the team only. */
  minDirectoryChars?: number;
  timers?: Timers;
  now?: () => number;
}

export const BUSY_MESSAGE = 'Directory busy, try again';
export const ERROR_MESSAGE = 'Could not search the NHS directory. Check your connection and try again.';
export const NO_MATCH_MESSAGE = 'No one found. Check the spelling, or try their email address.';
export const KEEP_TYPING_MESSAGE = 'Keep typing to search the NHS directory.';
const CACHE_SIZE = 30;
/** Used when a 429 carries no Retry-After. */
const DEFAULT_BUSY_MS = 5000;

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function throttledFor(error: unknown): number | undefined {
  const details = error as { status?: unknown; retryAfterSeconds?: unknown } | null;
  if (typeof details !== 'object' || details === null || details.status !== 429) return undefined;
  return typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds * 1000 : DEFAULT_BUSY_MS;
}

interface Answers {
  people: readonly PersonCandidate[];
  directory: readonly PersonCandidate[];
}

export class DirectorySearchController {
  private state: DirectorySearchState = { query: '', results: [], status: 'idle', message: '' };
  private readonly listeners = new Set<() => void>();
  private readonly cache = new Map<string, Answers>();
  private readonly timers: Timers;
  private readonly now: () => number;
  private searched = '';
  private generation = 0;
  private timer: unknown = undefined;
  private inFlight: AbortController | undefined;
  private busyUntil = 0;

  constructor(private readonly options: DirectorySearchOptions) {
    this.timers = options.timers ?? defaultTimers;
    this.now = options.now ?? (() => Date.now());
    this.state = { ...this.state, results: this.rank('', { people: [], directory: [] }) };
  }

  getState = (): DirectorySearchState => this.state;

  /** For `useSyncExternalStore`. @returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Call on every change of the text box. */
  onInput(text: string): void {
    const query = normaliseQuery(text);
    if (query === this.searched && this.state.status !== 'error') {
      this.set({ query: text });
      return;
    }
    this.searched = query;
    this.cancel();
    const longEnough = Array.from(query).length >= (this.options.minDirectoryChars ?? 2);
    const cached = this.cache.get(query);
    if (!longEnough || cached) {
      const empty = { people: [], directory: [] };
      const results = this.rank(query, cached ?? empty);
      const message = !longEnough ? (query === '' ? '' : KEEP_TYPING_MESSAGE) : results.length === 0 ? NO_MATCH_MESSAGE : '';
      this.set({ query: text, results, status: longEnough ? 'done' : 'idle', message });
      return;
    }
    const busy = this.busyUntil > this.now();
    this.set({
      query: text,
      results: this.rank(query, { people: [], directory: [] }),
      status: busy ? 'busy' : 'searching',
      message: busy ? BUSY_MESSAGE : '',
    });
    this.schedule(this.options.debounceMs ?? 300);
  }

  /** "Try again": searches the current text now, or as soon as the directory's Retry-After allows. */
  retry(): void {
    if (Array.from(this.searched).length < (this.options.minDirectoryChars ?? 2)) return;
    this.cancel();
    this.cache.delete(this.searched);
    this.schedule(0);
  }

  /** Call when the team list has been (re)loaded: the shown results are re-ranked with it. */
  refreshTeam(): void {
    const answers = this.cache.get(this.searched) ?? { people: [], directory: [] };
    this.set({ results: this.rank(this.searched, answers) });
  }

  /** Stops timers and aborts any request (when the picker closes). */
  dispose(): void {
    this.cancel();
    this.listeners.clear();
  }

  private rank(query: string, answers: Answers): PersonCandidate[] {
    return rankCandidates(this.options.teamMembers(), answers.people, answers.directory, query);
  }

  private cancel(): void {
    this.generation += 1;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    // Aborting a finished request does nothing; aborting one in flight frees the connection.
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  private schedule(debounceMs: number): void {
    const wait = Math.max(debounceMs, this.busyUntil - this.now());
    const generation = this.generation;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      if (generation === this.generation) void this.search(this.searched, generation);
    }, wait);
  }

  private async search(query: string, generation: number): Promise<void> {
    const abort = new AbortController();
    this.inFlight = abort;
    this.set({ status: 'searching', message: '' });
    const answers: Answers = { people: [], directory: [] };
    const current = (): boolean => generation === this.generation;
    // People arrive whenever they do and only re-rank; the directory's answer decides the status.
    void (this.options.searchPeople?.(query, abort.signal) ?? Promise.resolve([])).then(
      (found) => {
        answers.people = found;
        if (current() && found.length > 0) this.publish(query, answers, {});
      },
      () => undefined,
    );
    try {
      answers.directory = await this.options.searchDirectory(query, abort.signal);
    } catch (error) {
      if (!current()) return;
      const busyMs = throttledFor(error);
      if (busyMs !== undefined) this.busyUntil = this.now() + busyMs;
      this.publish(query, answers, busyMs === undefined ? { status: 'error', message: ERROR_MESSAGE } : { status: 'busy', message: BUSY_MESSAGE });
      return;
    }
    if (!current()) return;
    this.remember(query, answers);
    this.publish(query, answers, { status: 'done' });
  }

  /** Shows the merged results; once done, an empty list says so. */
  private publish(query: string, answers: Answers, change: Partial<DirectorySearchState>): void {
    const results = this.rank(query, answers);
    const status = change.status ?? this.state.status;
    const message = change.message ?? (status === 'done' ? (results.length === 0 ? NO_MATCH_MESSAGE : '') : this.state.message);
    this.set({ results, status, message });
  }

  private remember(query: string, answers: Answers): void {
    this.cache.delete(query);
    this.cache.set(query, answers);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
  }

  private set(change: Partial<DirectorySearchState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
