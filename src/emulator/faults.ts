/**
 * Fault injection for tests and benchmarks: throttling (429/503 with Retry-After), server errors,
 * ambiguous failures (the write commits, then a 504 comes back), dropped connections and latency.
 *
 * Randomness (`probability`) comes from a seeded PRNG, so a failing chaos run replays from its seed.
 * Faults apply to Graph calls (`/v1.0/...`, including each `$batch` inner request), never to the
 * emulator's own `/emulator/...` control endpoints.
 */
import { seededRandom, type Random } from './prng';

export type FaultStatus = 429 | 500 | 502 | 503 | 504;

export interface FaultRule {
  /** HTTP method to match (any when absent). */
  readonly method?: string;
  /** Regular expression (source text) tested against the path, e.g. `/lists/[^/]+/items$`. */
  readonly path?: string;
  readonly status: FaultStatus;
  /** `Retry-After` header value: seconds (may be fractional) or an HTTP-date string. */
  readonly retryAfter?: number | string;
  /** How many times the rule fires before it is removed (unlimited when absent). */
  readonly times?: number;
  /** Chance (0..1) that a matching request is hit; 1 when absent. */
  readonly probability?: number;
  /** Apply the request first, then answer with `status`: an ambiguous failure. */
  readonly afterCommit?: boolean;
  /** Destroy the connection instead of answering. */
  readonly dropConnection?: boolean;
}

export interface ActiveFault {
  readonly id: string;
  readonly rule: FaultRule;
  remaining: number;
}

const FAULT_STATUSES: readonly number[] = [429, 500, 502, 503, 504];

/** @throws TypeError when `rule` is not a valid fault rule (used to answer 400 on POST /emulator/faults). */
export function validateFaultRule(rule: unknown): FaultRule {
  if (typeof rule !== 'object' || rule === null) throw new TypeError('A fault rule must be a JSON object.');
  const r = rule as Record<string, unknown>;
  if (!FAULT_STATUSES.includes(r.status as number)) throw new TypeError('status must be one of 429, 500, 502, 503, 504.');
  if (r.method !== undefined && typeof r.method !== 'string') throw new TypeError('method must be a string.');
  if (r.path !== undefined) {
    if (typeof r.path !== 'string') throw new TypeError('path must be a regular expression string.');
    new RegExp(r.path);
  }
  if (r.retryAfter !== undefined && typeof r.retryAfter !== 'number' && typeof r.retryAfter !== 'string')
    throw new TypeError('retryAfter must be seconds or an HTTP-date string.');
  if (r.times !== undefined && !(Number.isInteger(r.times) && (r.times as number) > 0)) throw new TypeError('times must be a positive integer.');
  if (r.probability !== undefined && !(typeof r.probability === 'number' && r.probability >= 0 && r.probability <= 1))
    throw new TypeError('probability must be between 0 and 1.');
  return r as unknown as FaultRule;
}

export class FaultController {
  private rules: ActiveFault[] = [];
  private random: Random;
  private nextId = 1;
  /** Every fault fired so far, for assertions (`{ruleId, method, path, status}`). */
  readonly fired: { ruleId: string; method: string; path: string; status: number }[] = [];

  constructor(
    readonly seed = 1,
    /** Added to every Graph request before it is handled. */
    public latencyMs = 0,
  ) {
    this.random = seededRandom(seed);
  }

  /** Adds a rule; rules are tried in the order added. @returns the rule id. */
  add(rule: FaultRule): string {
    const checked = validateFaultRule(rule);
    const id = String(this.nextId++);
    this.rules.push({ id, rule: checked, remaining: checked.times ?? Number.POSITIVE_INFINITY });
    return id;
  }

  remove(id: string): void {
    this.rules = this.rules.filter((fault) => fault.id !== id);
  }

  /** Removes every rule, resets latency and restarts the PRNG from the seed. */
  clear(): void {
    this.rules = [];
    this.latencyMs = 0;
    this.random = seededRandom(this.seed);
  }

  list(): readonly ActiveFault[] {
    return this.rules;
  }

  /** The rule that fires for this request, if any (consumes one of its `times`). */
  match(method: string, path: string): FaultRule | undefined {
    for (const fault of this.rules) {
      const { rule } = fault;
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.path && !new RegExp(rule.path).test(path)) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.remove(fault.id);
      this.fired.push({ ruleId: fault.id, method, path, status: rule.status });
      return rule;
    }
    return undefined;
  }
}

const FAULT_ERRORS: Record<FaultStatus, { code: string; message: string }> = {
  429: { code: 'TooManyRequests', message: 'Please retry again later.' },
  500: { code: 'generalException', message: 'An unspecified error has occurred.' },
  502: { code: 'badGateway', message: 'The service is temporarily unreachable.' },
  503: { code: 'serviceNotAvailable', message: 'The service is temporarily unavailable. Please retry again later.' },
  504: { code: 'gatewayTimeout', message: 'The operation timed out.' },
};

export function faultError(rule: FaultRule): { code: string; message: string; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  if (rule.retryAfter !== undefined) headers['Retry-After'] = String(rule.retryAfter);
  return { ...FAULT_ERRORS[rule.status], headers };
}
