import { addDays, londonDateOf } from '../../../src/domain/localDate';
import {
  dueDatesOf,
  remindersFor,
  type Reminder,
  type ReminderPolicyOptions,
} from '../../../src/domain/reminders/reminderPolicy';
import { entry, PRIYA, stored, TOM } from './helpers';

const OPTIONS: ReminderPolicyOptions = { practiceId: 'team-riverside' };
const DUE = '2026-03-01';
/** One live entry whose only due date is the main review on DUE. */
const REVIEW_ONLY = [stored('7', { nextReviewDue: DUE })];

function on(today: string, entries = REVIEW_ONLY, options = OPTIONS): Reminder[] {
  return remindersFor(entries, today, options);
}

function stageOn(offset: number, options = OPTIONS): string | undefined {
  return on(addDays(DUE, offset), REVIEW_ONLY, options)[0]?.stage;
}

describe('stage boundaries (defaults: due soon 30 days, escalate after 28 days overdue)', () => {
  it.each([
    [-31, undefined],
    [-30, 'due-soon'],
    [-1, 'due-soon'],
    [0, 'due'],
    [1, 'overdue'],
    [27, 'overdue'],
    [28, 'escalated'],
    [400, 'escalated'],
  ])('%i days from the due date -> %s', (offset, stage) => {
    expect(stageOn(offset)).toBe(stage);
  });

  it('honours configured due-soon and escalation windows', () => {
    const options = { ...OPTIONS, dueSoonDays: 7, escalateAfterDays: 10 };
    expect(stageOn(-8, options)).toBeUndefined();
    expect(stageOn(-7, options)).toBe('due-soon');
    expect(stageOn(9, options)).toBe('overdue');
    expect(stageOn(10, options)).toBe('escalated');
    expect(stageOn(-1, { ...OPTIONS, dueSoonDays: 0 })).toBeUndefined();
  });

  it('rejects nonsense options and dates with a clear error', () => {
    expect(() => on(DUE, REVIEW_ONLY, { ...OPTIONS, dueSoonDays: -1 })).toThrow(/dueSoonDays/);
    expect(() => on(DUE, REVIEW_ONLY, { ...OPTIONS, escalateAfterDays: 0 })).toThrow(/escalateAfterDays/);
    expect(() => on(DUE, REVIEW_ONLY, { ...OPTIONS, practiceId: ' ' })).toThrow(/practiceId/);
    expect(() => on('2026-02-30')).toThrow(/calendar date/);
  });
});

describe('occurrence keys', () => {
  it('are `practice|entry|kind|dueDate|stage|week` and do not depend on the run date while due soon', () => {
    const keys = new Set([-30, -12, -1].map((offset) => on(addDays(DUE, offset))[0]?.occurrenceKey));
    expect([...keys]).toEqual(['team-riverside|7|review|2026-03-01|due-soon|0']);
  });

  it('repeat weekly while overdue: week = floor(days overdue / 7), escalation continues the count', () => {
    const keyFor = (offset: number) => on(addDays(DUE, offset))[0]?.occurrenceKey;
    expect(keyFor(1)).toBe('team-riverside|7|review|2026-03-01|overdue|0');
    expect(keyFor(6)).toBe(keyFor(1));
    expect(keyFor(7)).toBe('team-riverside|7|review|2026-03-01|overdue|1');
    expect(keyFor(27)).toBe('team-riverside|7|review|2026-03-01|overdue|3');
    expect(keyFor(28)).toBe('team-riverside|7|review|2026-03-01|escalated|4');
    expect(keyFor(35)).toBe('team-riverside|7|review|2026-03-01|escalated|5');
  });

  it('are identical when the same day is run twice', () => {
    const entries = [stored('1', { nextReviewDue: DUE, dataTypes: ['patient-identifiable'], dpiaStatus: 'complete', dpiaDate: '2025-03-10' })];
    expect(on('2026-03-05', entries)).toEqual(on('2026-03-05', entries));
  });

  it('encode each part so a "|" in an id cannot make two occurrences collide', () => {
    const [reminder] = on(DUE, [stored('a|b', { nextReviewDue: DUE })], { practiceId: 'x|y' });
    expect(reminder?.occurrenceKey).toBe('x%7Cy|a%7Cb|review|2026-03-01|due|0');
  });

  it('start a new cycle when the due date moves (a review was done)', () => {
    const before = on(addDays(DUE, 3))[0]?.occurrenceKey;
    const after = on(addDays(DUE, 3), [stored('7', { nextReviewDue: '2027-03-01' })]);
    expect(after).toEqual([]);
    const nextYear = on('2027-03-04', [stored('7', { nextReviewDue: '2027-03-01' })])[0]?.occurrenceKey;
    expect(nextYear).not.toBe(before);
  });
});

/** Runs the policy on each given day against a ledger, as the service does: send what the ledger has not seen. */
function simulate(days: string[], entries = REVIEW_ONLY): { day: string; reminder: Reminder }[] {
  const ledger = new Set<string>();
  const sent: { day: string; reminder: Reminder }[] = [];
  for (const day of days) {
    for (const reminder of on(day, entries)) {
      if (ledger.has(reminder.occurrenceKey)) continue;
      ledger.add(reminder.occurrenceKey);
      sent.push({ day, reminder });
    }
  }
  return sent;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => addDays(DUE, from + i));

