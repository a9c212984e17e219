/** The resource-unit pacer: a token bucket on an injected clock, never more than its budget in any minute. */
import { ResourceUnitPacer, paceSharePoint } from '../../src/service/ruPacer';

/** A fake clock whose sleep moves time on at once, and a record of every sleep. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
  };
}

test('a full bucket lets the first calls through at once, then paces to the refill rate', async () => {
  const time = fakeTime();
  const pacer = new ResourceUnitPacer({ unitsPerMinute: 1_200, now: time.now, sleep: time.sleep });
  expect(pacer.burst).toBe(20);
  for (let i = 0; i < 10; i++) await pacer.take(2);
  expect(time.sleeps).toEqual([]);
  await pacer.take(2);
  // Refill is (1,200 - 20) units a minute: 2 units take ceil(2 / (1180 / 60000)) ms.
  expect(time.sleeps).toEqual([Math.ceil(2 / (1_180 / 60_000))]);
  expect(pacer.stats()).toMatchObject({ units: 22, waits: 1 });
});

test('no 60-second window ever draws more than the budget, whatever the mix of calls', async () => {
  const time = fakeTime();
  const pacer = new ResourceUnitPacer({ unitsPerMinute: 1_000, now: time.now, sleep: time.sleep });
  const draws: Array<{ at: number; units: number }> = [];
  for (let i = 0; i < 3_000; i++) {
    const units = i % 3 === 0 ? 1 : 2;
    await pacer.take(units);
    draws.push({ at: time.now(), units });
  }
  let start = 0;
  let inWindow = 0;
  let peak = 0;
  for (const draw of draws) {
    inWindow += draw.units;
    while ((draws[start] as { at: number }).at <= draw.at - 60_000) inWindow -= (draws[start++] as { units: number }).units;
    peak = Math.max(peak, inWindow);
  }
  expect(peak).toBeLessThanOrEqual(1_000);
  expect(peak).toBeGreaterThan(950);
  const total = draws.reduce((sum, d) => sum + d.units, 0);
  // Over the whole run the rate is the refill rate (the budget less the burst).
  expect(total / (time.now() / 60_000)).toBeCloseTo(1_000 - 17, -1);
});

test('concurrent callers are served first come, first served, and idle time refills the bucket', async () => {
  const time = fakeTime();
  const pacer = new ResourceUnitPacer({ unitsPerMinute: 120, burst: 2, now: time.now, sleep: time.sleep });
  const order: number[] = [];
  await Promise.all([1, 2, 3, 4].map((n) => pacer.take(2).then(() => order.push(n))));
  expect(order).toEqual([1, 2, 3, 4]);
  // 118 units a minute: each 2-unit call after the first waits about a second.
  expect(time.sleeps).toHaveLength(3);
  time.advance(60_000);
  const before = time.sleeps.length;
  await pacer.take(2);
  expect(time.sleeps).toHaveLength(before);
});

test('calls that cost no SharePoint units never wait; the hook estimates like the emulator', async () => {
  const time = fakeTime();
  const pacer = new ResourceUnitPacer({ unitsPerMinute: 60, burst: 2, now: time.now, sleep: time.sleep });
  const hook = paceSharePoint(pacer);
  await hook({ method: 'GET', url: 'https://graph.microsoft.com/v1.0/teams/t/members', body: undefined });
  await hook({ method: 'POST', url: 'https://graph.microsoft.com/v1.0/teams/t/sendActivityNotification', body: '{}' });
  expect(pacer.stats().units).toBe(0);
  await hook({ method: 'GET', url: 'https://graph.microsoft.com/v1.0/sites/s/lists/l/items/7', body: undefined });
  await hook({ method: 'GET', url: 'https://graph.microsoft.com/v1.0/sites/s/lists/l/items?$filter=x', body: undefined });
  await hook({ method: 'PATCH', url: 'https://graph.microsoft.com/v1.0/sites/s/lists/l/items/7/fields', body: '{}' });
  const batch = JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/sites/s/lists/l/items/1' }, { id: '2', method: 'GET', url: '/users/u' }] });
  await hook({ method: 'POST', url: 'https://graph.microsoft.com/v1.0/$batch', body: batch });
  expect(pacer.stats().units).toBe(1 + 2 + 2 + 1);
});

test('a budget no larger than the burst is refused', () => {
  expect(() => new ResourceUnitPacer({ unitsPerMinute: 2, burst: 2 })).toThrow(RangeError);
});
