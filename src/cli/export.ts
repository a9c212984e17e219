/**
 * `npm run export -- [--format csv|xlsx] [--out <file>] [--kind register|dspt|icb-summary] [--team <id>] [--as <upn>]`
 *
 * Writes the register (every entry), the DSPT 7.1.1 evidence or the ICB summary as CSV (to stdout
 * without --out) or XLSX (needs --out). Every cell is neutralised against formula injection.
 */
import { writeFile } from 'node:fs/promises';
import { dsptEvidence, icbSummary, registerTable } from '../domain/export';
import { londonDateOf } from '../domain/localDate';
import { toCsv } from '../domain/spreadsheet/cellSafety';
import { writeXlsx } from '../domain/spreadsheet/writeSpreadsheet';
import { CliError, connect, parseArgs } from './connect';

const USAGE = 'Usage: npm run export -- [--format csv|xlsx] [--out <file>] [--kind register|dspt|icb-summary] [--register <tab address>] [--team <id>] [--as <upn>]';

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv, ['help'], ['format', 'out', 'kind', 'team', 'as', 'register']);
  if (args.flags.has('help')) {
    console.log(USAGE);
    return;
  }
  const out = args.values.get('out');
  const format = args.values.get('format') ?? (out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
  const kind = args.values.get('kind') ?? 'register';
  if (format !== 'csv' && format !== 'xlsx') throw new CliError(`--format must be csv or xlsx.\n${USAGE}`);
  if (!['register', 'dspt', 'icb-summary'].includes(kind)) throw new CliError(`--kind must be register, dspt or icb-summary.\n${USAGE}`);
  if (format === 'xlsx' && !out) throw new CliError('XLSX is a binary file: give --out <file.xlsx>.');
  const connection = await connect(process.env, { team: args.values.get('team'), as: args.values.get('as'), register: args.values.get('register') });
  const entries = (await connection.store.list()).map((stored) => stored.entry)
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB', { sensitivity: 'base' }));
  const context = { practice: connection.team.displayName, today: londonDateOf(new Date()) };
  const table = kind === 'register'
    ? { name: 'Register', rows: registerTable(entries), boldRows: [0] }
    : kind === 'dspt'
      ? (({ rows, headerRow }) => ({ name: 'DSPT 7.1.1 evidence', rows, boldRows: [0, headerRow] }))(dsptEvidence(entries, context))
      : (({ rows, headingRows }) => ({ name: 'ICB summary', rows, boldRows: [0, ...headingRows] }))(icbSummary(entries, context));
  if (format === 'xlsx') await writeFile(out as string, await writeXlsx([table]));
  else if (out) await writeFile(out, toCsv(table.rows, { bom: true }));
  else process.stdout.write(toCsv(table.rows));
  if (out) console.error(`${entries.length} services from ${connection.team.displayName} written to ${out}.`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof CliError ? error.message : error);
  process.exit(1);
});
