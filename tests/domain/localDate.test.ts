import { addDays, addMonths, daysBetween, formatLocalDate, isLocalDate, londonDateOf } from '../../src/domain';

describe('londonDateOf: the calendar day in England', () => {
  it.each([
    // GMT -> BST on 29 March 2026 at 01:00 UTC.
    ['2026-03-28T23:30:00Z', '2026-03-28'],
    ['2026-03-29T00:30:00Z', '2026-03-29'],
    ['2026-03-29T23:30:00Z', '2026-03-30'], // 00:30 BST: already tomorrow in London
    // BST -> GMT on 25 October 2026 at 01:00 UTC.
    ['2026-10-24T22:59:59Z', '2026-10-24'],
    ['2026-10-24T23:30:00Z', '2026-10-25'], // 00:30 BST
    ['2026-10-25T00:30:00Z', '2026-10-25'], // 01:30 BST, the hour that repeats
    ['2026-10-25T23:30:00Z', '2026-10-25'], // 23:30 GMT
    ['2026-01-15T23:59:59Z', '2026-01-15'],
    ['2028-02-29T12:00:00Z', '2028-02-29'],
  ])('%s is %s in London', (instant, expected) => {
    expect(londonDateOf(new Date(instant))).toBe(expected);
  });
});

describe('isLocalDate', () => {
  it.each(['2026-03-01', '2028-02-29', '2026-12-31', '2000-02-29'])('accepts the real date %s', (text) => {
    expect(isLocalDate(text)).toBe(true);
  });
  it.each(['2027-02-29', '1900-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-1', '01/03/2026', '2026-03-01T00:00:00Z', '', ' 2026-03-01'])(
    'rejects %j',
    (text) => {
      expect(isLocalDate(text)).toBe(false);
    },
  );
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
  it('is not shifted by the clock changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });
  it('counts 29 February in a leap year', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });
  it('throws RangeError for a date that does not exist', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-15', 3, '2027-02-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-06-15', 36, '2029-06-15'],
    ['2026-06-15', 0, '2026-06-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
  it('throws RangeError for a date that does not exist', () => {
    expect(() => addMonths('2027-02-29', 12)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts calendar days, not 24-hour periods, across the clock changes', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });
  it('is negative when the second date is earlier, zero for the same day', () => {
    expect(daysBetween('2026-06-15', '2026-06-14')).toBe(-1);
    expect(daysBetween('2026-06-15', '2026-06-15')).toBe(0);
  });
  it('counts 29 February', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });
});

describe('formatLocalDate', () => {
  it('reads as a date does in England', () => {
    expect(formatLocalDate('2026-03-01')).toBe('1 March 2026');
    expect(formatLocalDate('2028-02-29')).toBe('29 February 2028');
  });
});
