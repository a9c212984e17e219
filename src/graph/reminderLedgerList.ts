/**
 * The reminder ledger: a second SharePoint list in the practice's site, provisioned with the
 * register, that records every reminder occurrence sent so a run never sends one twice.
 *
 * One item per practice per run that posts, a "digest record": `OccurrenceKeys` holds the reminder
 * occurrence keys (the domain's `occurrenceKey`, one per line) its digest covers, and the record
 * moves through State claimed -> posted -> notified, each change written with If-Match. Its own
 * `OccurrenceKey` (unique, indexed) is `digest|<run id>|<part>`: a run whose keys do not fit one
 * multi-line text value (63,999 characters) writes several parts. Plus one lease item
 * (`OccurrenceKey` = LEASE_KEY) that only one run at a time may hold.
 *
 * So a run costs one record create and two record updates however many reminders it sends, where
 * one item per occurrence cost three writes per reminder.
 */
import type { GraphClient } from './client';
import { GraphError, isAmbiguousFailure } from './errors';
import { pathSegment, queryString } from './odata';
import { pageAll } from './paging';
import { LEDGER_STATES, REMINDER_LEDGER_COLUMNS, REMINDER_LEDGER_LIST_NAME, type LedgerState } from '../domain/reminderLedgerColumns';

/** The lease item's key; no record key can equal it (theirs contain '|'). */
export const LEASE_KEY = 'lease';

/** SharePoint's limit for a multi-line plain text value. */
export const KEYS_MAX_CHARS = 63_999;

/** The unique key of a run's digest record (part counts from 1). */
export function digestRecordKey(runId: string, part: number): string {
  return `digest|${runId}|${part}`;
}

export { LEDGER_STATES, REMINDER_LEDGER_COLUMNS, REMINDER_LEDGER_LIST_NAME, type LedgerState } from '../domain/reminderLedgerColumns';

export const REMINDER_LEDGER_FIELD_NAMES: readonly string[] = ['Title', ...REMINDER_LEDGER_COLUMNS.map((column) => String(column.name))];

/** @returns the ledger list's id, or null when it has not been provisioned. */
export async function findReminderLedger(client: GraphClient, siteId: string): Promise<string | null> {
  const lists = await pageAll<{ id: string; displayName: string }>(
    client,
    `/sites/${pathSegment(siteId)}/lists${queryString({ $select: 'id,displayName' })}`,
  );
  return lists.find((list) => list.displayName === REMINDER_LEDGER_LIST_NAME)?.id ?? null;
}

/**
 * Creates the ledger list, or finds the one already there (a repeat gets 409 and the existing list).
 * Call it beside `provisionRegister`. Needs Sites.Manage.All, or a Sites.Selected grant with 'manage'.
 * @returns the list id.
 */
export async function provisionReminderLedger(client: GraphClient, siteId: string): Promise<string> {
  try {
    const created = (await client.api(`/sites/${pathSegment(siteId)}/lists`).post({
      displayName: REMINDER_LEDGER_LIST_NAME,
      description: 'Which review reminders have been sent, so none is sent twice or missed. Written by the reminder service.',
      columns: REMINDER_LEDGER_COLUMNS,
      list: { template: 'genericList' },
    })) as { id: string };
    return created.id;
  } catch (error) {
    if (!(error instanceof GraphError && error.status === 409) && !isAmbiguousFailure(error)) throw error;
    const existing = await findReminderLedger(client, siteId);
    if (existing !== null) return existing;
    throw error;
  }
}
