/**
 * Test wiring for the reminder service against a local emulator and Azurite: the bot's messaging
 * endpoint (Teams SDK) registered with the emulator, the demo app installed through the emulator's
 * control endpoint (so Teams' signed installation activity is what records the practice), app-only
 * tokens, an injected sleep (no wall clock), a movable clock, and tables of its own (a fresh prefix
 * per harness, so tests sharing one Azurite never see each other's state).
 */
import type { AdaptiveCard } from '../../src/domain/reminders/digestCard';
import { createGraphClient } from '../../src/graph';
import type { TokenSource } from '../../src/graph/types';
import { emulatorAppTokenSource } from '../../src/service/appToken';
import { startBotEndpoint, type RunningBotEndpoint } from '../../src/service/bot/endpoint';
import { postProactiveCard } from '../../src/service/bot/proactive';
import { EMULATOR_APP_ID, LOCAL_TEAMS_APP_ID } from '../../src/service/config';
import type { ServiceStores } from '../../src/service/practiceRun';
import { registerSite } from '../../src/service/siteRegistration';
import { runReminders, type CrashPoint, type PracticeOutcome, type RunOptions } from '../../src/service/runReminders';
import type { RunReport } from '../../src/service/report';
import { startAzurite, type RunningAzurite } from '../../src/service/store/azurite';
import { InstallationStore } from '../../src/service/store/installations';
import { LedgerStore } from '../../src/service/store/ledger';
import { LeaseStore } from '../../src/service/store/leases';
import { ensureTables, openServiceTables, type ServiceTables } from '../../src/service/store/tables';
import { DEMO } from '../support/emulator';

export type RunResult = RunReport & { outcomes: readonly PracticeOutcome[] };

export interface Harness {
  readonly stores: ServiceStores;
  readonly tables: ServiceTables;
  readonly tokenSource: TokenSource;
  readonly bot: RunningBotEndpoint;
  readonly logs: string[];
  sleeps: number[];
  cards: AdaptiveCard[];
  run(options?: { at?: Date; dryRun?: boolean; checkpoint?: (point: CrashPoint) => void; runId?: string; options?: Partial<RunOptions> }): Promise<RunResult>;
  close(): Promise<void>;
}

/** 10:00 UTC today, so a run and its recovery fall on the same London calendar day. */
export const BASE_TIME = new Date();
BASE_TIME.setUTCHours(10, 0, 0, 0);
export const LEASE_MS = 15 * 60_000;

export const DEFAULT_OPTIONS: RunOptions = {
  dryRun: false, dueSoonDays: 30, escalateAfterDays: 28, leaseMs: LEASE_MS, teamsAppId: LOCAL_TEAMS_APP_ID, tabEntityId: 'register',
  concurrency: 8, retentionDays: 400, shareWindowMs: 0,
};

let azurite: RunningAzurite | null = null;
let prefixes = 0;
const open = new Set<Harness>();

/** Closes every harness's bot endpoint (call in afterEach). */
export async function closeHarnesses(): Promise<void> {
  for (const h of [...open]) await h.close();
  open.clear();
}

/** One Azurite (in memory) per test file: call in beforeAll, and `stopSharedAzurite` in afterAll. */
export async function sharedAzurite(): Promise<RunningAzurite> {
  azurite ??= await startAzurite();
  return azurite;
}

export async function stopSharedAzurite(): Promise<void> {
  await azurite?.stop();
  azurite = null;
}

export async function freshTables(): Promise<ServiceTables> {
  const az = await sharedAzurite();
  prefixes += 1;
  const tables = openServiceTables({ kind: 'connectionString', connectionString: az.connectionString }, `t${process.pid}x${prefixes}`);
  await ensureTables(tables);
  return tables;
}

