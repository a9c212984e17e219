/**
 * `POST /$batch` as concepts/json-batching.md documents it:
 * - at most 20 requests (more: 400);
 * - each inner request goes through the whole pipeline (auth, permissions, throttling, faults) with
 *   the outer request's Authorization unless it sets its own; a throttled inner request answers its
 *   own 429 with its own Retry-After;
 * - `dependsOn` (strictness.batchDependsOnRules): all the requests one sequence, or none using it;
 *   a request whose dependency failed (or was itself skipped) answers 424 without running;
 * - answers come back in any order ("the most efficient order"): shuffled with a seeded generator
 *   (strictness.shuffleBatch, batchSeed), so a client that relies on order fails, reproducibly.
 */
import { errorResponse, fail, GraphHttpError } from '../errors';
import { json } from '../http';
import type { EmulatorState } from '../model/state';
import { seededRandom, type Random } from '../prng';
import type { Route, RouteContext } from '../router';

export const MAX_BATCH = 20;

interface InnerRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/** @throws GraphHttpError 400 for a malformed batch (the whole batch fails, as in Graph). */
function checkBatch(body: unknown): InnerRequest[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw fail.badRequest('Invalid batch payload format: requests must be a non-empty array.');
  if (requests.length > MAX_BATCH) throw fail.badRequest(`Number of batch request steps exceeds the maximum of ${MAX_BATCH}.`);
  const seen = new Set<string>();
  for (const r of requests as InnerRequest[]) {
    if (typeof r?.id !== 'string' || typeof r.method !== 'string' || typeof r.url !== 'string')
      throw fail.badRequest('Each batch request needs string id, method and url.');
    if (seen.has(r.id)) throw fail.badRequest(`Batch request id '${r.id}' is not unique.`);
    if (/^https?:/i.test(r.url)) throw fail.badRequest(`Batch request url must be relative: '${r.url}'.`);
    for (const dep of r.dependsOn ?? []) if (!seen.has(dep)) throw fail.badRequest(`Request '${r.id}' depends on '${dep}', which is not an earlier request in the batch.`);
    const hasContentType = Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === 'content-type');
    if (r.body !== undefined && !hasContentType) throw fail.badRequest(`Write request id : ${r.id} does not contain Content-Type header or body.`);
    seen.add(r.id);
  }
  return requests as InnerRequest[];
}

/**
 * With dependsOn, json-batching allows one sequence only: each request depends on exactly the one
 * before it, the first on none. @throws GraphHttpError 400 otherwise.
 */
function checkSequence(requests: readonly InnerRequest[]): void {
  if (!requests.some((r) => (r.dependsOn ?? []).length > 0)) return;
  requests.forEach((r, index) => {
    const deps = r.dependsOn ?? [];
    const expected = index === 0 ? [] : [(requests[index - 1] as InnerRequest).id];
    if (deps.length !== expected.length || deps.some((d, i) => d !== expected[i]))
      throw fail.badRequest('Batch requests using dependsOn must all be one sequence: each request depends on the one before it, and the first on none.');
  });
}

const shufflers = new WeakMap<EmulatorState, Random>();

/** The answers in a seeded shuffled order (Fisher-Yates). */
function shuffled<T>(state: EmulatorState, items: T[]): T[] {
  let random = shufflers.get(state);
  if (!random) {
    random = seededRandom(state.strictness.batchSeed);
    shufflers.set(state, random);
  }
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function batch(ctx: RouteContext) {
  const requests = checkBatch(ctx.req.body);
  if (ctx.state.strictness.batchDependsOnRules) checkSequence(requests);
  const status = new Map<string, number>();
  const responses: unknown[] = [];
  for (const r of requests) {
    if ((r.dependsOn ?? []).some((dep) => (status.get(dep) ?? 424) >= 400)) {
      status.set(r.id, 424);
      const failed = errorResponse(new GraphHttpError(424, 'FailedDependency', 'Failed dependency'), { requestId: '', clientRequestId: '', now: ctx.state.now() });
      responses.push({ id: r.id, status: 424, headers: { 'Content-Type': 'application/json' }, body: failed.body });
      continue;
    }
    const path = r.url.startsWith('/') ? r.url : `/${r.url}`;
    if (/^\/\$batch/i.test(path)) throw fail.badRequest('A batch cannot contain another $batch.');
    const headers: Record<string, string> = {};
    if (ctx.req.headers.authorization) headers.authorization = ctx.req.headers.authorization;
    for (const [name, value] of Object.entries(r.headers ?? {})) headers[name.toLowerCase()] = String(value);
    const response = await ctx.dispatch({ method: r.method.toUpperCase(), pathAndQuery: `/v1.0${path}`, headers, body: r.body, origin: ctx.req.origin, inBatch: true });
    const inner = response.dropConnection ? { ...response, status: 504, body: { error: { code: 'gatewayTimeout', message: 'The operation timed out.' } } } : response;
    status.set(r.id, inner.status);
    const innerHeaders: Record<string, string> = { ...inner.headers };
    for (const name of Object.keys(innerHeaders)) if (name.startsWith('Access-Control-')) delete innerHeaders[name];
    if (inner.body !== undefined) innerHeaders['Content-Type'] = 'application/json';
    responses.push({ id: r.id, status: inner.status, headers: innerHeaders, ...(inner.body === undefined ? {} : { body: inner.body }) });
  }
  return json(200, { responses: ctx.state.strictness.shuffleBatch ? shuffled(ctx.state, responses) : responses });
}

export const batchRoutes: Route[] = [{ method: 'POST', path: '/v1.0/$batch', handler: batch }];
