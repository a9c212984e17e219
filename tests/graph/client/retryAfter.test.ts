import { MIN_DATE_WAIT_MS, retryAfterMs } from '../../../src/graph/client/retryAfter';

describe('Retry-After', () => {
  const now = Date.parse('2026-11-23T09:00:00Z');

  it('reads delay-seconds, fractional seconds and values above 300 without a cap', () => {
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('1.5', now)).toBe(1500);
    expect(retryAfterMs('301', now)).toBe(301_000);
  });

  it('reads an HTTP-date as the time left until it', () => {
    expect(retryAfterMs('Mon, 23 Nov 2026 09:00:30 GMT', now)).toBe(30_000);
  });

  it('waits at least a second for an HTTP-date that already looks past (clock skew), never retrying at once', () => {
    expect(retryAfterMs('Mon, 23 Nov 2026 08:59:00 GMT', now)).toBe(MIN_DATE_WAIT_MS);
  });

  it('ignores an absent or unreadable header', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
