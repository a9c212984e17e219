/**
 * `POST /$batch`: at most 20 requests, run in order; each inner request goes through the whole
 * pipeline (auth, faults, strictness) with the outer request's Authorization unless it sets its own.
 * A request whose `dependsOn` failed (or was itself skipped) answers 424 without running.
 */
import { errorResponse, fail, GraphHttpError } from '../errors';
import { json } from '../http';
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

async function batch(ctx: RouteContext) {
  const requests = checkBatch(ctx.req.body);
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
  return json(200, { responses });
}

export const batchRoutes: Route[] = [{ method: 'POST', path: '/v1.0/$batch', handler: batch }];
