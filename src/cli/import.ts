/**
 * `npm run import -- <file.xlsx|file.csv> [--dry-run] [--skip-warnings] [--duplicates skip|merge|new] [--register <tab address>] [--team <id>] [--as <upn>] [--report <out.csv>]`
 *
 * Imports a practice's spreadsheet into its register with the same core as the tab, printing a
 * validation report: where each column lands, every row's warnings and duplicates, the people
 * matched, and an account of every filled cell. With --dry-run nothing is written. New rows are
 * written with deterministic entry keys, so running the same command again after an interruption
 * neither duplicates nor loses rows. The work is in importCommand.ts.
 * Exit codes: 0 done, 1 cannot import (bad file, usage, server), 2 interrupted (re-run to finish).
 */
import { CliError } from './connect';
import { importCommand } from './importCommand';

importCommand(process.argv.slice(2), process.env, (line) => console.log(line), (text) => process.stderr.write(text)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof CliError ? error.message : error);
    process.exit(1);
  },
);
