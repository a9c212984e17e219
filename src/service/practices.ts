/**
 * The practices the service reminds: where the app's bot is installed. In production they come
 * from a JSON file (PRACTICES_FILE) written when the bot is installed in a team (its
 * conversationUpdate carries the team, channel, tenant and serviceUrl); locally the emulator lists
 * them (`GET /emulator/bot/installations`). Site and list ids are looked up when not given.
 *
 * File format: {"practices": [{"teamId", "channelId", "serviceUrl", "tenantId", "name"?, "siteId"?, "listId"?}]}
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { findRegisterList, findTeamSite, type GraphClient } from '../graph';
import { findReminderLedger, provisionReminderLedger } from '../graph/reminderLedger';

export interface Practice {
  readonly teamId: string;
  readonly name: string;
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly siteId?: string;
  readonly listId?: string;
}

export interface PracticeLists {
  readonly siteId: string;
  readonly listId: string;
  /** Null only in a dry run, which never creates the ledger. */
  readonly ledgerListId: string | null;
}

const practiceSchema = z.object({
  teamId: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.string().url(),
  tenantId: z.string().min(1),
  name: z.string().optional(),
  siteId: z.string().optional(),
  listId: z.string().optional(),
});
const fileSchema = z.object({ practices: z.array(practiceSchema) });

/** @throws Error listing every problem in the file. */
export function loadPracticesFile(path: string): Practice[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Could not read the practices file ${path}: ${(error as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`The practices file ${path} is not valid:\n${parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return parsed.data.practices.map((p) => ({ ...p, name: p.name ?? p.teamId }));
}

/** The practices where `appId`'s bot is installed in the local emulator. */
export async function fetchEmulatorPractices(baseUrl: string, appId: string, fetchImpl: typeof fetch = fetch): Promise<Practice[]> {
  const response = await fetchImpl(`${baseUrl}/emulator/bot/installations?appId=${encodeURIComponent(appId)}`);
  if (!response.ok) throw new Error(`The emulator at ${baseUrl} did not list the bot's installations (${response.status}). Is "npm start" running?`);
  const body = (await response.json()) as { value: Array<{ teamId: string; teamName: string; channelId: string; tenantId: string; serviceUrl: string; siteId: string }> };
  return body.value.map((i) => ({ teamId: i.teamId, name: i.teamName, channelId: i.channelId, tenantId: i.tenantId, serviceUrl: i.serviceUrl, siteId: i.siteId }));
}

/**
 * The practice's site, register and ledger. The ledger is created when missing unless `dryRun`.
 * @throws Error when the register has not been set up (the tab does that).
 */
export async function resolvePracticeLists(client: GraphClient, practice: Practice, dryRun: boolean): Promise<PracticeLists> {
  const siteId = practice.siteId ?? (await findTeamSite(client, practice.teamId)).id;
  const listId = practice.listId ?? (await findRegisterList(client, siteId));
  if (listId === null) throw new Error('The register has not been set up in this team yet (open the tab to set it up).');
  const ledgerListId = (await findReminderLedger(client, siteId)) ?? (dryRun ? null : await provisionReminderLedger(client, siteId));
  return { siteId, listId, ledgerListId };
}
