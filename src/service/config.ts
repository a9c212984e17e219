/**
 * The reminder service's settings, from the environment and the command line, validated once at
 * start: every problem is listed in one ConfigError so a broken deployment is fixed in one pass.
 *
 * With no settings at all it runs once against the local server `npm start` runs
 * (http://localhost:${PORT:-53000}) with the emulator's app-only token and the emulator's list of
 * practices where the app's bot is installed.
 */
import { z } from 'zod';

/** The app id the emulator registers for the local service (src/emulator/model/appPrincipal.ts DEMO_APP). */
export const EMULATOR_APP_ID = '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a';
/** The Teams app id (manifest `id`) used in deep links locally; production sets TEAMS_APP_ID. */
export const LOCAL_TEAMS_APP_ID = '6a0d2c1e-9b7f-4e3a-8c5d-0000000000a1';

export type AuthMode = 'emulator' | 'certificate';
export type RunMode = { readonly kind: 'once' } | { readonly kind: 'every'; readonly minutes: number };

export interface ServiceConfig {
  readonly graphBaseUrl: string;
  readonly authMode: AuthMode;
  readonly appId: string;
  readonly tenantId: string;
  readonly certificatePath: string | null;
  readonly teamsAppId: string;
  readonly tabEntityId: string;
  /** A JSON file of practices; null = ask the emulator where the bot is installed. */
  readonly practicesFile: string | null;
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
  REMINDER_AUTH: z.enum(['emulator', 'certificate'], { error: (i) => `REMINDER_AUTH must be "emulator" or "certificate" (got ${JSON.stringify(i.input)}).` }).optional(),
  APP_ID: z.string().regex(/^[0-9a-f-]{36}$/i, { error: (i) => `APP_ID must be the Entra app (client) id, a GUID (got ${JSON.stringify(i.input)}).` }).optional(),
  TENANT_ID: z.string().optional(),
  CERTIFICATE_PATH: z.string().optional(),
  TEAMS_APP_ID: z.string().min(1).optional(),
  TAB_ENTITY_ID: z.string().min(1).optional(),
  PRACTICES_FILE: z.string().min(1).optional(),
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

function parseArgs(argv: readonly string[], problems: string[]): { mode: RunMode; dryRun: boolean } {
  let mode: RunMode | null = null;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--once') mode = mode ?? { kind: 'once' };
    else if (arg === '--every') {
      const value = argv[++i];
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1440) problems.push(`--every needs a number of minutes from 1 to 1440 (got ${JSON.stringify(value ?? null)}).`);
      else if (mode?.kind === 'once') problems.push('Use either --once or --every <minutes>, not both.');
      else mode = { kind: 'every', minutes: Number(value) };
    } else problems.push(`Unknown option ${JSON.stringify(arg)} (use --once, --every <minutes>, --dry-run).`);
  }
  if (mode?.kind === 'every' && argv.includes('--once')) problems.push('Use either --once or --every <minutes>, not both.');
  return { mode: mode ?? { kind: 'once' }, dryRun };
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
    for (const name of ['APP_ID', 'TENANT_ID', 'CERTIFICATE_PATH', 'TEAMS_APP_ID', 'PRACTICES_FILE', 'GRAPH_BASE_URL'] as const) {
      if (!env[name]) problems.push(`${name} is required when REMINDER_AUTH is "certificate".`);
    }
  }
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
    practicesFile: e.PRACTICES_FILE ?? null,
    dueSoonDays: Number(e.DUE_SOON_DAYS ?? 30),
    escalateAfterDays: escalate,
    concurrency: Number(e.REMINDER_CONCURRENCY ?? 8),
    leaseMinutes: Number(e.LEASE_MINUTES ?? 15),
    ruPerMinute: Number(e.REMINDER_RU_PER_MINUTE ?? DEFAULT_RU_PER_MINUTE),
    mode: args.mode,
    dryRun: args.dryRun,
  };
}
