/**
 * `npm run probe` against the local emulator: every step passes, each prints its status and
 * request-id, the summary is JSON, and probe-facts.json records what the emulator answered,
 * matching the committed facts (tests/cli/probe/tenant-facts.json) wherever those are known.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareFacts, type ProbeFacts } from '../../../src/cli/probe/facts';
import { runProbe } from '../../../src/cli/probe/probe';
import { DEMO, startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { probe, withOutcome, type ProbeOutcome } from './harness';

let emulator: RunningEmulator;
let green: ProbeOutcome;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 500 });
  green = await probe(emulator.url, { browser: true });
});
afterAll(() => emulator.close());

describe('npm run probe against the local emulator', () => {
  it('passes every step and exits 0', () => {
    expect(withOutcome(green, 'fail')).toEqual([]);
    expect(withOutcome(green, 'skip')).toEqual([]);
    // Graph v1.0 documents no list deletion (only its items); where the emulator refuses it too,
    // the probe says to delete the empty scratch list by hand, and that is its only warning.
    expect(withOutcome(green, 'warn').filter((id) => id !== 'cleanup')).toEqual([]);
    expect(green.run.exitCode).toBe(0);
    expect(green.run.results.length).toBeGreaterThanOrEqual(30);
  });

  it('prints, for each step, pass or fail with the status and request-id, then a JSON summary', () => {
    expect(green.output).toMatch(/^PASS {2}Create an entry \(POST items\) \[item-create\] 201 {2}request-id [0-9a-f-]{36}$/m);
    expect(green.output).toMatch(/^PASS .*\[item-update-stale\] 412 preconditionFailed {2}request-id /m);
    const summary = JSON.parse(green.output.trim().split('\n').pop() as string) as { exitCode: number; passed: number; steps: unknown[] };
    expect(summary.exitCode).toBe(0);
    expect(summary.steps).toHaveLength(green.run.results.length);
  });

  it('records the facts a tenant would be asked for, and they agree with the committed facts file', () => {
    const facts = green.facts as ProbeFacts;
    expect(facts.source).toBe('emulator');
    expect(facts.etag.item).not.toBeNull();
    expect(facts.etag.staleIfMatchStatus).toBe(412);
    expect(facts.dates.roundTrips.length).toBeGreaterThanOrEqual(5);
    expect(facts.cors.exposedHeaders).not.toBeNull();
    // Measured from a real page in Chromium: the headers a page can read.
    expect(facts.cors.browserReadable).toEqual(expect.arrayContaining(['content-type']));
    const recorded = JSON.parse(readFileSync(path.join(__dirname, 'tenant-facts.json'), 'utf8')) as ProbeFacts;
    expect(compareFacts(recorded, facts)).toEqual([]);
  });

  it('--read-only writes nothing: no list is created, nothing is posted, every write step is skipped', async () => {
    const token = (await (await fetch(`${emulator.url}/emulator/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn: DEMO.manager.upn, scopes: ['Sites.Selected'] }),
    })).json()) as { access_token: string };
    const lists = async () => ((await (await fetch(`${emulator.url}/v1.0/sites/${DEMO.site.id}/lists`, { headers: { Authorization: `Bearer ${token.access_token}` } })).json()) as { value: unknown[] }).value.length;
    // The channel as the emulator's channel viewer shows it (reading messages through Graph needs a scope the tab never has).
    const messages = async () => ((await (await fetch(`${emulator.url}/emulator/channel/messages?teamId=${DEMO.team.id}&channelId=${encodeURIComponent(DEMO.channel.id)}`)).json()) as { value: unknown[] }).value.length;
    const before = [await lists(), await messages()];
    const run = await probe(emulator.url, { argv: ['--read-only'] });
    expect(run.run.exitCode).toBe(0);
    expect(withOutcome(run, 'fail')).toEqual([]);
    for (const id of ['list-create', 'item-create', 'dates', 'channel-post', 'activity-notification', 'bot-post', 'cleanup']) {
      expect(run.step(id).outcome).toBe('skip');
    }
    expect(run.step('list-create').detail).toMatch(/--read-only/);
    expect(run.step('batch-first-open').outcome).toBe('pass');
    expect(run.step('search-consistency').outcome).toBe('pass');
    expect([await lists(), await messages()]).toEqual(before);
  });

  it('--keep leaves the scratch list and says where it is', async () => {
    const run = await probe(emulator.url, { argv: ['--keep'] });
    expect(run.step('cleanup').outcome).toBe('skip');
    expect(run.step('cleanup').detail).toMatch(/kept for inspection \(--keep\): https:\/\/emulator\.sharepoint\.com\/.*DSRprobe/);
  });
});

describe('--compare: the emulator checked against a tenant\'s facts file', () => {
  it('names each fact the emulator answers differently and exits 4', async () => {
    const documented = JSON.parse(readFileSync(path.join(__dirname, 'tenant-facts.json'), 'utf8')) as ProbeFacts;
    const tenant: ProbeFacts = { ...documented, source: 'tenant', etag: { ...documented.etag, item: 'W/"..."' }, dates: { ...documented.dates, normalisation: 'utc-midnight' } };
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dsr-compare-')), 'probe-facts.json');
    writeFileSync(file, JSON.stringify(tenant));
    const run = await probe(emulator.url, { argv: ['--compare', file] });
    expect(run.run.exitCode).toBe(4);
    expect(run.output).toContain(`The emulator differs from ${file}`);
    expect(run.output).toMatch(/- etag\.item: the file says "W\/\\"\.\.\.\\"", the emulator answers "\\"\{GUID\},N\\""/);
    expect(run.output).toMatch(/- dates\.normalisation: the file says "utc-midnight", the emulator answers "london-midnight"/);
  });
});

describe('configuration is checked before anything is sent', () => {
  it('lists everything missing in one message and exits 2', async () => {
    const lines: string[] = [];
    const run = await runProbe({ env: { TENANT_ID: 'contoso.onmicrosoft.com' }, argv: [], print: (line) => lines.push(line) });
    expect(run.exitCode).toBe(2);
    const message = lines.join('\n');
    for (const name of ['APP_ID', 'CERTIFICATE_PATH', 'PROBE_SITE_URL', 'PROBE_TEAM_ID', 'PROBE_CHANNEL_ID']) expect(message).toContain(`${name} is not set`);
    expect(message).not.toContain('TENANT_ID is not set');
    expect(message).toContain('(TENANT_ID is set, so the probe targets a tenant; unset it to probe the local server.)');
  });

  it('refuses an unusable certificate before anything is sent', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dsr-cert-')), 'app.pem');
    writeFileSync(file, 'not a certificate');
    const lines: string[] = [];
    const run = await runProbe({
      env: { TENANT_ID: 'contoso.onmicrosoft.com', APP_ID: '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a', CERTIFICATE_PATH: file, PROBE_SITE_URL: 'https://contoso.sharepoint.com/sites/ProbeTest', PROBE_TEAM_ID: '7c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', PROBE_CHANNEL_ID: '19:abc@thread.tacv2' },
      argv: [],
      print: (line) => lines.push(line),
    });
    expect(run.exitCode).toBe(2);
    expect(lines.join('\n')).toMatch(/CERTIFICATE_PATH: The certificate file has no certificate/);
  });

  it('names malformed values and unknown options', async () => {
    const lines: string[] = [];
    const run = await runProbe({
      env: { TENANT_ID: 'x', APP_ID: 'not-a-guid', CERTIFICATE_PATH: '/nonexistent/cert.pem', PROBE_SITE_URL: 'http://contoso.sharepoint.com/sites/x', PROBE_TEAM_ID: '1', PROBE_CHANNEL_ID: 'general' },
      argv: [],
      print: (line) => lines.push(line),
    });
    expect(run.exitCode).toBe(2);
    const message = lines.join('\n');
    expect(message).toMatch(/APP_ID must be the Entra app \(client\) id/);
    expect(message).toMatch(/CERTIFICATE_PATH names no file/);
    expect(message).toMatch(/PROBE_SITE_URL must be an https URL/);
    expect(message).toMatch(/PROBE_TEAM_ID must be the team's group id/);
    expect(message).toMatch(/PROBE_CHANNEL_ID must be a channel id/);
    const unknown: string[] = [];
    expect((await runProbe({ env: {}, argv: ['--dry-run'], print: (line) => unknown.push(line) })).exitCode).toBe(2);
    expect(unknown.join('\n')).toMatch(/Unknown option --dry-run/);
  });
});
