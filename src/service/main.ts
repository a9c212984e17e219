/**
 * `npm run reminders -- --once | --every <minutes> [--dry-run]`
 *
 * Exit codes: 0 every practice done (or nothing to do); 1 at least one practice failed (retried on
 * the next run); 2 the settings are invalid (nothing was sent); 3 the run could not start (no token,
 * no practice list). `--every` keeps running; a failed pass is logged and the next one still runs.
 */
import { readFileSync } from 'node:fs';
import type { TokenSource } from '../graph/types';
import { certificateTokenSource, emulatorAppTokenSource } from './appToken';
import { ConfigError, loadServiceConfig, type ServiceConfig } from './config';
import { fetchEmulatorPractices, loadPracticesFile } from './practices';
import { runOptions, runReminders, serviceDeps } from './runReminders';

/**
 * Made once, so MSAL's token cache lasts across passes. The certificate is read and checked here.
 * @throws ConfigError when the certificate file cannot be read or is not usable.
 */
function tokenSourceFor(config: ServiceConfig): TokenSource {
  if (config.authMode === 'emulator') return emulatorAppTokenSource({ baseUrl: config.graphBaseUrl, appId: config.appId });
  const path = config.certificatePath as string;
  try {
    return certificateTokenSource({ tenantId: config.tenantId, clientId: config.appId, pem: readFileSync(path, 'utf8') });
  } catch (error) {
    throw new ConfigError([`CERTIFICATE_PATH (${path}): ${error instanceof Error ? error.message : String(error)}`]);
  }
}

async function onePass(config: ServiceConfig, tokenSource: TokenSource): Promise<number> {
  const practices = config.practicesFile ? loadPracticesFile(config.practicesFile) : await fetchEmulatorPractices(config.graphBaseUrl, config.appId);
  const log = (line: string) => console.log(line);
  console.log(`${config.dryRun ? 'Dry run: nothing will be posted or recorded. ' : ''}Reminding ${practices.length} practice(s) via ${config.graphBaseUrl}, SharePoint paced to ${config.ruPerMinute} RU a minute`);
  const summary = await runReminders(practices, serviceDeps(config, tokenSource, { log }), runOptions(config));
  console.log(`Run ${summary.runId}: ${summary.posts} digest(s) posted, ${summary.notifications} notification(s), ${summary.failed} practice(s) failed.`);
  return summary.failed > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  let config: ServiceConfig;
  let tokenSource: TokenSource;
  try {
    config = loadServiceConfig(process.env, process.argv.slice(2));
    tokenSource = tokenSourceFor(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const pass = () =>
    onePass(config, tokenSource).catch((error: unknown) => {
      console.error(`The run could not start: ${error instanceof Error ? error.message : String(error)}`);
      return 3;
    });
  if (config.mode.kind === 'once') return pass();
  const everyMs = config.mode.minutes * 60_000;
  console.log(`Running every ${config.mode.minutes} minute(s). Ctrl-C to stop.`);
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
