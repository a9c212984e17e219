/**
 * Owner-left in the unattended service (issue 4): an owner deleted from the directory, disabled, or
 * no longer in the practice team gets no reminder of their own; the managers are told instead. A
 * throttled directory never fails the run (membership alone decides), and the directory look-ups
 * cost no SharePoint resource units.
 */
import { createGraphClient } from '../../src/graph';
import { checkOwners } from '../../src/graph/people/people';
import { emulatorAppTokenSource } from '../../src/service/appToken';
import { EMULATOR_APP_ID } from '../../src/service/config';
import { paceSharePoint, ResourceUnitPacer } from '../../src/service/ruPacer';
import { DEMO, startTestEmulator, type RunningEmulator } from '../support/emulator';
import { BASE_TIME, closeHarnesses, harness, notifications, sharedAzurite, stopSharedAzurite } from './harness';

let emulator: RunningEmulator;
beforeAll(() => sharedAzurite());
afterAll(() => stopSharedAzurite());
beforeEach(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
});
afterEach(async () => {
  await closeHarnesses();
  await emulator.close();
});

const managerIds = DEMO.teamMembers.filter((p) => p.teamRole === 'owner').map((p) => p.id).sort();
const LEFT = [DEMO.leaver, DEMO.disabledOwner, DEMO.formerMember];
/**
 * Three days on from the seeding day: Lucy Ward's entry is due in 9 days, Gareth Hughes's overdue by
 * 24 (not yet escalated) and Kwame Mensah's DPIA review (seeded 11 months back) due in 25 to 28 days,
 * whatever the month's length, so each of the three owns a reminder.
 */
const AT = new Date(BASE_TIME.getTime() + 3 * 86_400_000);

type Sent = Awaited<ReturnType<typeof notifications>>;
const toManagersAbout = (sent: Sent, name: string) =>
  sent.filter((n) => n.activityType === 'ownerLeft' && n.previewText.includes(`${name} has left`)).map((n) => n.recipientUserId);

test('the reminders of an owner who was deleted, disabled or left the team go to the managers, not to them', async () => {
  const h = await harness(emulator.url);
  const summary = await h.run({ at: AT });
  expect(summary).toMatchObject({ failed: [], posted: 1 });
  const sent = await notifications(emulator.url);
  expect(sent.filter((n) => LEFT.some((p) => p.id === n.recipientUserId))).toEqual([]);
  for (const person of LEFT) {
    const recipients = toManagersAbout(sent, person.displayName);
    // Every manager, once per reminder of that owner's entries.
    expect(recipients.length).toBeGreaterThan(0);
    expect([...new Set(recipients)].sort()).toEqual(managerIds);
  }
  // The digest names none of them: no @mention of someone who has left.
  const card = JSON.stringify(h.cards[0]);
  for (const person of LEFT) expect(card).not.toContain(person.id);
  expect(card).toContain('Owner has left: managers please reassign');
  // Owners who are still here are reminded themselves.
  expect(sent.some((n) => n.recipientUserId === DEMO.teamMembers.find((p) => p.surname === 'Evans')?.id)).toBe(true);
});

test.each([
  // The client waits out Retry-After before each of its 4 retries of the batch, then gives up.
  ['the whole $batch is throttled (429), past every retry', { method: 'POST', path: '/\\$batch$', status: 429 as const, retryAfter: 5 }, [5000, 5000, 5000, 5000]],
  // An inner 429 is not retried: that owner is 'unknown' for this run.
  ['each directory look-up in the batch is throttled (429)', { method: 'GET', path: '^/v1\\.0/users/', status: 429 as const, retryAfter: 5 }, []],
])('a throttled directory does not fail the run: %s, so team membership alone decides', async (_name, fault, waits) => {
  const h = await harness(emulator.url);
  emulator.faults.add(fault);
  const summary = await h.run({ at: AT });
  expect(summary).toMatchObject({ failed: [], posted: 1 });
  expect(emulator.faults.fired.some((f) => f.status === 429)).toBe(true);
  expect(h.sleeps).toEqual(waits);
  const sent = await notifications(emulator.url);
  // Lucy Ward is still in the team and the directory did not answer: she counts as still here.
  expect(sent.some((n) => n.recipientUserId === DEMO.disabledOwner.id)).toBe(true);
  expect(toManagersAbout(sent, DEMO.disabledOwner.displayName)).toEqual([]);
  // Those who left the team are still handed to the managers.
  for (const person of [DEMO.leaver, DEMO.formerMember]) {
    expect(sent.filter((n) => n.recipientUserId === person.id)).toEqual([]);
    expect([...new Set(toManagersAbout(sent, person.displayName))].sort()).toEqual(managerIds);
  }
});

test('directory look-ups are not SharePoint calls: the pacer charges them nothing and the emulator counts no units', async () => {
  let now = BASE_TIME.getTime();
  const sleeps: number[] = [];
  const pacer = new ResourceUnitPacer({ unitsPerMinute: 60, burst: 2, now: () => now, sleep: async (ms) => void (sleeps.push(ms), (now += ms)) });
  const graph = createGraphClient({
    baseUrl: emulator.url,
    tokenSource: emulatorAppTokenSource({ baseUrl: emulator.url, appId: EMULATOR_APP_ID }),
    beforeAttempt: paceSharePoint(pacer),
  });
  // 25 distinct owners: two batches (20 + 5), repeats asked once.
  const known = [...new Set([...LEFT, ...DEMO.teamMembers].map((p) => p.id))];
  const unknown = Array.from({ length: 25 - known.length }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const ids = [...known, ...known, ...unknown];
  emulator.accounting.reset();
  const presence = await checkOwners(graph, ids);
  expect(presence.get(DEMO.leaver.id)).toBe('deleted');
  expect(presence.get(DEMO.disabledOwner.id)).toBe('disabled');
  expect(presence.get(DEMO.formerMember.id)).toBe('found');
  expect(presence.get(DEMO.manager.id)).toBe('found');
  expect(presence.get(unknown[0]!)).toBe('deleted');
  expect(presence.size).toBe(25);
  expect(emulator.accounting.snapshot().resourceUnits).toBe(0);
  expect(pacer.stats()).toEqual({ units: 0, waits: 0, waitedMs: 0 });
  expect(sleeps).toEqual([]);
});
