/**
 * The work behind `npm run export` (export.ts): the register (every entry), the DSPT 7.1.1 evidence
 * or the ICB summary, as the tab's Export page makes them. The evidence and the summary carry the
 * same sections as the tab's: the last 12 months' incidents, and in the summary the training and
 * change-management headings, read from the practice's incidents and changes lists beside the
 * register (an older site without those lists gives empty sections, as in the tab).
 */
import { writeFile } from 'node:fs/promises';
import { INCIDENTS_LIST } from '@domain/incidents';
import {
  dsptEvidence, dsptWithIncidents, icbSummary, registerTable, withIncidentSection, withTrainingAndChangeSections,
} from '@domain/export';
import { londonDateOf } from '@domain';
import { toCsv } from '@domain/spreadsheet';
import { writeXlsx } from '@domain/spreadsheetFiles';
import { findPracticeListIds, openChangeStoreIn } from '@graph';
import { openIncidentStore } from '@graph/incidents';
import { CliError, connect, parseArgs, type Connection } from './connect';

export const EXPORT_USAGE = 'Usage: npm run export -- [--format csv|xlsx] [--out <file>] [--kind register|dspt|icb-summary] [--register <tab address>] [--team <id>] [--as <upn>]';

/** The incidents beside the register (none where the list is missing), and the change records when asked for. */
async function practiceRecords(connection: Connection, withChanges: boolean) {
  const ids = await findPracticeListIds(connection.client, connection.siteId);
  const incidentsListId = ids.get(INCIDENTS_LIST.name);
  const incidents = incidentsListId === undefined
    ? []
    : (await openIncidentStore(connection.client, { siteId: connection.siteId, listId: incidentsListId }).list()).map((stored) => stored.incident);
  const changeStore = withChanges ? await openChangeStoreIn(connection.client, connection.siteId, ids) : null;
  const changes = changeStore ? (await changeStore.list()).changes.map((stored) => stored.change) : [];
  return { incidents, changes };
}

/**
 * @param out where CSV goes without --out (stdout for the command).
 * @param log progress lines (stderr for the command).
 * @throws CliError for bad usage or when the register cannot be reached.
 */
export async function exportCommand(argv: readonly string[], env: NodeJS.ProcessEnv, out: (text: string) => void, log: (line: string) => void): Promise<void> {
  const args = parseArgs(argv, ['help'], ['format', 'out', 'kind', 'team', 'as', 'register']);
  if (args.flags.has('help')) {
    out(`${EXPORT_USAGE}\n`);
    return;
  }
  const file = args.values.get('out');
  const format = args.values.get('format') ?? (file?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
  const kind = args.values.get('kind') ?? 'register';
  if (format !== 'csv' && format !== 'xlsx') throw new CliError(`--format must be csv or xlsx.\n${EXPORT_USAGE}`);
  if (!['register', 'dspt', 'icb-summary'].includes(kind)) throw new CliError(`--kind must be register, dspt or icb-summary.\n${EXPORT_USAGE}`);
  if (format === 'xlsx' && !file) throw new CliError('XLSX is a binary file: give --out <file.xlsx>.');
  const connection = await connect(env, { team: args.values.get('team'), as: args.values.get('as'), register: args.values.get('register') });
  const stored = (await connection.store.list())
    .sort((a, b) => a.entry.title.localeCompare(b.entry.title, 'en-GB', { sensitivity: 'base' }));
  const entries = stored.map((item) => item.entry);
  const today = londonDateOf(new Date());
  const context = { practice: connection.team.displayName, today };
  let table: { name: string; rows: string[][]; boldRows: number[] };
  if (kind === 'register') table = { name: 'Register', rows: registerTable(entries), boldRows: [0] };
  else {
    // The DSPT evidence needs only the incidents: the change records are read for the summary alone.
    const { incidents, changes } = await practiceRecords(connection, kind === 'icb-summary');
    if (kind === 'dspt') {
      const { rows, boldRows } = dsptWithIncidents(dsptEvidence(entries, context), incidents, today);
      table = { name: 'DSPT 7.1.1 evidence', rows, boldRows };
    } else {
      const { rows, headingRows } = withTrainingAndChangeSections(withIncidentSection(icbSummary(entries, context), incidents, today), stored, changes, today);
      table = { name: 'ICB summary', rows, boldRows: [0, ...headingRows] };
    }
  }
  if (format === 'xlsx') await writeFile(file as string, await writeXlsx([table]));
  else if (file) await writeFile(file, toCsv(table.rows, { bom: true }));
  else out(toCsv(table.rows));
  if (file) log(`${entries.length} services from ${connection.team.displayName} written to ${file}.`);
}
