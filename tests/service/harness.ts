/**
 * Test wiring for the reminder service against a local emulator: app-only tokens, the demo
 * practice as the emulator lists it, an injected sleep (no wall clock) and a movable clock.
 */
import { createGraphClient } from '../../src/graph';
import { emulatorAppTokenSource } from '../../src/service/appToken';
import { postProactiveCard } from '../../src/service/botConnector';
import { EMULATOR_APP_ID, LOCAL_TEAMS_APP_ID } from '../../src/service/config';
import { fetchEmulatorPractices, type Practice } from '../../src/service/practices';
import { runReminders, type CrashPoint, type RunSummary } from '../../src/service/runReminders';
import type { AdaptiveCard } from '../../src/domain/reminders/digestCard';

export interface Harness {
  practices: Practice[];
  sleeps: number[];
  cards: AdaptiveCard[];
  run(options?: { at?: Date; dryRun?: boolean; checkpoint?: (point: CrashPoint) => void; practices?: Practice[]; runId?: string }): Promise<RunSummary>;
}

/** 10:00 London on a fixed day, so a run and its recovery fall on the same calendar day. */
export const BASE_TIME = new Date();
BASE_TIME.setUTCHours(10, 0, 0, 0);
export const LEASE_MS = 15 * 60_000;

export async function harness(url: string): Promise<Harness> {
  const tokenSource = emulatorAppTokenSource({ baseUrl: url, appId: EMULATOR_APP_ID });
  const practices = await fetchEmulatorPractices(url, EMULATOR_APP_ID);
  const sleeps: number[] = [];
  const cards: AdaptiveCard[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  const graph = createGraphClient({ baseUrl: url, tokenSource, sleep });
  return {
    practices,
    sleeps,
    cards,
    run: (options = {}) =>
      runReminders(
        options.practices ?? practices,
        {
          graph,
          now: () => options.at ?? BASE_TIME,
          runId: options.runId,
          log: () => undefined,
          checkpoint: options.checkpoint ? (point) => options.checkpoint?.(point) : undefined,
          postCard: async (practice, card, summary) => {
            const result = await postProactiveCard(
              { serviceUrl: practice.serviceUrl, channelId: practice.channelId, tenantId: practice.tenantId, botAppId: EMULATOR_APP_ID, card, summary },
              { tokenSource, sleep },
            );
            cards.push(card);
            return result;
          },
        },
        { dryRun: options.dryRun ?? false, dueSoonDays: 30, escalateAfterDays: 28, leaseMs: LEASE_MS, teamsAppId: LOCAL_TEAMS_APP_ID, tabEntityId: 'register', concurrency: 8 },
      ),
  };
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
