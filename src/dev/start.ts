/**
 * `npm start` (after building the tab) and `npm run dev`: everything on one machine with one command.
 *
 *   1. Azurite's table service (the reminder service's store), data in DATA_DIR/azurite;
 *   2. the emulator (tab at `/`, Graph at `/v1.0`, Teams and Bot Connector under `/emulator/`), as
 *      src/emulator/main.ts starts it (startEmulator), data in DATA_DIR;
 *   3. the bot's messaging endpoint (Teams SDK) on BOT_PORT (default 3978), registered with the
 *      emulator, which then plays Teams: the demo practice's installation reaches the bot as a signed
 *      installationUpdate, and the bot records it in Azurite, exactly as in a tenant;
 *   4. the demo practice's site recorded for the service (as the admin's `--set-site` does).
 *
 * It prints `Digital Services Register running at <url>/`, then the demo register's address with its
 * saved ids (demoRegisterUrl.ts): outside Teams the tab needs them, and a bare address only says to
 * open the tab in Teams once.
 *
 * `npm run reminders` then finds this Azurite through DATA_DIR/service/azurite.json. Ctrl-C stops
 * all three, by their own handles.
 */
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { startEmulator } from '../emulator/server';
import { DEMO } from '../emulator/seed/demoPractice';
import { DEMO_NETWORK } from '../emulator/seed/demoNetwork';
import { createGraphClient } from '@graph';
import { emulatorAppTokenSource } from '../service/appToken';
import { startBotEndpoint } from '../service/bot/endpoint';
import { EMULATOR_APP_ID, LOCAL_TEAMS_APP_ID } from '../service/config';
import { incidentRoute } from '../service/incidents/wiring';
import { registerSite } from '../service/siteRegistration';
import { demoNetworkUrl, demoRegisterUrl } from './demoRegisterUrl';
import { startAzurite } from '../service/store/azurite';
import { localAzuriteFile, openStores } from '../service/store/openStores';

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number, not '${process.env[name]}'.`);
  return value;
}

async function main(): Promise<void> {
  const host = process.env.HOST ?? '127.0.0.1';
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  const azurite = await startAzurite({ location: resolve(dataDir, 'azurite') });
  const marker = localAzuriteFile(dataDir);
  mkdirSync(dirname(marker), { recursive: true });
  writeFileSync(marker, JSON.stringify({ port: azurite.port }));
  const stops: Array<() => Promise<void>> = [async () => rmSync(marker, { force: true }), () => azurite.stop()];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    // A tab built with SERVICE_URL (the bot endpoint below) may call it: the CSP's connect-src names it.
    const botPort = port('BOT_PORT', 3978);
    const serviceOrigins = [`http://127.0.0.1:${botPort}`, `http://localhost:${botPort}`];
    const emulator = await startEmulator({ port: port('PORT', 53000), host, dataDir, staticDir: resolve('dist/tab'), serviceOrigins });
    stops.push(() => emulator.close());
    const stores = await openStores({ kind: 'connectionString', connectionString: azurite.connectionString }, 'dsr', true);
    const tokenSource = emulatorAppTokenSource({ baseUrl: emulator.url, appId: EMULATOR_APP_ID });
    const log = (line: string) => console.log(line);
    // The tab's incident cards go through the bot too (POST /api/incidents/notify, src/service/incidents).
    const incidents = incidentRoute({
      appId: EMULATOR_APP_ID, tenantId: 'emulator', tabOrigin: emulator.url, emulatorOrigin: emulator.url, teamsAppId: LOCAL_TEAMS_APP_ID, tabEntityId: 'register',
      tokenSource, graph: createGraphClient({ baseUrl: emulator.url, tokenSource }), installations: stores.installations, tables: stores.tables, log,
    });
    const bot = await startBotEndpoint({ appId: EMULATOR_APP_ID, tenantId: 'emulator', installations: stores.installations, emulatorOrigin: emulator.url, tokenSource, log, port: botPort, host, incidents });
    stops.push(() => bot.close());
    await fetch(`${emulator.url}/emulator/teams/bot-endpoint`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ appId: EMULATOR_APP_ID, url: bot.messagingEndpoint }) });
    await announceDemoPractice(emulator.url, stores.installations);
    const shown = emulator.url.replace('127.0.0.1', 'localhost');
    console.log(`Digital Services Register running at ${shown}/`);
    // Outside Teams the tab needs the saved ids (a bare address says "open the tab in Teams once"):
    // the demo register's address in the tab's own "Open in browser" form, from the seed's ids.
    console.log(`Open the demo practice's register at ${demoRegisterUrl(shown)}`);
    console.log(`Open the demo PCN's view across its practices (sign in as ${DEMO_NETWORK.lead.displayName}) at ${demoNetworkUrl(shown)}`);
    console.log(`Bot messaging endpoint ${bot.messagingEndpoint}; reminder state in Azurite on port ${azurite.port}; channel viewer ${shown}/emulator/channel`);
    console.log(`Data in ${dataDir}. Press Ctrl-C to stop.`);
  } catch (error) {
    await stopAll();
    throw error;
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping...`);
    stopAll().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/**
 * The demo practice has the app installed from the start; the first time, Teams (the emulator) tells
 * the bot, and the demo site is recorded (again when PORT changed, as Teams would send the new
 * serviceUrl). An uninstall done in the channel viewer is kept.
 */
async function announceDemoPractice(emulatorUrl: string, installations: Awaited<ReturnType<typeof openStores>>['installations']): Promise<void> {
  // Recorded already, from this emulator (a different PORT means a different Bot Connector address).
  const known = await installations.get(DEMO.team.id);
  if (known && (known.status === 'removed' || known.serviceUrl === `${emulatorUrl}/emulator/botframework`)) return;
  const listed = (await (await fetch(`${emulatorUrl}/emulator/bot/installations?appId=${EMULATOR_APP_ID}`)).json()) as { value: Array<{ teamId: string }> };
  if (!listed.value.some((i) => i.teamId === DEMO.team.id)) return;
  const response = await fetch(`${emulatorUrl}/emulator/teams/${DEMO.team.id}/installedApps`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ appId: EMULATOR_APP_ID, channelId: DEMO.channel.id, installedBy: DEMO.manager.id }),
  });
  if (!response.ok) throw new Error(`The demo practice's installation could not be sent to the bot (${response.status}).`);
  const graph = createGraphClient({ baseUrl: emulatorUrl, tokenSource: emulatorAppTokenSource({ baseUrl: emulatorUrl, appId: EMULATOR_APP_ID }) });
  await registerSite(graph, installations, DEMO.team.id, DEMO.site.webUrl);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  // A start-up refusal (e.g. a bad token-signing secret) is a sentence saying what to do: print just that.
  console.error(code === 'EADDRINUSE' ? 'A port is in use: set PORT (and BOT_PORT) to free ports.' : error instanceof Error ? error.message : error);
  process.exit(1);
});
