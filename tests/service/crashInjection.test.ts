/**
 * Seeded crash injection (the ledger and lease in Table Storage, on Azurite): each trial kills a run at a random step (after taking the lease, after
 * the digest record's claim, after the post, after recording it posted, after the nth
 * notification, after recording it notified), then lets the next run recover. Across every trial
 * no reminder is missed, and a digest line appears twice only when the crash came after the post
 * and before its record (the documented at-most-one-duplicate window); a notification appears
 * twice only when the crash came after it was sent and before its record was marked notified.
 */
import { seededRandom } from '../../src/emulator/prng';
import { CRASH_POINTS, SimulatedCrash, type CrashPoint } from '../../src/service/runReminders';
import { startTestEmulator } from '../support/emulator';
import { BASE_TIME, closeHarnesses, digestLines, harness, LEASE_MS, notifications, sharedAzurite, stopSharedAzurite } from './harness';

beforeAll(() => sharedAzurite());
afterAll(() => stopSharedAzurite());

const TRIALS = 60;
const POINTS: readonly CrashPoint[] = CRASH_POINTS;

function counts(keys: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const key of keys) map.set(key, (map.get(key) ?? 0) + 1);
  return map;
}

async function referenceRun(): Promise<{ lines: Set<string>; notes: Set<string> }> {
  const emulator = await startTestEmulator({ directorySize: 20 });
  try {
    const h = await harness(emulator.url);
    await h.run();
    const notes = (await notifications(emulator.url)).map((n) => `${n.recipientUserId}|${n.activityType}|${n.previewText}`);
    return { lines: new Set(h.cards.flatMap(digestLines)), notes: new Set(notes) };
  } finally {
    await closeHarnesses();
    await emulator.close();
  }
}

test(`${TRIALS} seeded crash trials at every step: zero missed reminders, at most one duplicate digest, only between post and record`, async () => {
  const expected = await referenceRun();
  const random = seededRandom(20_261_123);
  const tally = { trials: 0, missedLines: 0, missedNotes: 0, dupDigests: 0, dupLines: 0, dupNotes: 0, dupOutsideWindow: 0, maxPerLine: 0, maxDigests: 0 };
  const byPoint: Record<string, number> = {};
  for (let trial = 0; trial < TRIALS; trial++) {
    const point = POINTS[Math.floor(random() * POINTS.length)] as CrashPoint;
    // One record (claim, record, notified) and one post per run; several notifications.
    const nth = 1 + Math.floor(random() * (point === 'notify' ? 6 : 1));
    const emulator = await startTestEmulator({ directorySize: 20 });
    try {
      const h = await harness(emulator.url);
      let seen = 0;
      let crashed = false;
      await h
        .run({
          checkpoint: (at) => {
            if (at === point && ++seen === nth) throw new SimulatedCrash(at);
          },
        })
        .catch((error: unknown) => {
          if (!(error instanceof SimulatedCrash)) throw error;
          crashed = true;
        });
      await h.run({ at: new Date(BASE_TIME.getTime() + LEASE_MS + 60_000) });
      const third = await h.run({ at: new Date(BASE_TIME.getTime() + LEASE_MS + 120_000) });
      expect(third.outcomes[0]?.status).toBe('nothing-new');
      expect(third.notificationsSent).toBe(0);

      const lines = counts(h.cards.flatMap(digestLines));
      const notes = counts((await notifications(emulator.url)).map((n) => `${n.recipientUserId}|${n.activityType}|${n.previewText}`));
      const missedLines = [...expected.lines].filter((k) => !lines.has(k)).length;
      const missedNotes = [...expected.notes].filter((k) => !notes.has(k)).length;
      const dupLines = [...lines.values()].reduce((s, n) => s + n - 1, 0);
      const dupNotes = [...notes.values()].reduce((s, n) => s + n - 1, 0);
      tally.trials += 1;
      tally.dupDigests += h.cards.length - 1;
      tally.maxDigests = Math.max(tally.maxDigests, h.cards.length);
      tally.missedLines += missedLines;
      tally.missedNotes += missedNotes;
      tally.dupLines += dupLines;
      tally.dupNotes += dupNotes;
      tally.maxPerLine = Math.max(tally.maxPerLine, ...lines.values(), ...notes.values());
      if (crashed) byPoint[point] = (byPoint[point] ?? 0) + 1;
      // Digest duplicates only when the crash came after the post and before its record;
      // notification duplicates only when it came after a notification and before its record.
      if (dupLines > 0 && point !== 'post') tally.dupOutsideWindow += 1;
      if (dupNotes > 0 && point !== 'notify') tally.dupOutsideWindow += 1;
    } finally {
      await closeHarnesses();
      await emulator.close();
    }
  }
  const reminderCount = expected.lines.size * TRIALS;
  console.log(
    `crash trials: ${tally.trials}; crashes by point ${JSON.stringify(byPoint)}; ` +
      `missed reminders: ${tally.missedLines} of ${reminderCount}; missed notifications: ${tally.missedNotes} of ${expected.notes.size * TRIALS}; ` +
      `duplicate digests: ${tally.dupDigests} (${tally.dupLines} lines); duplicate notifications: ${tally.dupNotes}; most copies of one: ${tally.maxPerLine}; duplicates outside the window: ${tally.dupOutsideWindow}`,
  );
  expect(tally.missedLines).toBe(0);
  expect(tally.missedNotes).toBe(0);
  expect(tally.dupOutsideWindow).toBe(0);
  expect(tally.maxPerLine).toBeLessThanOrEqual(2);
  expect(tally.maxDigests).toBeLessThanOrEqual(2);
  expect(tally.dupDigests).toBeLessThanOrEqual(byPoint.post ?? 0);
  expect(Object.keys(byPoint).sort()).toEqual([...POINTS].sort());
  // Each trial starts its own emulator, bot endpoint and tables: minutes on a busy 2-core machine.
}, 600_000);
