/**
 * Lints code with the project's own ESLint and eslint.config.js, as if it lived at a given path.
 * In a child process: ESLint loads its flat config with a dynamic import, which Jest's module
 * sandbox does not allow.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(__dirname, '../../..');

export interface LintMessage {
  readonly ruleId: string | null;
  readonly message: string;
  readonly severity: number;
}

/** A fixture's text, from tests/tooling/lint/fixtures (kept as .txt so the repository's own lint skips it). */
export function fixture(name: string): string {
  return readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

/** Runs ESLint with `args`; its JSON report, one result per file. */
export function eslint(args: string[], input?: string): { filePath: string; messages: LintMessage[] }[] {
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...args], { cwd: root, input, encoding: 'utf8' });
  if (!run.stdout) throw new Error(`eslint gave no report: ${run.stderr}`);
  return JSON.parse(run.stdout) as { filePath: string; messages: LintMessage[] }[];
}

/** The messages for `code` linted as the file at `filePath` (relative to the repository). */
export function lint(filePath: string, code: string): LintMessage[] {
  const [result] = eslint(['--stdin', '--stdin-filename', filePath], code);
  return result?.messages ?? [];
}

/** The messages of one rule. */
export const rule = (messages: readonly LintMessage[], ruleId: string): string[] =>
  messages.filter((message) => message.ruleId === ruleId).map((message) => message.message);

/** Every error, as "rule: message". */
export const errors = (messages: readonly LintMessage[]): string[] =>
  messages.filter((message) => message.severity === 2).map((message) => `${message.ruleId}: ${message.message}`);