describe('never twice, never missed (simulated daily runs against a ledger)', () => {
  it('daily runs send one due-soon, one due, a weekly overdue and a weekly escalation, each exactly once', () => {
    const sent = simulate([...range(-40, 60), ...range(-40, 60)]); // every day twice over
    expect(sent.map(({ day, reminder }) => `${day} ${reminder.stage} ${reminder.weekIndex}`)).toEqual([
      '2026-01-30 due-soon 0',
      '2026-03-01 due 0',
      '2026-03-02 overdue 0',
      '2026-03-08 overdue 1',
      '2026-03-15 overdue 2',
      '2026-03-22 overdue 3',
      '2026-03-29 escalated 4',
      '2026-04-05 escalated 5',
      '2026-04-12 escalated 6',
      '2026-04-19 escalated 7',
      '2026-04-26 escalated 8',
    ]);
  });

  it('a skipped week still yields the reminder on the next run', () => {
    const days = range(-40, 60).filter((day) => day < '2026-03-06' || day > '2026-03-16'); // down 11 days
    const sent = simulate(days).map(({ day, reminder }) => `${day} ${reminder.stage} ${reminder.weekIndex}`);
    expect(sent).toContain('2026-03-17 overdue 2');
    expect(sent).not.toContain('2026-03-08 overdue 1'); // that week passed unseen; the owner is told as soon as the service is back
  });

  it('a due date that passed while the service was down is still reminded the next run', () => {
    const sent = simulate(range(-40, 60).filter((day) => day < '2026-02-25' || day > '2026-03-03'));
    expect(sent.map(({ day, reminder }) => `${day} ${reminder.stage}`)).toContain('2026-03-04 overdue');
    const dueSoonOnly = simulate(range(-40, -20));
    expect(dueSoonOnly).toHaveLength(1); // due-soon once however many days it is run
  });
});

describe('who is told', () => {
  it('tells the owner, and the managers as well once escalated', () => {
    expect(on(addDays(DUE, 27))[0]?.recipients).toEqual([{ kind: 'owner', person: PRIYA }]);
    expect(on(addDays(DUE, 28))[0]?.recipients).toEqual([{ kind: 'owner', person: PRIYA }, { kind: 'managers' }]);
  });

  it('sends an entry without an owner to the managers', () => {
    const [reminder] = on(DUE, [stored('3', { nextReviewDue: DUE, owner: null })]);
    expect(reminder?.recipients).toEqual([{ kind: 'managers' }]);
    expect(reminder?.ownerIssue).toBe('no-owner');
    expect(reminder?.owner).toBeNull();
  });

  it('sends an entry whose owner has left to the managers', () => {
    const entries = [stored('3', { nextReviewDue: DUE, owner: TOM }), stored('4', { nextReviewDue: DUE })];
    const reminders = on(DUE, entries, { ...OPTIONS, ownerHasLeft: (owner) => owner.entraId === TOM.entraId });
    const byId = new Map(reminders.map((reminder) => [reminder.entryId, reminder]));
    expect(byId.get('3')?.recipients).toEqual([{ kind: 'managers' }]);
    expect(byId.get('3')?.ownerIssue).toBe('owner-left');
    expect(byId.get('4')?.recipients).toEqual([{ kind: 'owner', person: PRIYA }]);
  });

  it('never reminds about a retired entry, however overdue', () => {
    const retired = stored('9', {
      lifecycle: 'retired',
      nextReviewDue: '2020-01-01',
      dataTypes: ['patient-identifiable'],
      dpiaStatus: 'complete',
      dpiaDate: '2019-01-01',
      lastAccessReview: '2019-01-01',
      continuityLastTested: '2019-01-01',
    });
    expect(on('2026-03-01', [retired])).toEqual([]);
  });
});

