/**
 * The loop the facts file closes: the emulator's strictness switches (H1's control endpoint,
 * `PATCH /emulator/strictness`) make it answer like a more lenient tenant, and the probe's facts,
 * compared with the committed tenant facts, name exactly what changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareFacts, type ProbeFacts } from '../../../src/cli/probe/facts';
import { startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { probe } from './harness';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 500 });
});
afterAll(() => emulator.close());

async function setStrictness(patch: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${emulator.url}/emulator/strictness`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(patch) });
  expect(response.status).toBe(200);
}

const documented = JSON.parse(readFileSync(path.join(__dirname, 'tenant-facts.json'), 'utf8')) as ProbeFacts;

describe('the emulator made lenient is caught by the facts file', () => {
  afterEach(() => setStrictness({ hideRetryAfterFromCors: true, etagFormat: true }));

  it('Retry-After exposed through CORS: the probe says a page can read it, and the comparison names it', async () => {
    await setStrictness({ hideRetryAfterFromCors: false });
    const outcome = await probe(emulator.url);
    expect(outcome.step('cors').detail).toMatch(/Retry-After is readable/);
    expect(compareFacts(documented, outcome.facts as ProbeFacts)).toEqual([{ fact: 'cors.retryAfterExposed', recorded: false, emulator: true }]);
  });

  it("one eTag format everywhere: the facts record fields@odata.etag in the item's format", async () => {
    const strict = (await probe(emulator.url)).facts as ProbeFacts;
    await setStrictness({ etagFormat: false });
    const lenient = (await probe(emulator.url)).facts as ProbeFacts;
    expect(lenient.etag.fields).toBe(lenient.etag.item);
    expect(strict.etag.fields).not.toBe(strict.etag.item);
    expect(compareFacts(strict, lenient)).toEqual([{ fact: 'etag.fields', recorded: strict.etag.fields, emulator: lenient.etag.item }]);
  });
});
