/** The facts file's own rules: eTag shapes, how dates are classified, and what a comparison ignores. */
import { compareFacts, emptyFacts, etagShape, summariseDates } from '../../../src/cli/probe/facts';

describe('probe facts', () => {
  it('names eTag formats, not values', () => {
    expect(etagShape('"{5F8A8A3D-1C2B-4D5E-8F90-0123456789AB},12"')).toBe('"{GUID},N"');
    expect(etagShape('"5f8a8a3d-1c2b-4d5e-8f90-0123456789ab,1"')).toBe('"GUID,N"');
    expect(etagShape('W/"datetime\'2026-12-01\'"')).toBe('W/"..."');
    expect(etagShape('abc')).toBe('other');
    expect(etagShape(undefined)).toBeNull();
  });

  it('says how date-only values come back, across BST and GMT', () => {
    const trip = (date: string, storedAs: string) => ({ date, wrote: `${date}T12:00:00Z`, storedAs, readBack: date });
    // The site's local midnight: 23:00Z the day before in summer, 00:00Z in winter.
    expect(summariseDates([trip('2026-06-30', '2026-06-29T23:00:00Z'), trip('2026-12-31', '2026-12-31T00:00:00Z')])).toBe('london-midnight');
    expect(summariseDates([trip('2026-06-30', '2026-06-30T00:00:00Z'), trip('2026-12-31', '2026-12-31T00:00:00Z')])).toBe('utc-midnight');
    expect(summariseDates([trip('2026-06-30', '2026-06-30T12:00:00Z')])).toBe('as-written');
    expect(summariseDates([trip('2026-06-30', '2026-06-30')])).toBe('date-only');
    expect(summariseDates([trip('2026-06-30', '2026-06-30T00:00:00Z'), trip('2026-07-01', '2026-06-30T23:00:00Z')])).toBe('mixed');
    expect(summariseDates([])).toBeNull();
  });

  it('compares only facts both files know', () => {
    const recorded = emptyFacts('tenant');
    const emulator = emptyFacts('emulator');
    recorded.etag.item = '"{GUID},N"';
    emulator.cors.retryAfterExposed = true;
    expect(compareFacts(recorded, emulator)).toEqual([]);
    emulator.etag.item = '"GUID,N"';
    expect(compareFacts(recorded, emulator)).toEqual([{ fact: 'etag.item', recorded: '"{GUID},N"', emulator: '"GUID,N"' }]);
  });
});
