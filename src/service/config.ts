/**
 * The reminder service's settings, from the environment and the command line, validated once at
 * start: every problem is listed in one ConfigError so a broken deployment is fixed in one pass.
 *
 * With no settings at all it runs once against the local server `npm start` runs
 * (http://localhost:${PORT:-53000}) with the emulator's app-only token, and keeps its state in the
 * local Azurite `npm start` runs (or starts one itself, with its data under DATA_DIR).
 *
 * Its state (installations, ledger, leases) lives in Azure Table Storage: AZURE_TABLES_CONNECTION_STRING,
 * or AZURE_TABLES_ENDPOINT with a managed identity (MANAGED_IDENTITY_CLIENT_ID for a user-assigned one).
 */
import { z } from 'zod';

/** The app id the emulator registers for the local service (src/emulator/model/appPrincipal.ts DEMO_APP). */
export const EMULATOR_APP_ID = '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a';
/** The Teams app id (manifest `id`) used in deep links locally; production sets TEAMS_APP_ID. */
export const LOCAL_TEAMS_APP_ID = '6a0d2c1e-9b7f-4e3a-8c5d-0000000000a1';

export type AuthMode = 'emulator' | 'certificate';
export type RunMode = { readonly kind: 'once' } | { readonly kind: 'every'; readonly minutes: number };
/** once/every: reminder passes; migrate-ledger: copy practice ledger lists into the table, then stop. */
export type Command = 'remind' | 'migrate-ledger' | 'set-site';

export type StoreSetting =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  | { readonly kind: 'managedIdentity'; readonly endpoint: string; readonly clientId?: string }
  /** The local Azurite: the one `npm start` runs, else one started with its data under `dataDir`. */
  | { readonly kind: 'local'; readonly dataDir: string };

/** Ledger records are deleted after this many days unless LEDGER_RETENTION_DAYS says otherwise. */
export const DEFAULT_RETENTION_DAYS = 400;

export interface ServiceConfig {
  readonly graphBaseUrl: string;
  readonly authMode: AuthMode;
  readonly appId: string;
  readonly tenantId: string;
  readonly certificatePath: string | null;
  readonly teamsAppId: string;
  readonly tabEntityId: string;
  readonly store: StoreSetting;
  /** Prefix of the three table names (letters and digits). */
  readonly tablePrefix: string;
  readonly retentionDays: number;
  /**
   * The tab's origin (TAB_ORIGIN): the only origin the incident endpoint answers CORS for, and the host
   * of the app's API (`api://{host}/{app id}`). Emulator mode: the emulator serves the tab. Null: no
   * incident endpoint (production must set it to offer one).
   */
  readonly tabOrigin: string | null;
  /** `--serve`: also host the bot's messaging endpoint on this port (one Node service). */
  readonly serve: { readonly port: number } | null;
  readonly command: Command;
  /** `--set-site <teamId> <siteUrl>`: where a practice's site is (Sites.Selected cannot find it from the team). */
  readonly site: { readonly teamId: string; readonly siteUrl: string } | null;
  readonly dueSoonDays: number;
  readonly escalateAfterDays: number;
  readonly concurrency: number;
  readonly leaseMinutes: number;
  /** SharePoint resource units the service may spend a minute, all practices together (its pacer). */
  readonly ruPerMinute: number;
  readonly mode: RunMode;
  readonly dryRun: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The reminder service's settings are not valid:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), {
      error: (issue) => `${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(issue.input)}).`,
    });

const httpUrl = (name: string) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || /^https?:\/\/[^/\s]+\/?$/.test(v), {
      error: (issue) => `${name} must be an origin such as https://graph.microsoft.com (got ${JSON.stringify(issue.input)}).`,
    });

