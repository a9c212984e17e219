/** Runs the steps in order and turns each into a reported result with status, code and request-id. */
import { GraphError, NetworkError, TokenError } from '@graph';
import type { Exchange } from './recorder';
import type { Check, Failure, ProbeContext, ProbeStep, StepResult } from './step';
import { BotPostError } from './serviceParts';

export const EXIT_OK = 0;
export const EXIT_REQUIRED_FAILED = 1;
export const EXIT_CONFIG = 2;
export const EXIT_CRASHED = 3;
/** --compare: the local emulator answers differently from the tenant's facts file. */
export const EXIT_FACTS_DIFFER = 4;

interface Thrown {
  status: number | null;
  code: string | null;
  requestId: string | null;
  message: string;
}

function describeThrown(error: unknown, exchanges: readonly Exchange[]): Thrown {
  const lastError = [...exchanges].reverse().find((exchange) => exchange.status >= 400);
  if (error instanceof GraphError) return { status: error.status, code: error.code, requestId: error.requestId ?? lastError?.requestId ?? null, message: error.message };
  if (error instanceof BotPostError) return { status: error.status, code: error.code || null, requestId: null, message: error.message };
  if (error instanceof TokenError) return { status: null, code: 'token', requestId: null, message: error.message };
  if (error instanceof NetworkError) return { status: null, code: 'network', requestId: null, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { status: lastError?.status ?? null, code: lastError?.errorCode || null, requestId: lastError?.requestId ?? null, message };
}

function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export async function runStep(step: ProbeStep, ctx: ProbeContext, passed: ReadonlySet<string>): Promise<StepResult> {
  const base = { id: step.id, title: step.title, required: step.required };
  const skip = (detail: string): StepResult => ({ ...base, outcome: 'skip', status: null, code: null, requestId: null, detail, advice: null });
  if (ctx.config.readOnly && step.writes) return skip('skipped: --read-only');
  const missing = (step.needs ?? []).filter((id) => !passed.has(id));
  if (missing.length > 0) return skip(`skipped: needs ${missing.join(', ')}`);
  const mark = ctx.recorder.mark();
  let check: Check;
  try {
    check = await step.run(ctx);
  } catch (error) {
    const thrown = describeThrown(error, ctx.recorder.since(mark));
    const failure: Failure = { status: thrown.status ?? undefined, code: thrown.code ?? undefined };
    return {
      ...base,
      outcome: step.required ? 'fail' : 'warn',
      status: thrown.status,
      code: thrown.code,
      requestId: thrown.requestId,
      detail: oneLine(thrown.message),
      advice: step.advice(failure),
    };
  }
  const exchanges = ctx.recorder.since(mark);
  const latest = [...exchanges].reverse();
  const shown =
    (check.focus ? latest.find(check.focus) : undefined) ??
    (check.ok ? latest[0] : (latest.find((e) => e.status >= 400) ?? latest[0]));
  const status = shown?.status ?? null;
  const code = shown?.errorCode || null;
  if (check.skipped) return { ...skip(check.detail), status, code, requestId: shown?.requestId || null, advice: check.advice ?? null };
  return {
    ...base,
    outcome: check.ok ? 'pass' : step.required ? 'fail' : 'warn',
    status,
    code,
    requestId: shown?.requestId || null,
    detail: oneLine(check.detail, 400),
    advice: check.ok ? (check.advice ?? null) : (check.advice ?? step.advice({ status: status ?? undefined, code: code ?? undefined })),
  };
}

export async function runSteps(steps: readonly ProbeStep[], ctx: ProbeContext, onResult: (result: StepResult) => void): Promise<StepResult[]> {
  const passed = new Set<string>();
  const results: StepResult[] = [];
  for (const step of steps) {
    const result = await runStep(step, ctx, passed);
    if (result.outcome === 'pass') passed.add(step.id);
    results.push(result);
    onResult(result);
  }
  return results;
}

export function exitCodeOf(results: readonly StepResult[]): number {
  return results.some((result) => result.outcome === 'fail') ? EXIT_REQUIRED_FAILED : EXIT_OK;
}

const LABEL = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', skip: 'SKIP' } as const;

/** Two or three lines per step, for a person reading a terminal. */
export function formatResult(result: StepResult): string {
  const status = result.status === null ? '' : ` ${result.status}`;
  const code = result.code ? ` ${result.code}` : '';
  const requestId = result.requestId ? `  request-id ${result.requestId}` : '';
  const lines = [`${LABEL[result.outcome]}  ${result.title} [${result.id}]${status}${code}${requestId}`, `      ${result.detail}`];
  if (result.advice) lines.push(`      -> ${result.advice}`);
  return lines.join('\n');
}
