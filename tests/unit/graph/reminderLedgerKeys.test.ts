/** Digest records: how a run's occurrence keys are packed into multi-line text values, and what each call costs. */
import { requestUnits, sharePointUnits } from '../../../src/graph/resourceUnits';
import { digestRecordKey, KEYS_MAX_CHARS, LEASE_KEY, splitKeys } from '../../../src/graph/reminderLedger';

test('keys are joined one per line, up to the limit exactly, and split in order beyond it', () => {
  expect(splitKeys([])).toEqual([]);
  expect(splitKeys(['a|1', 'b|2'])).toEqual(['a|1\nb|2']);
  expect(splitKeys(['aaaa', 'bbbb', 'cccc'], 9)).toEqual(['aaaa\nbbbb', 'cccc']);
  const keys = Array.from({ length: 1_000 }, (_, i) => `practice|entry-${i}|review|2026-03-29|overdue|${i % 7}`.padEnd(110, 'x'));
  const parts = splitKeys(keys);
  expect(parts.length).toBe(2);
  expect(parts.every((part) => part.length <= KEYS_MAX_CHARS)).toBe(true);
  expect(parts.join('\n').split('\n')).toEqual(keys);
});

test('a key that could not be stored is refused rather than cut', () => {
  expect(() => splitKeys(['x'.repeat(10)], 9)).toThrow(/cannot be stored/);
  expect(() => splitKeys(['a\nb'])).toThrow(/cannot be stored/);
});

test('record keys are unique per run and part and never the lease key', () => {
  expect(digestRecordKey('run-1', 1)).toBe('digest|run-1|1');
  expect(digestRecordKey('run-1', 2)).not.toBe(digestRecordKey('run-1', 1));
  expect(digestRecordKey('', 1)).not.toBe(LEASE_KEY);
});

test("resource units follow SharePoint's accounting: 1 single read, 2 query or write, 0 outside SharePoint", () => {
  expect(sharePointUnits('GET', '/v1.0/sites/s/lists/l/items/3')).toBe(1);
  expect(sharePointUnits('GET', '/v1.0/sites/s/lists/l/items')).toBe(2);
  expect(sharePointUnits('GET', '/v1.0/sites/s/lists?$select=id')).toBe(2);
  expect(sharePointUnits('POST', '/v1.0/sites/s/lists/l/items')).toBe(2);
  expect(sharePointUnits('PATCH', '/v1.0/sites/s/lists/l/items/3/fields')).toBe(2);
  expect(sharePointUnits('GET', '/v1.0/teams/t/members')).toBe(0);
  expect(requestUnits('GET', 'http://127.0.0.1:1/v1.0/sites/s/lists/l/items/3?expand=fields')).toBe(1);
  expect(requestUnits('POST', '/$batch', 'not json')).toBe(40);
});
