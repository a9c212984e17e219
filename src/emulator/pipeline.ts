/**
 * The request pipeline, in one place (the Azurite model). Every Graph request, including each inner
 * request of a `$batch`, passes through the same stages in this order:
 *
 *   1. request id     `request-id` (new GUID) and `client-request-id` (echoed, or the request id)
 *   2. latency        `faults.latencyMs` (not for a $batch's inner requests: latency is the network's)
 *   3. faults         an injected 429/5xx (or dropped connection) answers now, unless `afterCommit`
 *   4. auth           `Authorization: Bearer <emulator token>`, else 401 InvalidAuthenticationToken
 *   5. route          unknown path 400, wrong method 405
 *   6. strictness     query options the route does not implement: 400 (never ignored)
 *   7. handler        the resource logic (403/404/409/412/... thrown as GraphHttpError)
 *   8. ambiguous      an `afterCommit` fault replaces the handler's success: the write happened
 *   9. errors         any thrown error becomes Graph's error body via the one factory in errors.ts
 *
 * `/emulator/...` control endpoints skip stages 2-4; anything else is a static file of the tab.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { asGraphError, errorResponse, fail, GraphHttpError } from './errors';
import { faultError, type FaultRule } from './faults';
import { resolveGroupSitePath } from './groupSiteAlias';
import { resolveSitePath } from './sitePathAlias';
import type { EmuRequest, EmuResponse } from './http';
import { appPrincipal } from './model/appPrincipal';
import { accountingOf } from './model/requestAccounting';
import type { EmulatorState } from './model/state';
import type { UserDoc } from './model/user';
import { parseQuery } from './odata/query';
import type { Router } from './router';

export type Dispatch = (req: EmuRequest) => Promise<EmuResponse>;

export interface PipelineParts {
  readonly state: EmulatorState;
  readonly graph: Router;
  readonly control: Router;
  /** Serves the built tab; undefined answers 404 for every non-API path. */
  readonly serveStatic?: (pathname: string) => Promise<EmuResponse>;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'request-id, client-request-id, Retry-After, ETag, Location, Preference-Applied',
};

export function createPipeline(parts: PipelineParts): Dispatch {
  const dispatch: Dispatch = async (req) => {
    const requestId = randomUUID();
    const clientRequestId = req.headers['client-request-id'] ?? requestId;
    let response: EmuResponse;
    try {
      response = await stages(parts, dispatch, req);
    } catch (error) {
      response = errorResponse(asGraphError(error), { requestId, clientRequestId, now: parts.state.now() });
    }
    accountingOf(parts.state).record(req, response);
    Object.assign(response.headers, CORS_HEADERS);
    response.headers['request-id'] = requestId;
    response.headers['client-request-id'] = clientRequestId;
    return response;
  };
  return dispatch;
}

async function stages(parts: PipelineParts, dispatch: Dispatch, req: EmuRequest): Promise<EmuResponse> {
  const url = new URL(req.pathAndQuery, req.origin);
  const path = url.pathname;
  const isGraph = /^\/v1\.0(\/|$)/i.test(path);

  if (req.method === 'OPTIONS' && isGraph) return corsPreflight();

  if (isGraph) {
    const { state } = parts;
    // Latency stands for the network: a $batch's inner requests travel inside the one outer request.
    if (state.faults.latencyMs > 0 && !req.inBatch) await sleep(state.faults.latencyMs);
    const fault = state.faults.match(req.method, path);
    if (fault && !fault.afterCommit) return injected(fault);
    const user = authenticate(state, req);
    const { route, params } = parts.graph.match(req.method, resolveSitePath(state, resolveGroupSitePath(state, path, user)));
    const query = parseQuery(url.searchParams, route.query ?? []);
    const response = await route.handler({ req, params, query, user, state, dispatch });
    if (fault?.afterCommit) return injected(fault);
    return response;
  }

  if (/^\/emulator(\/|$)/.test(path)) {
    const { route, params } = parts.control.match(req.method, path);
    const query = parseQuery(url.searchParams, route.query ?? []);
    return route.handler({ req, params, query, user: undefined as unknown as UserDoc, state: parts.state, dispatch });
  }

  if (/^\/(beta|v\d)/i.test(path)) throw fail.badRequest('The emulator serves Microsoft Graph v1.0 only (/v1.0/...).');
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new GraphHttpError(405, 'BadRequest', 'Only GET is allowed for static files.');
  if (!parts.serveStatic) throw fail.notFound(`No resource at '${path}'.`, 'NotFound');
  return parts.serveStatic(path);
}

/** @throws GraphHttpError 401 for a missing, forged or expired token, or a user no longer in the directory. */
function authenticate(state: EmulatorState, req: EmuRequest): UserDoc {
  const claims = state.tokens.verify(req.headers.authorization);
  if (claims.idtyp === 'app') return appPrincipal(claims);
  const user = state.directory.find(claims.oid);
  if (!user) throw fail.unauthorized('The user account of this token no longer exists.');
  return user;
}

function injected(fault: FaultRule): EmuResponse {
  const { code, message, headers } = faultError(fault);
  if (fault.dropConnection) return { status: fault.status, headers, dropConnection: true };
  throw new GraphHttpError(fault.status, code, message, headers);
}

function corsPreflight(): EmuResponse {
  return {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
      'Access-Control-Allow-Headers':
        'Authorization, Content-Type, If-Match, Prefer, ConsistencyLevel, SdkVersion, client-request-id, Retry-Attempt, return-client-request-id',
      'Access-Control-Max-Age': '600',
    },
  };
}
