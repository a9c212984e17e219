/**
 * `incidentCardMs`: from "declare" (the incident item created in the practice's list, as the tab
 * does it) to the incident card posted in the channel through the bot, answered to the tab by
 * `POST /api/incidents/notify`, with 150 ms of latency on every Graph and Bot Connector call. The
 * real service path end to end: token check (keys fetched once), member check, list ids, the
 * incident, the register (for the card), the ledger in Azurite, the post, the item written back.
 * The median of five declarations (the first warms the service's key set and connections).
 */
import { randomUUID } from 'node:crypto';
import { declareIncident, incidentKeyFor, INCIDENTS_LIST } from '@domain/incidents';
import { startEmulator } from '../src/emulator/server';
import { DEMO } from '../src/emulator/seed/demoPractice';
import { createGraphClient } from '@graph';
import { openIncidentStore } from '@graph/incidents';
import { findOrProvisionList } from '@graph/lists';
import type { TokenSource } from '@graph';
import { emulatorAppTokenSource } from '../src/service/appToken';
import { startBotEndpoint } from '../src/service/bot/endpoint';
import { EMULATOR_APP_ID, LOCAL_TEAMS_APP_ID } from '../src/service/config';
import { incidentRoute } from '../src/service/incidents/wiring';
import { registerSite } from '../src/service/siteRegistration';
import { startAzurite } from '../src/service/store/azurite';
import { InstallationStore } from '../src/service/store/installations';
import { ensureTables, openServiceTables } from '../src/service/store/tables';
import type { BenchFigure, BenchModule } from './figures';

const LATENCY_MS = 150;
const RUNS = 5;
const TARGET_MS = 3_000;

async function post(url: string, path: string, body: unknown, method = 'POST'): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return (await response.json().catch(() => ({}))) as Record<string, unknown>;
}

function userTokenSource(url: string, scopes?: readonly string[]): TokenSource {
  let token: Promise<string> | undefined;
  return {
    getToken: () => (token ??= post(url, '/emulator/token', { upn: DEMO.manager.upn, ...(scopes ? { scopes } : {}) }).then((b) => String(b.access_token))),
    invalidate: () => void (token = undefined),
  };
}

async function measure(): Promise<number[]> {
  const emulator = await startEmulator({ port: 0 });
  const azurite = await startAzurite();
  const tables = openServiceTables({ kind: 'connectionString', connectionString: azurite.connectionString }, 'benchinc');
  const closers: Array<() => Promise<void>> = [() => azurite.stop(), () => emulator.close()];
  try {
    await ensureTables(tables);
    const url = emulator.url;
    const installations = new InstallationStore(tables.installations);
    const tokenSource = emulatorAppTokenSource({ baseUrl: url, appId: EMULATOR_APP_ID });
    const graph = createGraphClient({ baseUrl: url, tokenSource });
    const log = () => undefined;
    const incidents = incidentRoute({ appId: EMULATOR_APP_ID, tenantId: 'emulator', tabOrigin: url, emulatorOrigin: url, teamsAppId: LOCAL_TEAMS_APP_ID, tabEntityId: 'register', tokenSource, graph, installations, tables, log });
    const bot = await startBotEndpoint({ appId: EMULATOR_APP_ID, tenantId: 'emulator', installations, emulatorOrigin: url, log, port: 0, incidents });
    closers.unshift(() => bot.close());
    await post(url, '/emulator/teams/bot-endpoint', { url: bot.messagingEndpoint }, 'PUT');
    await post(url, `/emulator/teams/${DEMO.team.id}/installedApps`, { channelId: DEMO.channel.id, installedBy: DEMO.manager.id });
    await registerSite(graph, installations, DEMO.team.id, DEMO.site.webUrl);
    const { id: listId } = await findOrProvisionList(graph, DEMO.site.id, INCIDENTS_LIST);
    const store = openIncidentStore(createGraphClient({ baseUrl: url, tokenSource: userTokenSource(url) }), { siteId: DEMO.site.id, listId });
    const apiScope = `api://${new URL(url).host}/${EMULATOR_APP_ID}/access_as_user`;
    const apiToken = await userTokenSource(url, [apiScope]).getToken([apiScope]);
    const notifyUrl = bot.messagingEndpoint.replace('/api/messages', '/api/incidents/notify');
    await post(url, '/emulator/faults', { rules: [], latencyMs: LATENCY_MS });
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const key = incidentKeyFor(randomUUID());
      await store.create(declareIncident({ key, entryId: '1', serviceTitle: 'Telephony', impact: 'down', seen: 'No calls', declaredBy: { displayName: DEMO.manager.displayName, entraId: DEMO.manager.id } }, new Date()));
      const started = performance.now();
      const response = await fetch(notifyUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${apiToken}`, Origin: url }, body: JSON.stringify({ teamId: DEMO.team.id, incidentKey: key, updateKey: null }) });
      const body = (await response.json()) as { posted?: boolean };
      if (response.status !== 200 || body.posted !== true) throw new Error(`incident card not posted: ${response.status} ${JSON.stringify(body)}`);
      times.push(Math.round(performance.now() - started));
    }
    return times;
  } finally {
    for (const close of closers) await close().catch(() => undefined);
  }
}

export const incidentCardBench: BenchModule = {
  name: 'incidentCard',
  async run(): Promise<BenchFigure[]> {
    const times = await measure();
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    return [{ key: 'incidentCardMs', value: median, unit: 'ms', target: `at most ${TARGET_MS} ms`, met: median <= TARGET_MS, note: `${LATENCY_MS} ms latency; runs ${times.join(', ')} ms` }];
  },
};