export async function control(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

/** Installs the app in `teamId` through the emulator; the bot records it from Teams' activity. */
export async function install(url: string, teamId: string = DEMO.team.id, body: Record<string, unknown> = { channelId: DEMO.channel.id, installedBy: DEMO.manager.id }) {
  return control(url, 'POST', `/emulator/teams/${teamId}/installedApps`, body);
}

export async function harness(url: string, setup: { install?: boolean; tables?: ServiceTables } = {}): Promise<Harness> {
  const tables = setup.tables ?? (await freshTables());
  const stores: ServiceStores = { installations: new InstallationStore(tables.installations), ledger: new LedgerStore(tables.ledger), leases: new LeaseStore(tables.leases) };
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const bot = await startBotEndpoint({ appId: EMULATOR_APP_ID, tenantId: 'emulator', installations: stores.installations, emulatorOrigin: url, log, port: 0 });
  await control(url, 'PUT', '/emulator/teams/bot-endpoint', { url: bot.messagingEndpoint });
  if (setup.install ?? true) {
    const installed = await install(url);
    if (installed.status !== 201 || (installed.body.delivery as { status?: number }).status !== 200) throw new Error(`install failed: ${JSON.stringify(installed)}`);
  }
  const tokenSource = emulatorAppTokenSource({ baseUrl: url, appId: EMULATOR_APP_ID });
  // The admin records the practice's site once (Sites.Selected cannot find it from the team).
  if (setup.install ?? true) await registerSite(createGraphClient({ baseUrl: url, tokenSource }), stores.installations, DEMO.team.id, DEMO.site.webUrl);
  const h: Harness = {
    stores, tables, tokenSource, bot, logs, sleeps: [], cards: [],
    run: (options = {}) => {
      const sleep = async (ms: number) => {
        h.sleeps.push(ms);
      };
      const graph = createGraphClient({ baseUrl: url, tokenSource, sleep });
      return runReminders(
        {
          graph, stores, log, runId: options.runId,
          now: () => options.at ?? BASE_TIME,
          checkpoint: options.checkpoint ? (point) => options.checkpoint?.(point) : undefined,
          postCard: async (practice, card, summary) => {
            const result = await postProactiveCard(
              { serviceUrl: practice.serviceUrl, channelId: practice.channelId, tenantId: practice.tenantId, botAppId: EMULATOR_APP_ID, card, summary },
              { tokenSource, emulatorOrigin: url, sleep },
            );
            h.cards.push(card);
            return result;
          },
        },
        { ...DEFAULT_OPTIONS, dryRun: options.dryRun ?? false, ...options.options },
      );
    },
    close: async () => {
      open.delete(h);
      await bot.close();
    },
  };
  open.add(h);
  return h;
}

/** The bot's messages in the demo channel. */
export async function channelMessages(url: string): Promise<Array<{ from: { application: unknown }; attachments: Array<{ content: string }> }>> {
  const body = (await (await fetch(`${url}/emulator/channel/messages`)).json()) as { value: Array<{ from: { application: unknown }; attachments: Array<{ content: string }> }> };
  return body.value.filter((m) => m.from.application);
}

export async function notifications(url: string): Promise<Array<{ recipientUserId: string; activityType: string; previewText: string; topic: { webUrl?: string } }>> {
  return ((await (await fetch(`${url}/emulator/notifications`)).json()) as { value: [] }).value;
}

/** One identity per digest line: the entry id from its deep link and the kind label. */
export function digestLines(card: AdaptiveCard): string[] {
  const lines: string[] = [];
  for (const element of card.body as Array<{ type: string; items?: Array<{ text?: string; actions?: Array<{ url: string }> }> }>) {
    if (element.type !== 'Container' || !element.items) continue;
    const url = element.items[3]?.actions?.[0]?.url ?? '';
    const context = JSON.parse(new URL(url).searchParams.get('context') ?? '{}') as { subEntityId?: string };
    lines.push(`${context.subEntityId}|${(element.items[1]?.text ?? '').split(':')[0]}`);
  }
  return lines;
}
