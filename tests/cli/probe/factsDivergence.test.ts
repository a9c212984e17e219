/**
 * Facts a tenant reports differently from the documentation: the probe records them in
 * probe-facts.json, and the comparison with the committed facts names exactly what differs, which
 * is how the emulator learns from a tenant.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareFacts, type ProbeFacts } from '../../../src/cli/probe/facts';
import { startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { withFields } from './answers';
import { graphError } from './rewritingProxy';
import { probe } from './harness';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 500 });
});
afterAll(() => emulator.close());

describe('facts a tenant reports differently', () => {
  it('another eTag format is recorded, and the facts comparison names it', async () => {
    const outcome = await probe(emulator.url, {
      rules: [{ method: 'GET', path: /\/items\/\d+\?expand=fields\(select%3DTitle\)$/, times: 1, transform: (a) => {
        const body = a.body as { eTag: string; fields: Record<string, unknown> };
        return { ...a, body: { ...body, eTag: 'W/"datetime\'2026-12-01T00%3A00%3A00Z\'"', fields: { ...body.fields, '@odata.etag': '"5ff4f4b1-0000-4000-8000-000000000001,1"' } } };
      } }],
    });
    expect(outcome.step('item-create').outcome).toBe('pass');
    const facts = outcome.facts as ProbeFacts;
    expect(facts.etag.item).toBe('W/"..."');
    expect(facts.etag.fields).toBe('"GUID,N"');
    const documented = JSON.parse(readFileSync(path.join(__dirname, 'tenant-facts.json'), 'utf8')) as ProbeFacts;
    expect(compareFacts(documented, facts)).toEqual([{ fact: 'etag.item', recorded: '"{GUID},N"', emulator: 'W/"..."' }]);
  });

  it('dates kept as UTC midnight: the product still reads the right dates, and the facts name the difference', async () => {
    const utcMidnight: Record<string, string> = { DpiaDate: '2025-03-30', LastAccessReview: '2025-10-26', ContinuityLastTested: '2024-02-29', LastReviewedOn: '2025-12-31', NextReviewDue: '2028-02-29' };
    const outcome = await probe(emulator.url, {
      rules: [{ method: 'GET', path: /\/items\/\d+\?expand=fields\(select%3DDpiaDate/, times: 1, transform: (a) => withFields(a, Object.fromEntries(Object.entries(utcMidnight).map(([k, d]) => [k, `${d}T00:00:00Z`]))) }],
    });
    expect(outcome.step('dates').outcome).toBe('pass');
    const facts = outcome.facts as ProbeFacts;
    expect(facts.dates.normalisation).toBe('utc-midnight');
    expect(facts.dates.roundTrips.slice(0, 5).map((trip) => trip.readBack)).toEqual(Object.values(utcMidnight));
    const documented = JSON.parse(readFileSync(path.join(__dirname, 'tenant-facts.json'), 'utf8')) as ProbeFacts;
    expect(compareFacts(documented, facts)).toEqual([{ fact: 'dates.normalisation', recorded: 'london-midnight', emulator: 'utc-midnight' }]);
  });

  it('a hidden Retry-After is recorded and explained; the RateLimit headers are recorded as sent', async () => {
    const outcome = await probe(emulator.url, {
      rules: [{ method: 'GET', path: /^\/v1\.0\//, when: (_b, h) => h.origin !== undefined, transform: (a) => ({
        ...a,
        headers: { ...a.headers, 'access-control-expose-headers': 'ETag, Location, request-id, client-request-id', 'ratelimit-limit': '6000', 'ratelimit-remaining': '1150', 'ratelimit-reset': '35' },
      }) }],
    });
    const cors = outcome.step('cors');
    expect(cors.outcome).toBe('pass');
    expect(cors.detail).toMatch(/Retry-After is hidden from pages \(the tab waits by its own policy when throttled\)/);
    const facts = outcome.facts as ProbeFacts;
    expect(facts.cors.retryAfterExposed).toBe(false);
    expect(facts.resourceUnits.headers).toMatchObject({ 'ratelimit-limit': '6000', 'ratelimit-remaining': '1150', 'ratelimit-reset': '35' });
  });

  it('a throttled answer is waited out as the product does, said aloud, and its headers recorded', async () => {
    const outcome = await probe(emulator.url, {
      rules: [{ method: 'GET', path: /^\/v1\.0\/teams\/[^/]+\/members$/, times: 1, respond: () => graphError(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': '0.01', 'RateLimit-Limit': '6000', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '1' }) }],
    });
    expect(outcome.step('members-delegated').outcome).toBe('pass');
    expect(outcome.output).toContain('(Graph answered 429; waiting 1 s before asking again, as the product does)');
    expect((outcome.facts as ProbeFacts).resourceUnits.headers).toMatchObject({ 'retry-after': '0.01', 'ratelimit-remaining': '0' });
  });
});
