import { REVIEW_STATUSES, effectiveNextReviewDue, londonDateOf, reviewStatus } from '../../src/domain';
import { healthyEntry, TODAY } from './entryFixture';

const dueOn = (nextReviewDue: string | null) => healthyEntry({ nextReviewDue, lastReviewedOn: null });

describe('reviewStatus boundaries (today is 15 June 2026, due soon = 30 days)', () => {
  it.each([
    ['2026-06-14', 'overdue'], // yesterday
    ['2025-06-15', 'overdue'],
    ['2026-06-15', 'due-soon'], // due today
    ['2026-06-16', 'due-soon'], // due tomorrow
    ['2026-07-15', 'due-soon'], // exactly 30 days
    ['2026-07-16', 'up-to-date'], // 31 days
    ['2027-06-15', 'up-to-date'],
  ] as const)('due %s is %s', (due, expected) => {
    expect(reviewStatus(dueOn(due), TODAY)).toBe(expected);
  });
  it('is not set when there is no due date and no last review', () => {
    expect(reviewStatus(dueOn(null), TODAY)).toBe('not-set');
  });
  it('uses the caller’s due-soon window', () => {
    expect(reviewStatus(dueOn('2026-06-22'), TODAY, 7)).toBe('due-soon');
    expect(reviewStatus(dueOn('2026-06-23'), TODAY, 7)).toBe('up-to-date');
    expect(reviewStatus(dueOn('2026-06-15'), TODAY, 0)).toBe('due-soon');
  });
});

describe('reviewStatus uses the London calendar day', () => {
  it('at 23:30 UTC during BST it is already tomorrow, so yesterday’s due date is overdue', () => {
    const today = londonDateOf(new Date('2026-10-24T23:30:00Z'));
    expect(today).toBe('2026-10-25');
    expect(reviewStatus(dueOn('2026-10-24'), today)).toBe('overdue');
  });
  it('at 00:30 UTC on the morning the clocks go forward it is still that day', () => {
    const today = londonDateOf(new Date('2026-03-29T00:30:00Z'));
    expect(reviewStatus(dueOn('2026-03-29'), today)).toBe('due-soon');
    expect(reviewStatus(dueOn('2026-03-28'), today)).toBe('overdue');
  });
});

describe('effectiveNextReviewDue', () => {
  it('prefers the recorded next review date', () => {
    expect(effectiveNextReviewDue(healthyEntry({ lastReviewedOn: '2026-01-10', nextReviewDue: '2026-04-01' }))).toBe('2026-04-01');
  });
  it('otherwise adds the review interval to the last review', () => {
    expect(effectiveNextReviewDue(healthyEntry({ lastReviewedOn: '2026-01-10', nextReviewDue: null, reviewIntervalMonths: 6 }))).toBe(
      '2026-07-10',
    );
    expect(effectiveNextReviewDue(healthyEntry({ lastReviewedOn: '2028-02-29', nextReviewDue: null, reviewIntervalMonths: 12 }))).toBe(
      '2029-02-28',
    );
  });
  it('is null with neither, or with dates or an interval that make no sense', () => {
    expect(effectiveNextReviewDue(healthyEntry({ lastReviewedOn: null, nextReviewDue: null }))).toBeNull();
    expect(effectiveNextReviewDue(healthyEntry({ lastReviewedOn: '2026-01-10', nextReviewDue: null, reviewIntervalMonths: 0 }))).toBeNull();
    expect(effectiveNextReviewDue(healthyEntry({ lastReviewedOn: '2026-02-30', nextReviewDue: '2026-13-01' }))).toBeNull();
  });
  it('makes a review computed from the last one overdue a day after the anniversary', () => {
    const entry = healthyEntry({ lastReviewedOn: '2025-06-15', nextReviewDue: null, reviewIntervalMonths: 12 });
    expect(reviewStatus(entry, '2026-06-15')).toBe('due-soon');
    expect(reviewStatus(entry, '2026-06-16')).toBe('overdue');
  });
});

describe('retired entries', () => {
  it('are never overdue or not set: nothing is due on a service no longer used', () => {
    expect(reviewStatus(healthyEntry({ lifecycle: 'retired', nextReviewDue: '2020-01-01' }), TODAY)).toBe('up-to-date');
    expect(reviewStatus(healthyEntry({ lifecycle: 'retired', lastReviewedOn: null, nextReviewDue: null }), TODAY)).toBe('up-to-date');
  });
});

describe('REVIEW_STATUSES', () => {
  it('labels every status in plain words', () => {
    expect(REVIEW_STATUSES.map((status) => [status.code, status.label])).toEqual([
      ['up-to-date', 'Up to date'],
      ['due-soon', 'Due soon'],
      ['overdue', 'Overdue'],
      ['not-set', 'Not set'],
    ]);
  });
});
