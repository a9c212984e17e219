/**
 * The probe's configuration, validated before anything is sent: every problem is collected and
 * reported in one message, so the person deploying fixes them all at once.
 *
 * Two targets:
 * - **tenant** (any tenant setting set, e.g. TENANT_ID): real Microsoft Graph with the
 *   app's own credentials, the same variables the reminder service uses (APP_ID, TENANT_ID,
 *   CERTIFICATE_PATH) plus where to probe (PROBE_SITE_URL, PROBE_TEAM_ID, PROBE_CHANNEL_ID).
 * - **emulator** (none of them set): the local server `npm start` runs, signed in through its own
 *   token endpoint; the site, team and channel default to the signed-in user's first team.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from '../connect';

export const FLAGS = ['read-only', 'keep', 'no-browser', 'help'] as const;
export const VALUED = ['facts', 'as', 'compare'] as const;
export const DEFAULT_GRAPH = 'https://graph.microsoft.com';
export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';
/**
 * Teams' global Bot Connector endpoint for proactive messages, for use only when no activity has told
 * the bot its regional serviceUrl (msteams-docs bots/how-to/conversations/send-proactive-messages.md;
 * the Microsoft 365 Agents SDK's TeamsProactiveServiceEndpoints.publicGlobal). The serviceUrl the
 * service recorded when the app was installed is better: PROBE_BOT_SERVICE_URL.
 */
export const DEFAULT_BOT_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
/** The local app identity (contract 1: tab client id == bot id == webApplicationInfo.id). */
export const EMULATOR_APP_ID = '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a';
export const DEFAULT_LOCAL_UPN = 'priya.shah@nhs.net';
/** The demo practice's site on the local server (src/emulator/seed/demoPractice.ts). */
export const EMULATOR_SITE_URL = 'https://emulator.sharepoint.com/sites/RiversideMedicalPractice';

/** Settings that only make sense against a tenant: any of them selects the tenant. */
const TENANT_SETTINGS = ['TENANT_ID', 'APP_ID', 'CERTIFICATE_PATH', 'PROBE_SITE_URL', 'PROBE_TEAM_ID', 'PROBE_CHANNEL_ID', 'PROBE_USER_TOKEN', 'PROBE_BOT_SERVICE_URL'] as const;

export interface ProbeConfig {
  readonly target: 'tenant' | 'emulator';
  /** Graph's root without the version. */
  readonly graphBaseUrl: string;
  readonly appId: string;
  readonly tenantId: string;
  readonly authorityHost: string;
  /** PEM text of the app's certificate and key (tenant only). */
  readonly certificatePem: string | null;
  /** A delegated token given by hand, instead of the device-code sign-in (tenant only). */
  readonly userToken: string | null;
  /** The local sign-in user (emulator only). */
  readonly localUpn: string;
  /** The site for the scratch list (locally the demo practice's). */
  readonly siteUrl: string;
  /** Null = locally, the signed-in user's first team and its digest channel. */
  readonly teamId: string | null;
  readonly channelId: string | null;
  /** Null = the emulator's Bot Connector, or DEFAULT_BOT_SERVICE_URL on a tenant. */
  readonly botServiceUrl: string | null;
  /** Null = a word from the signed-in user's own name. */
  readonly searchText: string | null;
  readonly readOnly: boolean;
  readonly keep: boolean;
  readonly browser: boolean;
  readonly factsPath: string;
  /** A facts file from a tenant to check the local emulator against (emulator only). */
  readonly comparePath: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The probe cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}\n(docs/probe.md lists every setting.)`);
    this.name = 'ConfigError';
  }
}

export const USAGE = `npm run probe -- [--read-only] [--keep] [--no-browser] [--facts <file>] [--as <upn>] [--compare <tenant facts file>]

