/**
 * Outermost middleware: turns the final error response (after retries and re-authentication) into
 * our `GraphError`, so every caller sees one error type carrying Graph's code and request id.
 */
import type { Context } from '@microsoft/microsoft-graph-client';
import { GraphError } from '../errors';
import { retryAfterMs } from '../retryAfter';
import { ChainLink } from './chainLink';
import { isOutcomeUnknown, isWrite } from './requestInfo';

/** Statuses after which a write may or may not have been made. 501 means "not implemented": nothing ran. */
const OUTCOME_UNKNOWN_STATUSES = new Set([500, 502, 503, 504]);

interface GraphErrorBody {
  error?: { code?: string; message?: string; innerError?: Record<string, unknown> };
}

export async function graphErrorFrom(response: Response, options: { ambiguous: boolean; nowMs: number }): Promise<GraphError> {
  let body: GraphErrorBody = {};
  try {
    body = JSON.parse(await response.text()) as GraphErrorBody;
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): fall back to the status line.
  }
  const inner = body.error?.innerError ?? {};
  const requestId = (typeof inner['request-id'] === 'string' ? inner['request-id'] : undefined) ?? response.headers.get('request-id') ?? undefined;
  const waitMs = retryAfterMs(response.headers.get('retry-after'), options.nowMs);
  return new GraphError(
    response.status,
    body.error?.code ?? `http${response.status}`,
    body.error?.message ?? `${response.status} ${response.statusText}`.trim(),
    { requestId, retryAfterSeconds: waitMs === undefined ? undefined : waitMs / 1000, ambiguous: options.ambiguous },
  );
}

export class ErrorMappingMiddleware extends ChainLink {
  constructor(private readonly now: () => number) {
    super();
  }

  async execute(context: Context): Promise<void> {
    await this.next(context);
    const response = context.response;
    if (!response || response.ok) return;
    const ambiguous = isWrite(context) && (isOutcomeUnknown(context) || OUTCOME_UNKNOWN_STATUSES.has(response.status));
    throw await graphErrorFrom(response, { ambiguous, nowMs: this.now() });
  }
}
