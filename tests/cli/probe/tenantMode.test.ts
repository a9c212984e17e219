/**
 * Tenant mode end to end, without a tenant: the configuration a deployer gives (TENANT_ID, APP_ID,
 * CERTIFICATE_PATH, PROBE_SITE_URL, PROBE_TEAM_ID, PROBE_CHANNEL_ID, PROBE_USER_TOKEN), Graph at
 * https://graph.microsoft.com, and the emulator answering behind it (its links shown on Graph's
 * origin, as a tenant's are). Only the app-only token comes from the emulator instead of Entra ID,
 * and the Bot Connector step is left out (it would go to Microsoft's real Bot Connector host).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runProbe } from '../../../src/cli/probe/probe';
import { PROBE_STEPS } from '../../../src/cli/probe/steps';
import { emulatorAppTokenSource } from '../../../src/service/appToken';
import { DEMO, startTestEmulator, type RunningEmulator } from '../../support/emulator';

const GRAPH = 'https://graph.microsoft.com';
const APP_ID = '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 500 });
});
afterAll(() => emulator.close());

/** Graph's origin to the emulator and back: requests go to the emulator, answers name Graph. */
function graphThroughEmulator(): typeof fetch {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(GRAPH)) throw new Error(`The probe sent a request outside Graph: ${url}`);
    const answer = await fetch(`${emulator.url}${url.slice(GRAPH.length)}`, init);
    const text = (await answer.text()).split(emulator.url).join(GRAPH);
    return new Response(answer.status === 204 ? null : text, { status: answer.status, headers: answer.headers });
  };
}

it('runs every step but the bot post against "Graph" with the deployer\'s configuration', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dsr-tenant-'));
  // The file must exist for the configuration check; the app token comes from the emulator (seams), so its content is not read.
  writeFileSync(path.join(dir, 'app.pem'), 'certificate placeholder');
  const signIn = await fetch(`${emulator.url}/emulator/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ upn: DEMO.manager.upn, scopes: ['User.Read', 'Team.ReadBasic.All', 'TeamMember.Read.All', 'Sites.Selected', 'User.ReadBasic.All', 'People.Read', 'Channel.ReadBasic.All', 'ChannelMessage.Send'] }),
  });
  const userToken = ((await signIn.json()) as { access_token: string }).access_token;
  const lines: string[] = [];
  const run = await runProbe({
    env: {
      TENANT_ID: 'contoso.onmicrosoft.com',
      APP_ID,
      CERTIFICATE_PATH: path.join(dir, 'app.pem'),
      PROBE_SITE_URL: DEMO.site.webUrl,
      PROBE_TEAM_ID: DEMO.team.id,
      PROBE_CHANNEL_ID: DEMO.channel.id,
      PROBE_USER_TOKEN: userToken,
    },
    argv: ['--no-browser', '--facts', path.join(dir, 'probe-facts.json')],
    print: (line) => lines.push(line),
    steps: PROBE_STEPS.filter((step) => step.id !== 'bot-post'),
    seams: {
      identities: { user: { getToken: async () => userToken }, app: emulatorAppTokenSource({ baseUrl: emulator.url, appId: APP_ID }) },
      fetchImpl: graphThroughEmulator(),
    },
  });
  const output = lines.join('\n');
  expect(output).toMatch(/^Probing tenant contoso\.onmicrosoft\.com through https:\/\/graph\.microsoft\.com\.$/m);
  expect(run.results.filter((r) => r.outcome === 'fail' || r.outcome === 'skip').map((r) => r.id)).toEqual([]);
  expect(run.results.filter((r) => r.outcome === 'warn').map((r) => r.id).filter((id) => id !== 'cleanup')).toEqual([]);
  expect(run.exitCode).toBe(0);
  expect(output).toContain("please send that file to the app's maintainers");
  expect(run.facts?.source).toBe('tenant');
});
