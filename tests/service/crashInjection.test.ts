/**
 * Seeded crash injection: each trial kills a run at a random step (after a claim, after the post,
 * after a record, after a notification), then lets the next run recover. Across every trial no
 * reminder is missed, and a reminder appears twice only when the crash came after the post and
 * before its record (the documented at-most-one-duplicate window).
 */
import { seededRandom } from '../../src/emulator/prng';
import { SimulatedCrash, type CrashPoint } from '../../src/service/runReminders';
import { startTestEmulator } from '../support/emulator';
import { BASE_TIME, digestLines, harness, LEASE_MS, notifications } from './harness';

const TRIALS = 50;
const POINTS: CrashPoint[] = ['claim', 'post', 'record', 'notify'];

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
    await emulator.close();
  }
}

test(`${TRIALS} seeded crash trials: zero missed reminders, duplicates only between post and record`, async () => {
  const expected = await referenceRun();
  const random = seededRandom(20_261_123);
  const tally = { trials: 0, missedLines: 0, missedNotes: 0, dupLines: 0, dupNotes: 0, dupOutsideWindow: 0, maxPerLine: 0 };
  const byPoint: Record<string, number> = {};
  for (let trial = 0; trial < TRIALS; trial++) {
    const point = POINTS[Math.floor(random() * POINTS.length)] as CrashPoint;
    const nth = 1 + Math.floor(random() * (point === 'post' ? 1 : 6));
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
      expect(third.notifications).toBe(0);

      const lines = counts(h.cards.flatMap(digestLines));
      const notes = counts((await notifications(emulator.url)).map((n) => `${n.recipientUserId}|${n.activityType}|${n.previewText}`));
      const missedLines = [...expected.lines].filter((k) => !lines.has(k)).length;
      const missedNotes = [...expected.notes].filter((k) => !notes.has(k)).length;
      const dupLines = [...lines.values()].reduce((s, n) => s + n - 1, 0);
      const dupNotes = [...notes.values()].reduce((s, n) => s + n - 1, 0);
      tally.trials += 1;
      tally.missedLines += missedLines;
      tally.missedNotes += missedNotes;
      tally.dupLines += dupLines;
      tally.dupNotes += dupNotes;
      tally.maxPerLine = Math.max(tally.maxPerLine, ...lines.values(), ...notes.values());
      if (crashed) byPoint[point] = (byPoint[point] ?? 0) + 1;
      // Digest duplicates only when the crash came after the post and before its record;
      // notification duplicates only when it came after a notification and before its record.
      if (dupLines > 0 && point !== 'post' && point !== 'record') tally.dupOutsideWindow += 1;
      if (dupNotes > 0 && point !== 'notify') tally.dupOutsideWindow += 1;
    } finally {
      await emulator.close();
    }
  }
  const reminderCount = expected.lines.size * TRIALS;
  console.log(
    `crash trials: ${tally.trials}; crashes by point ${JSON.stringify(byPoint)}; ` +
      `missed reminders: ${tally.missedLines} of ${reminderCount}; missed notifications: ${tally.missedNotes} of ${expected.notes.size * TRIALS}; ` +
      `duplicate digest lines: ${tally.dupLines}; duplicate notifications: ${tally.dupNotes}; most copies of one: ${tally.maxPerLine}; duplicates outside the window: ${tally.dupOutsideWindow}`,
  );
  expect(tally.missedLines).toBe(0);
  expect(tally.missedNotes).toBe(0);
  expect(tally.dupOutsideWindow).toBe(0);
  expect(tally.maxPerLine).toBeLessThanOrEqual(2);
  expect(Object.keys(byPoint).sort()).toEqual([...POINTS].sort());
});
