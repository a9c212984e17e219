/**
 * Runs `npm run probe` in-process against a local emulator, optionally through the rewriting proxy,
 * and gives back what a person would read: each step's result, the printed lines, the facts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runProbe, type ProbeRun } from '../../../src/cli/probe/probe';
import type { ProbeFacts } from '../../../src/cli/probe/facts';
import type { StepResult } from '../../../src/cli/probe/step';
import { startRewritingProxy, type Rewrite } from './rewritingProxy';

export interface ProbeOutcome {
  readonly run: ProbeRun;
  readonly output: string;
  readonly facts: ProbeFacts | null;
  step(id: string): StepResult;
}

const factsDir = mkdtempSync(path.join(tmpdir(), 'dsr-probe-'));
let runs = 0;

/** @param url the emulator's URL; `rules` put the rewriting proxy in front of it. */
export async function probe(url: string, options: { rules?: readonly Rewrite[]; argv?: readonly string[]; browser?: boolean } = {}): Promise<ProbeOutcome> {
  const proxy = options.rules ? await startRewritingProxy(url, options.rules) : null;
  const lines: string[] = [];
  const factsPath = path.join(factsDir, `facts-${(runs += 1)}.json`);
  try {
    const run = await runProbe({
      env: { PROBE_LOCAL_URL: proxy?.url ?? url, CHROME_PATH: process.env.CHROME_PATH },
      argv: [...(options.browser ? [] : ['--no-browser']), '--facts', factsPath, ...(options.argv ?? [])],
      print: (line) => lines.push(line),
    });
    let facts: ProbeFacts | null = null;
    try {
      facts = JSON.parse(readFileSync(factsPath, 'utf8')) as ProbeFacts;
    } catch {
      facts = null;
    }
    return {
      run,
      output: lines.join('\n'),
      facts,
      step(id) {
        const found = run.results.find((result) => result.id === id);
        if (!found) throw new Error(`No step ${id} in the run:\n${lines.join('\n')}`);
        return found;
      },
    };
  } finally {
    await proxy?.close();
  }
}

/** The ids of the steps with this outcome. */
export function withOutcome(outcome: ProbeOutcome, kind: StepResult['outcome']): string[] {
  return outcome.run.results.filter((result) => result.outcome === kind).map((result) => result.id);
}
