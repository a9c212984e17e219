/**
 * Throttling (matrix A1/A2/A4): 429 and 503 with Retry-After as seconds and as an HTTP date, up to
 * SharePoint's 300 seconds, honoured in full through the real Graph layer. Time is virtual (the
 * client's injected sleep and clock), so "no request before it expires" is exact, not a race.
 * The "busy" wording the tab shows for each wait is checked too (retryWaitText).
 */
import { randomUUID } from 'node:crypto';
import { emptyEntry } from '../../src/domain';
import type { FaultStatus } from '../../src/emulator/faults';
import { retryWaitText } from '../../src/tab/state/retryWaits';
import { startTestEmulator, type RunningEmulator } from '../support/emulator';
import { faultClient } from './faultRig';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

const CASES: { status: FaultStatus; seconds: number; form: 'seconds' | 'http-date' }[] = [
  { status: 429, seconds: 7, form: 'seconds' },
  { status: 429, seconds: 300, form: 'seconds' },
  { status: 429, seconds: 300, form: 'http-date' },
  { status: 503, seconds: 30, form: 'seconds' },
  { status: 503, seconds: 300, form: 'http-date' },
];

describe.each(CASES)('$status with Retry-After $seconds s as $form', ({ status, seconds, form }) => {
  it('sends nothing before Retry-After expires, then reads the register; the tab says it is busy', async () => {
    const rig = faultClient(emulator.url);
    const retryAfter = form === 'seconds' ? seconds : new Date(rig.now() + seconds * 1000).toUTCString();
    emulator.faults.add({ method: 'GET', path: '/lists/[^/]+/items$', status, retryAfter, times: 1 });

    const entries = await rig.store.list();

    const reads = rig.sent.filter((request) => request.path.includes('/items?'));
    expect(reads.map((request) => request.status)).toEqual([status, 200]);
    const [refused, retried] = reads as [(typeof reads)[0], (typeof reads)[0]];
    const gap = retried.at - refused.at;
    expect(gap).toBeGreaterThanOrEqual(seconds * 1000);
    expect(rig.waits).toEqual([{ status, waitMs: seconds * 1000, attempt: 1 }]);
    expect(retryWaitText(rig.waits[0]?.waitMs ?? 0)).toBe(`SharePoint is busy. Trying again in ${seconds} seconds…`);
    expect(Array.isArray(entries)).toBe(true);
    console.log(`${status} Retry-After ${seconds}s (${form}): requests inside the window: 0; waited ${gap / 1000}s; early retries: 0`);
  });
});

it('a throttled save (429, Retry-After 300) is sent once more after 300 s and saved once', async () => {
  const rig = faultClient(emulator.url);
  emulator.faults.add({ method: 'POST', path: '/lists/[^/]+/items$', status: 429, retryAfter: 300, times: 1 });
  const title = `Throttled create ${randomUUID()}`;
  const created = await rig.store.create({ ...emptyEntry(), title, dataTypes: ['none'] }, randomUUID());
  const posts = rig.sent.filter((request) => request.method === 'POST');
  expect(posts.map((request) => request.status)).toEqual([429, 201]);
  expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBe(300_000);
  expect((await rig.store.list()).filter((stored) => stored.entry.title === title).map((stored) => stored.id)).toEqual([created.id]);
  console.log('throttled save: duplicates 0, requests inside the 300 s window 0');
});

it('an HTTP-date Retry-After already in the past means "now": retried at once, but at most 4 times (no hot loop)', async () => {
  const rig = faultClient(emulator.url);
  emulator.faults.add({ method: 'GET', path: '/lists/[^/]+/items$', status: 503, retryAfter: new Date(rig.now() - 60_000).toUTCString(), times: 3 });
  await rig.store.list();
  const reads = rig.sent.filter((request) => request.path.includes('/items?'));
  expect(reads.map((request) => request.status)).toEqual([503, 503, 503, 200]);
  expect(reads.length).toBeLessThanOrEqual(5);
  console.log(`503 x3 then 200: ${reads.length} requests in all, 1 success`);
});

describe('a 429 or 503 whose Retry-After the browser cannot read (Graph\'s CORS hides it)', () => {
  it.each([429, 503] as const)('%i: waits by the documented backoff (floor 5 s, doubling, jitter), never sooner, and says how long', async (status) => {
    const rig = faultClient(emulator.url, { browserView: true });
    emulator.faults.add({ method: 'GET', path: '/lists/[^/]+/items$', status, retryAfter: 2, times: 2 });

    const entries = await rig.store.list();

    const reads = rig.sent.filter((request) => request.path.includes('/items?'));
    expect(reads.map((request) => request.status)).toEqual([status, status, 200]);
    expect(rig.waits.map((wait) => wait.attempt)).toEqual([1, 2]);
    const [first, second] = rig.waits as unknown as [RetryWaitLike, RetryWaitLike];
    expect(first.waitMs).toBeGreaterThanOrEqual(5000);
    expect(first.waitMs).toBeLessThanOrEqual(6250);
    expect(second.waitMs).toBeGreaterThanOrEqual(10_000);
    expect(second.waitMs).toBeLessThanOrEqual(12_500);
    // No request went out before each wait had fully passed.
    expect((reads[1]?.at ?? 0) - (reads[0]?.at ?? 0)).toBe(first.waitMs);
    expect((reads[2]?.at ?? 0) - (reads[1]?.at ?? 0)).toBe(second.waitMs);
    expect(retryWaitText(first.waitMs)).toMatch(/^SharePoint is busy\. Trying again in [5-7] seconds…$/);
    expect(entries.length).toBeGreaterThan(0);
    console.log(`${status} without a readable Retry-After: waited ${first.waitMs / 1000}s then ${second.waitMs / 1000}s; early retries: 0`);
  });
});

type RetryWaitLike = { waitMs: number; attempt: number };