const envSchema = z.object({
  PORT: wholeNumber('PORT', 1, 65535),
  GRAPH_BASE_URL: httpUrl('GRAPH_BASE_URL'),
  TAB_ORIGIN: httpUrl('TAB_ORIGIN'),
  REMINDER_AUTH: z.enum(['emulator', 'certificate'], { error: (i) => `REMINDER_AUTH must be "emulator" or "certificate" (got ${JSON.stringify(i.input)}).` }).optional(),
  APP_ID: z.string().regex(/^[0-9a-f-]{36}$/i, { error: (i) => `APP_ID must be the Entra app (client) id, a GUID (got ${JSON.stringify(i.input)}).` }).optional(),
  TENANT_ID: z.string().optional(),
  CERTIFICATE_PATH: z.string().optional(),
  TEAMS_APP_ID: z.string().min(1).optional(),
  TAB_ENTITY_ID: z.string().min(1).optional(),
  AZURE_TABLES_CONNECTION_STRING: z.string().min(1).optional(),
  AZURE_TABLES_ENDPOINT: z.string().regex(/^https:\/\/[^/\s]+\/?$/, { error: (i) => `AZURE_TABLES_ENDPOINT must be an https table endpoint such as https://<account>.table.core.windows.net (got ${JSON.stringify(i.input)}).` }).optional(),
  MANAGED_IDENTITY_CLIENT_ID: z.string().min(1).optional(),
  TABLE_PREFIX: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,49}$/, { error: (i) => `TABLE_PREFIX must be letters and digits, starting with a letter (got ${JSON.stringify(i.input)}).` }).optional(),
  // At least the ledger's look-back window (DUE_SOON_DAYS up to 365, plus 9 days), so a record is never pruned while it still counts.
  LEDGER_RETENTION_DAYS: wholeNumber('LEDGER_RETENTION_DAYS', 375, 3650),
  BOT_PORT: wholeNumber('BOT_PORT', 1, 65535),
  DATA_DIR: z.string().min(1).optional(),
  DUE_SOON_DAYS: wholeNumber('DUE_SOON_DAYS', 0, 365),
  ESCALATE_AFTER_DAYS: wholeNumber('ESCALATE_AFTER_DAYS', 1, 365),
  REMINDER_CONCURRENCY: wholeNumber('REMINDER_CONCURRENCY', 1, 32),
  LEASE_MINUTES: wholeNumber('LEASE_MINUTES', 1, 240),
  // SharePoint's app limits run from 1,200 a minute (under 1,000 licences) to 6,000 (over 50,000).
  REMINDER_RU_PER_MINUTE: wholeNumber('REMINDER_RU_PER_MINUTE', 60, 6000),
});

/**
 * Default pace: 1,000 units a minute, under the smallest tenant's 1,200 so people using the tab at
 * the same time (the same app's bucket) still have room.
 */
export const DEFAULT_RU_PER_MINUTE = 1_000;

function parseArgs(argv: readonly string[], problems: string[]): { mode: RunMode; dryRun: boolean; serve: boolean; command: Command; site: ServiceConfig['site'] } {
  let mode: RunMode | null = null;
  let dryRun = false;
  let serve = false;
  let command: Command = 'remind';
  let site: ServiceConfig['site'] = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--serve') serve = true;
    else if (arg === '--migrate-ledger') command = 'migrate-ledger';
    else if (arg === '--set-site') {
      const teamId = argv[++i];
      const siteUrl = argv[++i];
      if (!teamId || !siteUrl || !/^https:\/\/[^/\s]+\/\S+$/.test(siteUrl)) problems.push('--set-site needs the team id and the site URL, e.g. --set-site <team id> https://contoso.sharepoint.com/sites/Practice');
      else {
        command = 'set-site';
        site = { teamId, siteUrl };
      }
    }
    else if (arg === '--once') mode = mode ?? { kind: 'once' };
    else if (arg === '--every') {
      const value = argv[++i];
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1440) problems.push(`--every needs a number of minutes from 1 to 1440 (got ${JSON.stringify(value ?? null)}).`);
      else if (mode?.kind === 'once') problems.push('Use either --once or --every <minutes>, not both.');
      else mode = { kind: 'every', minutes: Number(value) };
    } else problems.push(`Unknown option ${JSON.stringify(arg)} (use --once, --every <minutes>, --dry-run, --serve, --migrate-ledger).`);
  }
  if (mode?.kind === 'every' && argv.includes('--once')) problems.push('Use either --once or --every <minutes>, not both.');
  if (command !== 'remind' && (serve || mode !== null)) problems.push(`--${command} runs once on its own (with --dry-run at most).`);
  return { mode: mode ?? { kind: 'once' }, dryRun, serve, command, site };
}

