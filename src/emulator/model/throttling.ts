/**
 * Throttling as Microsoft documents it, not as injected faults:
 *
 * - SharePoint resource units, per app per tenant, per minute and per day, with the budget of the
 *   tenant's licence tier (sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-
 *   blocked-in-sharepoint-online.md, "Application throttling"). Delegated and app-only calls of one
 *   app share its bucket. Throttled requests still count ("throttled requests count towards usage
 *   limits"). Over budget: 429 `activityLimitReached` with Retry-After (seconds to the window's end).
 *   With application permissions, at 80% of the minute's budget or more, answers carry the
 *   `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` headers (same page, "RateLimit
 *   headers"; they are sent only for application permissions).
 * - Channel messages: per app per channel, 4 requests a second and 3,000 messages a day
 *   (concepts/throttling-limits.md, "Microsoft Teams service limits": POST channel message).
 *
 * Windows are fixed (the current minute, second or UTC day of the emulator's clock), so a test with
 * a fixed clock sees exact numbers.
 */
import { GraphHttpError } from '../errors';
import { TENANT_TIERS } from './resourceUnits';
import type { EmulatorState } from './state';

const MINUTE = 60_000;
const DAY = 86_400_000;
const SECOND = 1_000;
export const CHANNEL_POSTS_PER_SECOND = 4;
export const CHANNEL_POSTS_PER_DAY = 3_000;

interface Window {
  start: number;
  used: number;
}

function windowAt(map: Map<string, Window>, key: string, now: number, size: number): Window {
  const start = Math.floor(now / size) * size;
  let window = map.get(key);
  if (!window || window.start !== start) {
    window = { start, used: 0 };
    map.set(key, window);
  }
  return window;
}

const retryAfter = (window: Window, size: number, now: number) => String(Math.max(1, Math.ceil((window.start + size - now) / 1000)));

export class Throttling {
  private readonly minutes = new Map<string, Window>();
  private readonly days = new Map<string, Window>();
  private readonly channelSeconds = new Map<string, Window>();
  private readonly channelDays = new Map<string, Window>();

  constructor(private readonly state: EmulatorState) {}

  reset(): void {
    for (const map of [this.minutes, this.days, this.channelSeconds, this.channelDays]) map.clear();
  }

  /**
   * Draws `units` from the app's budget.
   * @returns headers to add to the answer (RateLimit-* for app-only callers near the limit).
   * @throws GraphHttpError 429 when the minute's or the day's budget is spent.
   */
  drawResourceUnits(appId: string, appOnly: boolean, units: number): Record<string, string> {
    if (units <= 0 || !this.state.strictness.ruThrottling) return {};
    const budget = TENANT_TIERS[this.state.strictness.tenantTier];
    const now = this.state.now().getTime();
    const key = `emulator/${appId}`;
    const minute = windowAt(this.minutes, key, now, MINUTE);
    const day = windowAt(this.days, key, now, DAY);
    minute.used += units;
    day.used += units;
    const rateLimit = (): Record<string, string> =>
      appOnly && minute.used >= budget.perMinute * 0.8
        ? {
            'RateLimit-Limit': String(budget.perMinute),
            'RateLimit-Remaining': String(Math.max(0, budget.perMinute - minute.used)),
            'RateLimit-Reset': retryAfter(minute, MINUTE, now),
          }
        : {};
    if (day.used > budget.perDay)
      throw new GraphHttpError(429, 'activityLimitReached', 'The request has been throttled: the application has used its resource units for the day.', { 'Retry-After': retryAfter(day, DAY, now), ...rateLimit() });
    if (minute.used > budget.perMinute)
      throw new GraphHttpError(429, 'activityLimitReached', 'The request has been throttled: the application has used its resource units for this minute.', { 'Retry-After': retryAfter(minute, MINUTE, now), ...rateLimit() });
    return rateLimit();
  }

  /** @throws GraphHttpError 429 when the app has posted too often to the channel. */
  drawChannelPost(appId: string, teamId: string, channelId: string): void {
    if (!this.state.strictness.channelPostRateLimit) return;
    const now = this.state.now().getTime();
    const key = `${appId}/${teamId}/${channelId}`;
    const second = windowAt(this.channelSeconds, key, now, SECOND);
    const day = windowAt(this.channelDays, key, now, DAY);
    if (day.used >= CHANNEL_POSTS_PER_DAY)
      throw new GraphHttpError(429, 'TooManyRequests', 'The application has posted the most messages a day allows in this channel.', { 'Retry-After': retryAfter(day, DAY, now) });
    if (second.used >= CHANNEL_POSTS_PER_SECOND)
      throw new GraphHttpError(429, 'TooManyRequests', 'Too many requests to this channel. Please retry again later.', { 'Retry-After': retryAfter(second, SECOND, now) });
    second.used += 1;
    day.used += 1;
  }
}

const ledgers = new WeakMap<EmulatorState, Throttling>();

export function throttlingOf(state: EmulatorState): Throttling {
  let throttling = ledgers.get(state);
  if (!throttling) {
    throttling = new Throttling(state);
    ledgers.set(state, throttling);
  }
  return throttling;
}
