import { parseUkDate } from '../../../src/domain/spreadsheet/dateParsing';

const TODAY = '2025-06-15';

function dateOf(text: string): string | null {
  const result = parseUkDate(text, TODAY);
  if (!result.ok) throw new Error(`expected "${text}" to parse: ${result.message}`);
  return result.date;
}

function problemOf(text: string): string {
  const result = parseUkDate(text, TODAY);
  if (result.ok) throw new Error(`expected "${text}" to be refused, got ${result.date}`);
  return result.message;
}

describe('parseUkDate', () => {
  it.each([
    ['01/03/2025', '2025-03-01'],
    ['1/3/25', '2025-03-01'],
    ['03/04/2025', '2025-04-03'],
    ['01-03-2025', '2025-03-01'],
    ['01.03.2025', '2025-03-01'],
    ['2025-03-01', '2025-03-01'],
    ['2025-03-01T00:00:00Z', '2025-03-01'],
    ['2025-03-01 00:00:00', '2025-03-01'],
    ['1 March 2025', '2025-03-01'],
    ['1st March 2025', '2025-03-01'],
    ['Saturday 1 March 2025', '2025-03-01'],
    ['1 Mar 2025', '2025-03-01'],
    ['1-Mar-25', '2025-03-01'],
    ['22 Sept 2024', '2024-09-22'],
    ['March 1, 2025', '2025-03-01'],
    ['  29/02/2024 ', '2024-02-29'],
    ['45352', '2024-03-01'],
    ['45352.75', '2024-03-01'],
    ['25569', '1970-01-01'],
  ])('reads %s day first as %s', (text, expected) => {
    expect(dateOf(text)).toBe(expected);
  });

  it.each(['', '   ', 'N/A', 'none', 'never', 'TBC', '-'])('reads the blank-like cell %j as no date, without a problem', (text) => {
    expect(dateOf(text)).toBeNull();
  });

  it('refuses 29 February in a year that is not a leap year, saying why', () => {
    expect(problemOf('29/02/2025')).toBe('"29/02/2025" is not a real date: February 2025 has 28 days.');
  });

  it('refuses impossible days rather than rolling them into the next month', () => {
    expect(problemOf('31/02/2025')).toBe('"31/02/2025" is not a real date: February 2025 has 28 days.');
    expect(problemOf('31 April 2025')).toBe('"31 April 2025" is not a real date: April 2025 has 30 days.');
    expect(problemOf('2025-02-30')).toMatch(/February 2025 has 28 days/);
  });

  it('explains that American month-first dates are read day first', () => {
    expect(problemOf('03/13/2025')).toBe('"03/13/2025" is not a date: there is no month 13. Dates are read day first (dd/mm/yyyy).');
  });

  it('asks for a full date when given only a month or a year, and does not read a year as an Excel serial', () => {
    expect(problemOf('March 2025')).toMatch(/has no day/);
    expect(problemOf('2025')).toMatch(/only a year/);
  });

  it('refuses text that is not a date', () => {
    expect(problemOf('next spring')).toBe('"next spring" is not a date we can read. Use day/month/year, for example 01/03/2025.');
    expect(problemOf('12345')).toMatch(/not a date we can read/);
  });

  it('places two-digit years in this century unless that is more than 50 years ahead', () => {
    expect(dateOf('1/3/30')).toBe('2030-03-01');
    expect(dateOf('1/3/99')).toBe('1999-03-01');
    expect(parseUkDate('1/3/99', '2060-01-01')).toEqual({ ok: true, date: '2099-03-01' });
  });
});