describe('the four kinds of due date', () => {
  const personal = { dataTypes: ['special-category'] as const, dpiaDate: '2025-05-01', lastAccessReview: '2025-06-01', continuityLastTested: '2025-07-01' };

  it('derive DPIA, access review and continuity test dates a year on', () => {
    expect(dueDatesOf(entry({ ...personal, dataTypes: [...personal.dataTypes], dpiaStatus: 'complete' }))).toEqual({
      review: null,
      dpia: '2026-05-01',
      'access-review': '2026-06-01',
      'continuity-test': '2026-07-01',
    });
  });

  it('review: the recorded next date wins, else the last review plus the interval', () => {
    expect(dueDatesOf(entry({ nextReviewDue: '2026-09-09', lastReviewedOn: '2026-01-01' })).review).toBe('2026-09-09');
    expect(dueDatesOf(entry({ lastReviewedOn: '2026-01-31', reviewIntervalMonths: 1 })).review).toBe('2026-02-28');
  });

  it('DPIA only for personal data with a DPIA complete or in progress', () => {
    const dpia = (overrides: Parameters<typeof entry>[0]) => dueDatesOf(entry({ dpiaDate: '2025-05-01', ...overrides })).dpia;
    expect(dpia({ dataTypes: ['staff'], dpiaStatus: 'in-progress' })).toBe('2026-05-01');
    expect(dpia({ dataTypes: ['staff'], dpiaStatus: 'not-assessed' })).toBeNull();
    expect(dpia({ dataTypes: ['staff'], dpiaStatus: 'not-required' })).toBeNull();
    expect(dpia({ dataTypes: ['none'], dpiaStatus: 'complete' })).toBeNull();
    expect(dpia({ dataTypes: ['staff'], dpiaStatus: 'complete', dpiaDate: null })).toBeNull();
  });

  it('access review only for in-use services that process personal data; continuity test only in use', () => {
    const base = { lastAccessReview: '2025-06-01', continuityLastTested: '2025-07-01' };
    expect(dueDatesOf(entry({ ...base, dataTypes: ['none'] }))['access-review']).toBeNull();
    expect(dueDatesOf(entry({ ...base, dataTypes: ['staff'], lifecycle: 'proposed' }))['access-review']).toBeNull();
    expect(dueDatesOf(entry({ ...base, lifecycle: 'proposed' }))['continuity-test']).toBeNull();
    for (const lifecycle of ['trial', 'live', 'retiring'] as const) {
      expect(dueDatesOf(entry({ ...base, dataTypes: ['staff'], lifecycle }))).toMatchObject({ 'access-review': '2026-06-01', 'continuity-test': '2026-07-01' });
    }
  });

  it('ignores dates that are not real calendar dates instead of failing the run', () => {
    const broken = [stored('5', { nextReviewDue: '2026-02-30', continuityLastTested: 'soon' }), stored('6', { nextReviewDue: DUE })];
    expect(on(DUE, broken).map((reminder) => reminder.entryId)).toEqual(['6']);
  });

  it('lists several kinds for one entry, most urgent first', () => {
    const entries = [
      stored('1', { nextReviewDue: '2026-03-10', dataTypes: ['staff'], dpiaStatus: 'complete', dpiaDate: '2025-02-15', continuityLastTested: '2025-03-01' }),
      stored('2', { title: 'Accurx', nextReviewDue: '2026-02-01' }),
    ];
    expect(on(DUE, entries).map((r) => `${r.entryId} ${r.kind} ${r.stage}`)).toEqual([
      '2 review escalated',
      '1 dpia overdue',
      '1 continuity-test due',
      '1 review due-soon',
    ]);
  });
});

describe('Europe/London calendar dates', () => {
  it('29 February: a DPIA dated 2028-02-29 is due 2029-02-28, and leap days count as days', () => {
    const leap = [stored('1', { dataTypes: ['staff'], dpiaStatus: 'complete', dpiaDate: '2028-02-29' })];
    expect(on('2029-02-28', leap)[0]).toMatchObject({ kind: 'dpia', dueDate: '2029-02-28', stage: 'due' });
    expect(on('2029-03-01', leap)[0]).toMatchObject({ stage: 'overdue', daysUntilDue: -1 });
    const acrossLeapDay = [stored('2', { nextReviewDue: '2028-03-01' })];
    expect(on('2028-02-28', acrossLeapDay)[0]).toMatchObject({ stage: 'due-soon', daysUntilDue: 2 });
    expect(on('2028-03-07', acrossLeapDay)[0]).toMatchObject({ stage: 'overdue', weekIndex: 0 });
    expect(on('2028-03-08', acrossLeapDay)[0]).toMatchObject({ stage: 'overdue', weekIndex: 1 });
  });

  it('the clocks going forward (29 March 2026) and back (25 October 2026) do not shift a day or a week', () => {
    const spring = [stored('1', { nextReviewDue: '2026-03-29' })];
    expect(on('2026-03-28', spring)[0]).toMatchObject({ stage: 'due-soon', daysUntilDue: 1 });
    expect(on('2026-03-29', spring)[0]?.stage).toBe('due');
    expect(on('2026-04-05', spring)[0]).toMatchObject({ stage: 'overdue', weekIndex: 1 });
    const autumn = [stored('2', { nextReviewDue: '2026-10-24' })];
    expect(on('2026-10-25', autumn)[0]).toMatchObject({ stage: 'overdue', daysUntilDue: -1, weekIndex: 0 });
    expect(on('2026-10-31', autumn)[0]).toMatchObject({ weekIndex: 1 });
  });

  it('a run at 00:30 BST (23:30 UTC the day before) uses the London date', () => {
    const today = londonDateOf(new Date('2026-06-30T23:30:00Z'));
    expect(today).toBe('2026-07-01');
    expect(on(today, [stored('1', { nextReviewDue: '2026-07-01' })])[0]?.stage).toBe('due');
    const winter = londonDateOf(new Date('2026-12-31T23:30:00Z'));
    expect(on(winter, [stored('1', { nextReviewDue: '2027-01-01' })])[0]?.stage).toBe('due-soon');
  });
});
