/**
 * The `npm run import` command (see import.ts), as a function the tests can run in-process:
 * reads the file, runs the same import core as the tab, prints the column mapping (where each
 * column lands), every row's warnings and duplicates, and the account of every filled cell.
 * Exit codes: 0 done, 1 cannot import (bad file, usage, server), 2 interrupted (re-run to finish).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { londonDateOf } from '@domain';
import {
  toCsv,
  describeLanding,
  describeAccount,
  describeRowCells,
  type DuplicateChoice,
  columnLetter,
  columnName,
  describeMatch,
  hintKey,
} from '@domain/spreadsheet';
import { readSpreadsheet } from '@domain/spreadsheetFiles';
import { importReportTable, plannedOutcomes, runImport, prepareImport } from '@usecases';
import { CliError, connect, parseArgs } from './connect';

export const USAGE = 'Usage: npm run import -- <file.xlsx|file.csv> [--dry-run] [--skip-warnings] [--duplicates skip|merge|new] '
  + '[--register <tab address>] [--team <id>] [--as <upn>] [--report <out.csv>]';

const DUPLICATE_CHOICES: readonly DuplicateChoice[] = ['skip', 'merge', 'new'];

/** @returns the exit code. @throws CliError with a sentence for the user. */
export async function importCommand(argv: readonly string[], env: NodeJS.ProcessEnv, log: (line: string) => void, progress: (text: string) => void = () => undefined): Promise<number> {
  // --include-warnings is still accepted: rows with warnings are imported by default now (their text is kept in Notes).
  const args = parseArgs(argv, ['dry-run', 'include-warnings', 'skip-warnings', 'help'], ['team', 'as', 'report', 'duplicates', 'register']);
  const file = args.positional[0];
  if (args.flags.has('help') || !file) {
    log(USAGE);
    return file ? 0 : 1;
  }
  const duplicates = args.values.get('duplicates') as DuplicateChoice | undefined;
  if (duplicates !== undefined && !DUPLICATE_CHOICES.includes(duplicates)) throw new CliError(`--duplicates must be skip, merge or new.\n${USAGE}`);
  const bytes = new Uint8Array(await readFile(file).catch(() => {
    throw new CliError(`Cannot read ${file}.`);
  }));
  const read = await readSpreadsheet(basename(file), bytes);
  if (!read.ok) throw new CliError(read.message);
  const { sheet } = read;
  const connection = await connect(env, { team: args.values.get('team'), as: args.values.get('as'), register: args.values.get('register') });
  log(`Practice: ${connection.team.displayName} (${connection.baseUrl})`);
  const includeWarnings = !args.flags.has('skip-warnings');
  const prepared = await prepareImport({
    client: connection.client, store: connection.store, members: connection.members, sheet, today: londonDateOf(new Date()),
    includeWarnings, ...(duplicates === undefined ? {} : { duplicates }),
  });
  log(`\nFile: ${basename(file)}${sheet.sheetName ? `, sheet "${sheet.sheetName}"` : ''}; headers on row ${prepared.headerRowNumber}`);
  for (const note of sheet.notes) log(`Note: ${note}`);
  log('\nColumns (where their cells land):');
  prepared.mapping.forEach((field, column) => {
    const name = columnName(prepared.headerCells, column);
    const likely = prepared.headers[column]?.confidence === 'likely' && prepared.headers[column]?.field === field ? ' (likely)' : '';
    log(`  ${columnLetter(column)} ${name}${likely} -> ${describeLanding(field, name)}`);
  });
  log('\nRows:');
  const decision = new Map(prepared.items.map((item) => [item.rowNumber, item]));
  for (const row of prepared.rows) {
    const item = decision.get(row.rowNumber);
    const state = row.state === 'blocked' ? 'NOT IMPORTED (no name)' : !item?.write ? (item?.mergedInto ? `MERGED into row ${item.mergedInto}` : 'SKIPPED')
      : item.action === 'merge' ? 'MERGE into the existing entry' : row.state === 'warning' ? 'WARNING' : 'OK';
    log(`  Row ${row.rowNumber}: ${row.parsed.entry.title.slice(0, 80) || '(no name)'} - ${state}`);
    if (row.duplicate) {
      log(`      ${row.duplicate.kind === 'existing' ? `Already in the register as "${row.duplicate.matches}"` : `Repeats row ${row.duplicate.earlierRow}`}`
        + ` (--duplicates skip|merge|new to choose): ${item?.reason || 'imported as chosen'}`);
    }
    for (const problem of row.problems) log(`      ${problem.message}`);
    for (const hint of [row.parsed.ownerHint, row.parsed.deputyHint]) {
      const match = hint && prepared.people.get(hintKey(hint));
      if (hint && match && match.kind !== 'matched') log(`      ${describeMatch(hint, match)}${match.kind === 'ambiguous' ? ' (choose in the tab; left empty here and kept in Notes)' : ''}`);
    }
  }
  const toWrite = prepared.items.filter((item) => item.write).length;
  const counts = { ready: 0, warning: 0, blocked: 0 };
  for (const row of prepared.rows) counts[row.state] += 1;
  const merged = prepared.items.filter((item) => item.mergedInto !== undefined).length;
  log(`\n${prepared.rows.length} rows: ${counts.ready} ready, ${counts.warning} with warnings${includeWarnings ? ' (imported, the text kept in Notes)' : ' (left out: --skip-warnings)'}, `
    + `${merged} merged into an earlier row, ${counts.blocked} without a name (not imported).`);
  log(describeAccount(prepared.account));
  const cells = new Map(prepared.rows.map((row) => [row.rowNumber, describeRowCells(row, prepared.headerCells)]));
  const report = args.values.get('report');
  if (args.flags.has('dry-run')) {
    if (report) await writeFile(report, toCsv(importReportTable(plannedOutcomes(prepared.items), cells, { dryRun: true }), { bom: true }));
    log(`Dry run: nothing written. ${toWrite} rows would be written.${report ? ` Report: ${report}` : ''}`);
    return 0;
  }
  const result = await runImport(connection.store, prepared.items, { onProgress: (done, total) => progress(`\rWriting ${done} of ${total}`) });
  progress('\n');
  if (report) await writeFile(report, toCsv(importReportTable(result.outcomes, cells), { bom: true }));
  log(`${result.imported.length} of ${toWrite} rows written.${report ? ` Report: ${report}` : ''}`);
  if (!result.complete) {
    log('The import was interrupted: run the same command again to finish; rows already imported are not duplicated.');
    return 2;
  }
  return 0;
}
