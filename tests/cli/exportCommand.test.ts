/**
 * `npm run export` in-process against the emulator's demo practice: the ICB summary carries the same
 * sections as the tab's (incidents, training, change management, with the seeded change records),
 * the DSPT evidence carries the incidents section, and bad usage is refused with the usage line.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CliError } from '../../src/cli/connect';
import { exportCommand } from '../../src/cli/exportCommand';
import { demoRegisterAddress, startTestEmulator, type RunningEmulator } from '../support/emulator';

let emulator: RunningEmulator;
let dir: string;

/** The tab's "Open in browser" address, which tells the command which register to use. */
const registerAddress = (): string => demoRegisterAddress(emulator.url);

beforeAll(async () => {
  emulator = await startTestEmulator();
  dir = mkdtempSync(path.join(tmpdir(), 'dsr-export-'));
});
afterAll(() => emulator.close());

async function exported(kind: string): Promise<string> {
  const file = path.join(dir, `${kind}.csv`);
  const logs: string[] = [];
  await exportCommand(['--kind', kind, '--register', registerAddress(), '--out', file], { PORT: new URL(emulator.url).port }, () => undefined, (line) => logs.push(line));
  expect(logs.join('\n')).toMatch(new RegExp(`services from .* written to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  return readFileSync(file, 'utf8');
}

test('the ICB summary has the incidents, training and change-management headings, with the practice\'s change records', async () => {
  const csv = await exported('icb-summary');
  expect(csv).toContain('Digital services summary for the ICB annual digital review');
  expect(csv).toContain('Business continuity and incident management');
  expect(csv).toContain('Training, quick guides and escalation routes');
  expect(csv).toContain('Change management: how changes are tested before going live');
  expect(csv).toContain('New appointment book template for the winter vaccination clinics.');
  expect(csv).toMatch(/Changes recorded in the last 12 months: \d+; with a record of testing: \d+; without: [1-9]\d*\./);
});

test('the DSPT evidence ends with the incidents section', async () => {
  const csv = await exported('dspt');
  expect(csv).toContain('DSPT 7.1.1 evidence: register of digital services and systems');
  expect(csv).toContain('Business continuity and incident management: the downtime process used for real');
});

test('bad usage is refused with the usage line, before anything is read', async () => {
  await expect(exportCommand(['--kind', 'everything'], {}, () => undefined, () => undefined)).rejects.toThrow(CliError);
  await expect(exportCommand(['--format', 'xlsx'], {}, () => undefined, () => undefined)).rejects.toThrow('XLSX is a binary file: give --out <file.xlsx>.');
});
