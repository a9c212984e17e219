/**
 * Reads the Agents Toolkit env files: teams-app/env/.env.<name> (committed, no secrets) and the
 * optional git-ignored teams-app/env/.env.<name>.user (secrets), the latter overriding the former.
 * Format: `KEY=VALUE` lines, `#` comments, blank lines, optional `export ` prefix, optional matching
 * single or double quotes around the value.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackageError } from './errors';

export type EnvValues = ReadonlyMap<string, string>;

const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const LINE = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

/**
 * Parses env file text.
 * @throws PackageError naming every malformed line (file:line).
 */
export function parseEnvText(text: string, fileName: string): Map<string, string> {
  const values = new Map<string, string>();
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = LINE.exec(line);
    if (!match) {
      problems.push(`${fileName}:${index + 1} is not a KEY=VALUE line`);
      return;
    }
    values.set(match[1] as string, unquote(match[2] as string));
  });
  if (problems.length > 0) throw new PackageError(`Cannot read ${fileName}:`, problems);
  return values;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const first = trimmed[0];
  if (trimmed.length >= 2 && (first === '"' || first === "'") && trimmed.endsWith(first)) return trimmed.slice(1, -1);
  return trimmed;
}

/** The env names that have a committed file in `envDir` (e.g. ['dev', 'local']). */
export function listEnvNames(envDir: string): string[] {
  if (!existsSync(envDir)) return [];
  return readdirSync(envDir)
    .map((file) => /^\.env\.([^.]+)$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

/**
 * Loads `.env.<envName>` then `.env.<envName>.user` (if present) from `envDir`.
 * @throws PackageError if the name is malformed, the committed file is missing, or a line is malformed.
 */
export function loadEnv(envDir: string, envName: string): { values: EnvValues; files: string[] } {
  if (!ENV_NAME.test(envName)) {
    throw new PackageError(`--env "${envName}" is not a valid environment name:`, ['use letters, digits, "-" or "_"']);
  }
  const committed = join(envDir, `.env.${envName}`);
  if (!existsSync(committed)) {
    const known = listEnvNames(envDir);
    throw new PackageError(`No environment file for --env ${envName}:`, [
      `expected teams-app/env/.env.${envName}` + (known.length ? ` (known environments: ${known.join(', ')})` : ''),
    ]);
  }
  const values = parseEnvText(readFileSync(committed, 'utf8'), `.env.${envName}`);
  const files = [`.env.${envName}`];
  const user = `${committed}.user`;
  if (existsSync(user)) {
    for (const [key, value] of parseEnvText(readFileSync(user, 'utf8'), `.env.${envName}.user`)) values.set(key, value);
    files.push(`.env.${envName}.user`);
  }
  return { values, files };
}
