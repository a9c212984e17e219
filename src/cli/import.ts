/**
 * `npm run import -- <file.xlsx|file.csv> [--dry-run] [--include-warnings] [--register <tab address>] [--team <id>] [--as <upn>] [--report <out.csv>]`
 *
 * Imports a practice's spreadsheet into its register with the same core as the tab, printing a
 * validation report: the header mapping, every row's problems, the people matched. With --dry-run
 * nothing is written. Rows are written with deterministic entry keys, so running the same command
 * again after an interruption neither duplicates nor loses rows.
 * Exit codes: 0 done, 1 cannot import (bad file, usage, server), 2 interrupted (re-run to finish).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { londonDateOf } from '../domain/localDate';
import { toCsv } from '../domain/spreadsheet/cellSafety';
import { IMPORT_FIELD_LABELS } from '../domain/spreadsheet/importFields';
import { describeMatch, hintKey } from '../domain/spreadsheet/ownerMatching';
import { readSpreadsheet } from '../domain/spreadsheet/readSpreadsheet';
import { importReportTable, runImport } from '../graph/importRunner';
import { prepareImport } from '../graph/importSession';
import { CliError, connect, parseArgs } from './connect';

const USAGE = 'Usage: npm run import -- <file.xlsx|file.csv> [--dry-run] [--include-warnings] [--register <tab address>] [--team <id>] [--as <upn>] [--report <out.csv>]';

async function main(argv: readonly string[], log: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['dry-run', 'include-warnings', 'help'], ['team', 'as', 'report', 'register']);
  const file = args.positional[0];
  if (args.flags.has('help') || !file) {
    log(USAGE);
    return file ? 0 : 1;
  }
  const bytes = new Uint8Array(await readFile(file).catch(() => {
    throw new CliError(`Cannot read ${file}.`);
  }));
  const read = await readSpreadsheet(basename(file), bytes);
  if (!read.ok) throw new CliError(read.message);
  const { sheet } = read;
  const connection = await connect(process.env, { team: args.values.get('team'), as: args.values.get('as'), register: args.values.get('register') });
  log(`Practice: ${connection.team.displayName} (${connection.baseUrl})`);
  const prepared = await prepareImport({
    client: connection.client, store: connection.store, members: connection.members, sheet, today: londonDateOf(new Date()),
    includeWarnings: args.flags.has('include-warnings'),
  });
  log(`\nFile: ${basename(file)}${sheet.sheetName ? `, sheet "${sheet.sheetName}"` : ''}; headers on row ${prepared.headerRowNumber}`);
  for (const note of sheet.notes) log(`Note: ${note}`);
  log('\nColumns:');
  for (const header of prepared.headers) log(`  ${header.header || '(blank)'} -> ${header.field ? IMPORT_FIELD_LABELS[header.field] : 'not imported'}${header.confidence === 'likely' ? ' (likely)' : ''}`);
  log('\nRows:');
  for (const row of prepared.rows) {
    const state = row.state === 'ready' ? 'OK' : row.state === 'warning' ? 'WARNING' : 'NOT IMPORTED';
    log(`  Row ${row.rowNumber}: ${row.parsed.entry.title.slice(0, 80) || '(no name)'} - ${state}`);
    for (const problem of row.problems) log(`      ${problem.message}`);
    for (const hint of [row.parsed.ownerHint, row.parsed.deputyHint]) {
      const match = hint && prepared.people.get(hintKey(hint));
      if (hint && match && match.kind !== 'matched') log(`      ${describeMatch(hint, match)}${match.kind === 'ambiguous' ? ' (choose in the tab; left empty here)' : ''}`);
    }
  }
  const toWrite = prepared.items.filter((item) => item.write).length;
  const counts = { ready: 0, warning: 0, blocked: 0 };
  for (const row of prepared.rows) counts[row.state] += 1;
  log(`\n${prepared.rows.length} rows: ${counts.ready} ready, ${counts.warning} with warnings${args.flags.has('include-warnings') ? '' : ' (left out; add --include-warnings to import them)'}, ${counts.blocked} cannot be imported.`);
  if (args.flags.has('dry-run')) {
    log(`Dry run: nothing written. ${toWrite} rows would be imported.`);
    return 0;
  }
  const result = await runImport(connection.store, prepared.items, { onProgress: (done, total) => process.stderr.write(`\rWriting ${done} of ${total}`) });
  process.stderr.write('\n');
  const report = args.values.get('report');
  if (report) await writeFile(report, toCsv(importReportTable(result.outcomes), { bom: true }));
  log(`${result.imported.length} of ${toWrite} rows imported.${report ? ` Report: ${report}` : ''}`);
  if (!result.complete) {
    log('The import was interrupted: run the same command again to finish; rows already imported are not duplicated.');
    return 2;
  }
  return 0;
}

main(process.argv.slice(2), (line) => console.log(line)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof CliError ? error.message : error);
    process.exit(1);
  },
);