Checks every kind of request the tab and the reminder service send, against the configured tenant
(TENANT_ID, APP_ID, CERTIFICATE_PATH, PROBE_SITE_URL, PROBE_TEAM_ID, PROBE_CHANNEL_ID) or, when none
is set, against the local server (npm start). Writes probe-facts.json. See docs/probe.md.`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function httpsUrl(name: string, value: string | undefined, problems: string[], allowHttp = false): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || (allowHttp && url.protocol === 'http:')) return value.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  problems.push(`${name} must be an ${allowHttp ? 'http(s)' : 'https'} URL (got ${JSON.stringify(value)}).`);
  return null;
}

/** @throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): ProbeConfig {
  const problems: string[] = [];
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv, FLAGS, VALUED);
  } catch (error) {
    throw new ConfigError([`${(error as Error).message} ${USAGE.split('\n')[0]}`]);
  }
  if (args.positional.length > 0) problems.push(`Unexpected argument ${JSON.stringify(args.positional[0])}.`);
  // Any tenant setting selects the tenant, so a half-configured tenant is reported, never silently
  // replaced by a run against the local server.
  const tenantSettings = TENANT_SETTINGS.filter((name) => env[name]?.trim());
  const tenant = tenantSettings.length > 0;
  const common = {
    readOnly: args.flags.has('read-only'),
    keep: args.flags.has('keep'),
    browser: !args.flags.has('no-browser'),
    factsPath: args.values.get('facts') ?? env.PROBE_FACTS ?? 'probe-facts.json',
    searchText: env.PROBE_SEARCH_TEXT?.trim() || null,
    comparePath: args.values.get('compare') ?? null,
  };
  if (common.comparePath !== null && !existsSync(common.comparePath)) problems.push(`--compare names no file (${common.comparePath}).`);
  if (!tenant) {
    const graphBaseUrl = httpsUrl('PROBE_LOCAL_URL', env.PROBE_LOCAL_URL, problems, true) ?? `http://127.0.0.1:${env.PORT ?? 53000}`;
    if (problems.length > 0) throw new ConfigError(problems);
    return {
      ...common, target: 'emulator', graphBaseUrl, appId: EMULATOR_APP_ID, tenantId: 'emulator', authorityHost: DEFAULT_AUTHORITY,
      certificatePem: null, userToken: null, localUpn: args.values.get('as') ?? DEFAULT_LOCAL_UPN,
      siteUrl: EMULATOR_SITE_URL, teamId: null, channelId: null, botServiceUrl: null,
    };
  }
  if (args.values.has('as')) problems.push('--as is for the local server only; on a tenant you sign in as yourself.');
  if (common.comparePath !== null) problems.push('--compare checks the local emulator against a tenant\'s facts file: run it with no tenant setting (TENANT_ID, APP_ID, PROBE_SITE_URL...).');
  for (const name of ['TENANT_ID', 'APP_ID', 'CERTIFICATE_PATH', 'PROBE_SITE_URL', 'PROBE_TEAM_ID', 'PROBE_CHANNEL_ID'] as const) {
    if (!env[name]?.trim()) problems.push(`${name} is not set (${DESCRIPTIONS[name]}).`);
  }
  if (env.APP_ID && !GUID.test(env.APP_ID)) problems.push(`APP_ID must be the Entra app (client) id, a GUID (got ${JSON.stringify(env.APP_ID)}).`);
  if (env.TENANT_ID && !GUID.test(env.TENANT_ID) && !/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(env.TENANT_ID))
    problems.push(`TENANT_ID must be the directory (tenant) id or its domain (got ${JSON.stringify(env.TENANT_ID)}).`);
  if (env.PROBE_TEAM_ID && !GUID.test(env.PROBE_TEAM_ID)) problems.push(`PROBE_TEAM_ID must be the team's group id, a GUID (got ${JSON.stringify(env.PROBE_TEAM_ID)}).`);
  if (env.PROBE_CHANNEL_ID && !/^19:.+@thread\.(tacv2|skype)$/.test(env.PROBE_CHANNEL_ID))
    problems.push(`PROBE_CHANNEL_ID must be a channel id like 19:...@thread.tacv2 (got ${JSON.stringify(env.PROBE_CHANNEL_ID)}).`);
  const siteUrl = httpsUrl('PROBE_SITE_URL', env.PROBE_SITE_URL, problems);
  const graphBaseUrl = httpsUrl('GRAPH_BASE_URL', env.GRAPH_BASE_URL, problems) ?? DEFAULT_GRAPH;
  const authorityHost = httpsUrl('AUTHORITY_HOST', env.AUTHORITY_HOST, problems) ?? DEFAULT_AUTHORITY;
  const botServiceUrl = httpsUrl('PROBE_BOT_SERVICE_URL', env.PROBE_BOT_SERVICE_URL, problems) ?? DEFAULT_BOT_SERVICE_URL;
  let certificatePem: string | null = null;
  if (env.CERTIFICATE_PATH) {
    if (!existsSync(env.CERTIFICATE_PATH)) problems.push(`CERTIFICATE_PATH names no file (${env.CERTIFICATE_PATH}).`);
    else certificatePem = readFileSync(env.CERTIFICATE_PATH, 'utf8');
  }
  if (problems.length > 0) {
    problems.push(`(${tenantSettings.join(', ')} ${tenantSettings.length === 1 ? 'is' : 'are'} set, so the probe targets a tenant; unset ${tenantSettings.length === 1 ? 'it' : 'them'} to probe the local server.)`);
    throw new ConfigError(problems);
  }
  return {
    ...common, target: 'tenant', graphBaseUrl, appId: env.APP_ID as string, tenantId: env.TENANT_ID as string, authorityHost, certificatePem,
    userToken: env.PROBE_USER_TOKEN?.trim() || null, localUpn: '', siteUrl: siteUrl as string, teamId: env.PROBE_TEAM_ID as string,
    channelId: env.PROBE_CHANNEL_ID as string, botServiceUrl,
  };
}

const DESCRIPTIONS = {
  TENANT_ID: 'the directory (tenant) id',
  APP_ID: "the app's Entra application (client) id: the tab's, the bot's and the service's one identity",
  CERTIFICATE_PATH: "a PEM file with the app's certificate and its private key, as the reminder service uses",
  PROBE_SITE_URL: 'the SharePoint site where the probe may create and delete a scratch list, e.g. https://contoso.sharepoint.com/sites/ProbeTest',
  PROBE_TEAM_ID: 'the group id of the team whose members, channel and app installation the probe checks',
  PROBE_CHANNEL_ID: 'the channel the probe may post two test messages to',
} as const;
