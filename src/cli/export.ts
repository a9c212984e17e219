/**
 * `npm run export -- [--format csv|xlsx] [--out <file>] [--kind register|dspt|icb-summary] [--team <id>] [--as <upn>]`
 *
 * Writes the register (every entry), the DSPT 7.1.1 evidence or the ICB summary as CSV (to stdout
 * without --out) or XLSX (needs --out). Every cell is neutralised against formula injection. The
 * work is in exportCommand.ts.
 */
import { CliError } from './connect';
import { exportCommand } from './exportCommand';

exportCommand(process.argv.slice(2), process.env, (text) => process.stdout.write(text), (line) => console.error(line)).catch((error: unknown) => {
  console.error(error instanceof CliError ? error.message : error);
  process.exit(1);
});