function storeSetting(e: { AZURE_TABLES_CONNECTION_STRING?: string; AZURE_TABLES_ENDPOINT?: string; MANAGED_IDENTITY_CLIENT_ID?: string; DATA_DIR?: string }): StoreSetting {
  if (e.AZURE_TABLES_CONNECTION_STRING) return { kind: 'connectionString', connectionString: e.AZURE_TABLES_CONNECTION_STRING };
  if (e.AZURE_TABLES_ENDPOINT) return { kind: 'managedIdentity', endpoint: e.AZURE_TABLES_ENDPOINT.replace(/\/$/, ''), ...(e.MANAGED_IDENTITY_CLIENT_ID ? { clientId: e.MANAGED_IDENTITY_CLIENT_ID } : {}) };
  return { kind: 'local', dataDir: e.DATA_DIR ?? '.data' };
}

/** @throws ConfigError listing every bad value. */
export function loadServiceConfig(env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): ServiceConfig {
  const problems: string[] = [];
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => issue.message));
  const args = parseArgs(argv, problems);
  const e = parsed.success ? parsed.data : ({} as z.infer<typeof envSchema>);
  const authMode: AuthMode = env.REMINDER_AUTH === 'certificate' ? 'certificate' : 'emulator';
  if (authMode === 'certificate') {
    for (const name of ['APP_ID', 'TENANT_ID', 'CERTIFICATE_PATH', 'TEAMS_APP_ID', 'GRAPH_BASE_URL'] as const) {
      if (!env[name]) problems.push(`${name} is required when REMINDER_AUTH is "certificate".`);
    }
    // Production state never goes to a local Azurite: a storage account is required.
    if (!env.AZURE_TABLES_CONNECTION_STRING && !env.AZURE_TABLES_ENDPOINT) problems.push('AZURE_TABLES_CONNECTION_STRING or AZURE_TABLES_ENDPOINT is required when REMINDER_AUTH is "certificate".');
  }
  if (env.AZURE_TABLES_CONNECTION_STRING && env.AZURE_TABLES_ENDPOINT) problems.push('Set AZURE_TABLES_CONNECTION_STRING or AZURE_TABLES_ENDPOINT, not both.');
  const escalate = Number(e.ESCALATE_AFTER_DAYS ?? 28);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    graphBaseUrl: (e.GRAPH_BASE_URL ?? `http://localhost:${e.PORT ?? 53000}`).replace(/\/$/, ''),
    authMode,
    appId: e.APP_ID ?? EMULATOR_APP_ID,
    tenantId: e.TENANT_ID ?? 'emulator',
    certificatePath: e.CERTIFICATE_PATH ?? null,
    teamsAppId: e.TEAMS_APP_ID ?? LOCAL_TEAMS_APP_ID,
    tabEntityId: e.TAB_ENTITY_ID ?? 'register',
    store: storeSetting(e),
    tablePrefix: e.TABLE_PREFIX ?? 'dsr',
    retentionDays: Number(e.LEDGER_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS),
    tabOrigin: e.TAB_ORIGIN ? e.TAB_ORIGIN.replace(/\/$/, '') : authMode === 'emulator' ? (e.GRAPH_BASE_URL ?? `http://localhost:${e.PORT ?? 53000}`).replace(/\/$/, '') : null,
    serve: args.serve ? { port: Number(e.BOT_PORT ?? 3978) } : null,
    command: args.command,
    site: args.site,
    dueSoonDays: Number(e.DUE_SOON_DAYS ?? 30),
    escalateAfterDays: escalate,
    concurrency: Number(e.REMINDER_CONCURRENCY ?? 8),
    leaseMinutes: Number(e.LEASE_MINUTES ?? 15),
    ruPerMinute: Number(e.REMINDER_RU_PER_MINUTE ?? DEFAULT_RU_PER_MINUTE),
    mode: args.mode,
    dryRun: args.dryRun,
  };
}
