/**
 * `npm run reminders -- --once | --every <minutes> [--dry-run] [--serve] | --migrate-ledger [--dry-run]`
 *
 * - `--once` (default): one pass, then exit. `--every N`: a pass every N minutes until stopped.
 * - `--serve`: also host the bot's messaging endpoint (POST /api/messages on BOT_PORT, default 3978),
 *   so the bot and the scheduled run are one Node service.
 * - `--dry-run`: reads and reports what it would send; writes nothing (no lease, no ledger, no post).
 * - `--migrate-ledger`: copies each practice's old SharePoint ledger list into the ledger table.
 * - `--set-site <team id> <site URL>`: records where a practice's site is (siteRegistration.ts).
 *
 * Every pass ends with one JSON line, the run report (report.ts).
 * Exit codes: 0 every practice done (or nothing to do); 1 at least one practice failed, or was kept
 * from its reminders by a lease more than once in a row (retried on the next run); 2 the settings
 * are invalid (nothing was sent); 3 the run could not start (no token, no store).
 */
import { readFileSync } from 'node:fs';
import type { TokenSource } from '@graph';
import { certificateTokenSource, emulatorAppTokenSource } from './appToken';
import { startBotEndpoint, type RunningBotEndpoint } from './bot/endpoint';
import { readCertificatePem } from './certificateToken';
import { ConfigError, loadServiceConfig, type ServiceConfig } from './config';
import { incidentRoute } from './incidents/wiring';
import { migrateLedgers } from './migrateLedger';
import { registerSite } from './siteRegistration';
import { certificateWarning } from './report';
import { runOptions, runReminders, serviceDeps } from './runReminders';
import { openStores, type OpenStores } from './store/openStores';

/**
 * Made once, so MSAL's token cache lasts across passes. The certificate is read and checked here.
 * @throws ConfigError when the certificate file cannot be read or is not usable.
 */
function tokenSourceFor(config: ServiceConfig): { tokenSource: TokenSource; certificateValidTo: Date | null } {
  if (config.authMode === 'emulator') return { tokenSource: emulatorAppTokenSource({ baseUrl: config.graphBaseUrl, appId: config.appId }), certificateValidTo: null };
  const path = config.certificatePath as string;
  try {
    const pem = readFileSync(path, 'utf8');
    return { tokenSource: certificateTokenSource({ tenantId: config.tenantId, clientId: config.appId, pem }), certificateValidTo: readCertificatePem(pem).validTo };
  } catch (error) {
    throw new ConfigError([`CERTIFICATE_PATH (${path}): ${error instanceof Error ? error.message : String(error)}`]);
  }
}

async function onePass(config: ServiceConfig, tokenSource: TokenSource, stores: OpenStores, certificateValidTo: Date | null): Promise<number> {
  const log = (line: string) => console.log(line);
  const warning = certificateValidTo ? certificateWarning(certificateValidTo, new Date()) : null;
  if (warning) console.warn(`WARNING: ${warning}`);
  const deps = { ...serviceDeps(config, tokenSource, stores, { log }), warnings: warning ? [warning] : [] };
  console.log(`${config.dryRun ? 'Dry run: nothing will be posted or recorded. ' : ''}Reminding via ${config.graphBaseUrl}, state in ${stores.description}, SharePoint paced to ${config.ruPerMinute} RU a minute`);
  const { outcomes: _outcomes, ...report } = await runReminders(deps, runOptions(config));
  console.log(JSON.stringify(report));
  return report.exitCode;
}

/** In emulator mode, tells the local emulator where this process's bot listens. */
async function registerWithEmulator(config: ServiceConfig, endpoint: RunningBotEndpoint): Promise<void> {
  if (config.authMode !== 'emulator') return;
  await fetch(`${config.graphBaseUrl}/emulator/teams/bot-endpoint`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ appId: config.appId, url: endpoint.messagingEndpoint }),
  }).catch((error: unknown) => console.warn(`Could not register the bot with the emulator: ${error instanceof Error ? error.message : String(error)}`));
}

async function main(): Promise<number> {
  let config: ServiceConfig;
  let auth: ReturnType<typeof tokenSourceFor>;
  try {
    config = loadServiceConfig(process.env, process.argv.slice(2));
    auth = tokenSourceFor(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  let stores: OpenStores;
  try {
    stores = await openStores(config.store, config.tablePrefix, !config.dryRun);
  } catch (error) {
    console.error(`The service's store could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    return 3;
  }
  const closers: Array<() => Promise<void>> = [() => stores.close()];
  const stop = async (code: number) => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    return code;
  };
  if (config.command === 'set-site' && config.site) {
    const { teamId, siteUrl } = config.site;
    const graph = serviceDeps(config, auth.tokenSource, stores).graph;
    const found = await registerSite(graph, stores.installations, teamId, siteUrl).catch((error: unknown) => {
      console.error(`The site could not be recorded: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (found) console.log(`Team ${teamId}: site ${found.siteId}, register ${found.listId ?? 'not set up yet (open the tab in the team)'}, settings list ${found.settingsId ?? 'not set up yet (no audit log: found by the first run after the tab makes it)'}`);
    return stop(found ? 0 : 1);
  }
  if (config.command === 'migrate-ledger') {
    const summary = await migrateLedgers(config, auth.tokenSource, stores).catch((error: unknown) => {
      console.error(`The migration could not run: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (summary) console.log(JSON.stringify(summary));
    return stop(summary === null ? 3 : summary.failed.length > 0 ? 1 : 0);
  }
  if (config.serve) {
    const emulatorOrigin = config.authMode === 'emulator' ? config.graphBaseUrl : null;
    const log = (line: string) => console.log(line);
    // POST /api/incidents/notify beside the bot, when the tab's origin is known (src/service/incidents).
    const incidents = config.tabOrigin === null ? undefined : incidentRoute({
      appId: config.appId, tenantId: config.tenantId, tabOrigin: config.tabOrigin, emulatorOrigin, teamsAppId: config.teamsAppId, tabEntityId: config.tabEntityId,
      tokenSource: auth.tokenSource, graph: serviceDeps(config, auth.tokenSource, stores, { log }).graph, installations: stores.installations, tables: stores.tables, log,
    });
    const endpoint = await startBotEndpoint({ appId: config.appId, tenantId: config.tenantId, installations: stores.installations, emulatorOrigin, tokenSource: auth.tokenSource, log, port: config.serve.port, host: process.env.BOT_HOST ?? '127.0.0.1', incidents });
    closers.push(() => endpoint.close());
    console.log(`Bot messaging endpoint: ${endpoint.messagingEndpoint}`);
    await registerWithEmulator(config, endpoint);
  }
  const pass = () =>
    onePass(config, auth.tokenSource, stores, auth.certificateValidTo).catch((error: unknown) => {
      console.error(`The run could not start: ${error instanceof Error ? error.message : String(error)}`);
      return 3;
    });
  if (config.mode.kind === 'once' && !config.serve) return stop(await pass());
  const everyMs = config.mode.kind === 'every' ? config.mode.minutes * 60_000 : null;
  process.on('SIGINT', () => void stop(0).then((code) => process.exit(code)));
  process.on('SIGTERM', () => void stop(0).then((code) => process.exit(code)));
  if (everyMs === null) {
    await pass();
    console.log('Serving the bot endpoint. Ctrl-C to stop.');
    return new Promise<number>(() => undefined);
  }
  console.log(`Running every ${everyMs / 60_000} minute(s). Ctrl-C to stop.`);
  for (;;) {
    await pass();
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(3);
  },
);
