/**
 * `runProbe`: configuration first (one message listing everything missing), then every step, one
 * report block per step, a JSON summary, and `probe-facts.json`. Returns the exit code; never exits
 * the process itself (tests call it in-process).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createGraphClient } from './graphParts';
import { ConfigError, loadConfig, USAGE, type ProbeConfig } from './config';
import { compareFacts, emptyFacts, writeFacts, type ProbeFacts } from './facts';
import { Recorder } from './recorder';
import { EXIT_CONFIG, EXIT_CRASHED, EXIT_FACTS_DIFFER, exitCodeOf, formatResult, runSteps } from './runner';
import { CertificateError } from './serviceParts';
import type { ProbeContext, ProbeStep, StepResult } from './step';
import { PROBE_STEPS } from './steps';
import { identitiesFor, type ProbeIdentities } from './tokens';

export interface ProbeRun {
  readonly exitCode: number;
  readonly results: readonly StepResult[];
  readonly facts: ProbeFacts | null;
  readonly factsPath: string | null;
}

export interface ProbeOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly argv: readonly string[];
  readonly print: (line: string) => void;
  /** Steps to run (tests); default every step. */
  readonly steps?: readonly ProbeStep[];
  /** Tests only: where tokens come from instead of Entra ID, and the HTTP transport under the recorder. */
  readonly seams?: { readonly identities?: ProbeIdentities; readonly fetchImpl?: typeof fetch };
}

/** Throttling and resource-unit headers worth recording, whatever a tenant calls them. */
const RU_HEADER = /^(ratelimit-|x-ratelimit|x-ms-resource-unit|x-ms-throttle|retry-after$)/i;

export interface ProbeSummary {
  readonly target: ProbeConfig['target'];
  readonly exitCode: number;
  readonly passed: number;
  readonly failed: number;
  readonly warned: number;
  readonly skipped: number;
  readonly facts: string | null;
  readonly steps: readonly StepResult[];
}

export async function runProbe(options: ProbeOptions): Promise<ProbeRun> {
  const { print } = options;
  if (options.argv.includes('--help')) {
    print(USAGE);
    return { exitCode: 0, results: [], facts: null, factsPath: null };
  }
  let config: ProbeConfig;
  let identities: ProbeIdentities;
  try {
    config = loadConfig(options.env, options.argv);
    identities = options.seams?.identities ?? identitiesFor(config, print);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof CertificateError) {
      print(error instanceof ConfigError ? error.message : `The probe cannot start:\n  - CERTIFICATE_PATH: ${error.message}`);
      return { exitCode: EXIT_CONFIG, results: [], facts: null, factsPath: null };
    }
    throw error;
  }
  const where = config.target === 'tenant' ? `tenant ${config.tenantId} through ${config.graphBaseUrl}` : `the LOCAL EMULATOR at ${config.graphBaseUrl} (no tenant configured: docs/probe.md)`;
  print(`Probing ${where}${config.readOnly ? ', read-only' : ''}${config.keep ? ', keeping the scratch list' : ''}.`);
  const recorder = new Recorder(options.seams?.fetchImpl);
  const facts = emptyFacts(config.target);
  // Throttling is honoured as the product honours it (the same retry middleware), and said aloud.
  const onRetryWait = (wait: { status: number; waitMs: number }) =>
    print(`      (Graph answered ${wait.status}; waiting ${Math.ceil(wait.waitMs / 1000)} s before asking again, as the product does)`);
  const clientOptions = { baseUrl: config.graphBaseUrl, fetchImpl: recorder.fetch, maxRetries: 2, onRetryWait };
  const ctx: ProbeContext = {
    config,
    user: createGraphClient({ ...clientOptions, tokenSource: identities.user }),
    app: createGraphClient({ ...clientOptions, tokenSource: identities.app }),
    userTokens: identities.user,
    appTokens: identities.app,
    recorder,
    facts,
    state: {},
    print,
  };
  let results: StepResult[];
  try {
    results = await runSteps(options.steps ?? PROBE_STEPS, ctx, (result) => print(formatResult(result)));
  } catch (error) {
    print(`The probe itself failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { exitCode: EXIT_CRASHED, results: [], facts, factsPath: null };
  }
  for (const exchange of recorder.exchanges) {
    for (const [name, value] of Object.entries(exchange.headers)) if (RU_HEADER.test(name)) facts.resourceUnits.headers[name] ??= value;
  }
  const factsPath = resolve(config.factsPath);
  writeFacts(factsPath, facts);
  let exitCode = exitCodeOf(results);
  if (config.comparePath !== null) {
    let recorded: ProbeFacts;
    try {
      recorded = JSON.parse(readFileSync(config.comparePath, 'utf8')) as ProbeFacts;
    } catch (error) {
      print(`--compare: ${config.comparePath} is not a facts file (${error instanceof Error ? error.message : String(error)}).`);
      return { exitCode: EXIT_CONFIG, results, facts, factsPath };
    }
    const differences = compareFacts(recorded, facts);
    print(differences.length === 0
      ? `\nThe emulator answers as ${config.comparePath} records (${recorded.source}, ${recorded.recordedAt}).`
      : `\nThe emulator differs from ${config.comparePath} (${recorded.source}, ${recorded.recordedAt}):\n${differences.map((d) => `  - ${d.fact}: the file says ${JSON.stringify(d.recorded)}, the emulator answers ${JSON.stringify(d.emulator)}`).join('\n')}`);
    if (differences.length > 0 && exitCode === 0) exitCode = EXIT_FACTS_DIFFER;
  }
  const count = (outcome: StepResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const summary: ProbeSummary = { target: config.target, exitCode, passed: count('pass'), failed: count('fail'), warned: count('warn'), skipped: count('skip'), facts: factsPath, steps: results };
  print(`\n${summary.passed} passed, ${summary.failed} failed, ${summary.warned} warnings, ${summary.skipped} skipped. Facts written to ${factsPath}${config.target === 'tenant' ? ': please send that file to the app\'s maintainers.' : '.'}`);
  print(JSON.stringify(summary));
  return { exitCode, results, facts, factsPath };
}
