/**
 * The request pipeline, in one place (the Azurite model). Every Graph request, including each inner
 * request of a `$batch`, passes through the same stages in this order:
 *
 *   1. request id     `request-id` (new GUID) and `client-request-id` (echoed, or the request id)
 *   2. latency        `faults.latencyMs` (not for a $batch's inner requests: latency is the network's)
 *   3. faults         an injected 429/5xx (or dropped connection) answers now, unless `afterCommit`
 *   4. auth           `Authorization: Bearer <emulator token>` for Graph's audience, else 401
 *   5. route          unknown path 400, wrong method 405; site addressed by path; group-site rule
 *   6. permissions    the route's documented permissions in `scp`/`roles`/RSC, Sites.Selected grants: else 403
 *   7. throttling     SharePoint resource units per app (429 + Retry-After, RateLimit-*); channel posts per channel
 *   8. strictness     query options the route does not implement: 400 (never ignored)
 *   9. handler        the resource logic (403/404/409/412/... thrown as GraphHttpError)
 *  10. ambiguous      an `afterCommit` fault replaces the handler's success: the write happened
 *  11. errors         any thrown error becomes Graph's error body via the one factory in errors.ts
 *
 * Graph answers carry Graph's CORS headers (without Retry-After, as Graph). `/emulator/...`
 * control endpoints skip stages 2-8 and carry no CORS headers: only the same origin may use them.
 * Anything else is a static file of the tab.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TokenClaims } from './auth';
import { asGraphError, errorResponse, fail, GraphHttpError } from './errors';
import { faultError, type FaultRule } from './faults';
import { resolveGroupSitePath } from './groupSiteAlias';
import type { EmuRequest, EmuResponse } from './http';
import { appPrincipal } from './model/appPrincipal';
import { accountingOf } from './model/requestAccounting';
import { resourceUnitsOf } from './model/resourceUnits';
import type { EmulatorState } from './model/state';
import type { SiteDoc, TeamDoc } from './model/teams';
import { throttlingOf } from './model/throttling';
import type { UserDoc } from './model/user';
import { parseQuery } from './odata/query';
import { authorize, ROUTE_PERMISSIONS, UNPROTECTED_ROUTES } from './permissions';
import type { Route, Router } from './router';
import { resolveSitePath } from './sitePathAlias';

export type Dispatch = (req: EmuRequest) => Promise<EmuResponse>;

export interface PipelineParts {
  readonly state: EmulatorState;
  readonly graph: Router;
  readonly control: Router;
  /** Serves the built tab; undefined answers 404 for every non-API path. */
  readonly serveStatic?: (pathname: string) => Promise<EmuResponse>;
}

/**
 * The headers Graph lets a browser read. Graph does not list Retry-After, so a page cannot read it
 * (microsoft-graph-docs-contrib issue 2011, whose captures show Graph's Access-Control-Expose-Headers).
 */
export const GRAPH_EXPOSED_HEADERS = ['ETag', 'Location', 'Preference-Applied', 'Content-Range', 'request-id', 'client-request-id', 'ReadWriteConsistencyToken', 'SdkVersion', 'WWW-Authenticate', 'x-ms-client-gcc-tenant'];

function corsHeaders(state: EmulatorState): Record<string, string> {
  const exposed = state.strictness.hideRetryAfterFromCors ? GRAPH_EXPOSED_HEADERS : [...GRAPH_EXPOSED_HEADERS, 'Retry-After'];
  return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': exposed.join(', ') };
}

const isGraphPath = (pathAndQuery: string) => /^\/v1\.0(\/|$|\?)/i.test(pathAndQuery);

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
    if (isGraphPath(req.pathAndQuery)) Object.assign(response.headers, corsHeaders(parts.state));
    response.headers['request-id'] = requestId;
    response.headers['client-request-id'] = clientRequestId;
    return response;
  };
  return dispatch;
}

async function stages(parts: PipelineParts, dispatch: Dispatch, req: EmuRequest): Promise<EmuResponse> {
  const url = new URL(req.pathAndQuery, req.origin);
  const path = url.pathname;
  const isGraph = isGraphPath(path);

  if (req.method === 'OPTIONS' && isGraph) return corsPreflight(parts.state);

  if (isGraph) {
    const { state } = parts;
    // Latency stands for the network: a $batch's inner requests travel inside the one outer request.
    if (state.faults.latencyMs > 0 && !req.inBatch) await sleep(state.faults.latencyMs);
    const fault = state.faults.match(req.method, path);
    if (fault && !fault.afterCommit) return injected(fault);
    const claims = state.tokens.verify(req.headers.authorization);
    const user = principalOf(state, claims);
    const { route, params } = parts.graph.match(req.method, resolveSitePath(state, resolveGroupSitePath(state, path, user)));
    const extraHeaders = checkAccess(state, req, route, params, claims);
    const query = parseQuery(url.searchParams, route.query ?? []);
    const response = await route.handler({ req, params, query, user, state, dispatch, token: claims });
    if (fault?.afterCommit) return injected(fault);
    Object.assign(response.headers, extraHeaders);
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

/** @throws GraphHttpError 401 for an unregistered app or a user no longer in the directory. */
function principalOf(state: EmulatorState, claims: TokenClaims): UserDoc {
  if (claims.idtyp === 'app') return appPrincipal(claims);
  const user = state.directory.find(claims.oid);
  if (!user) throw fail.unauthorized('The user account of this token no longer exists.');
  return user;
}

/** The site a SharePoint route's URL names, if it exists (a missing one is the handler's 404). */
function siteOf(state: EmulatorState, params: Readonly<Record<string, string>>): SiteDoc | undefined {
  if (params.siteId !== undefined) return state.storage.get<SiteDoc>('site', params.siteId);
  if (params.groupId !== undefined) {
    const team = state.storage.get<TeamDoc>('team', params.groupId);
    return team ? state.storage.get<SiteDoc>('site', team.siteId) : undefined;
  }
  if (params.hostname !== undefined && params.siteName !== undefined) {
    const wanted = `https://${params.hostname.replace(/:$/, '')}/${params.collection}/${params.siteName}`.toLowerCase();
    return state.storage.list<SiteDoc>('site').find((site) => site.webUrl.toLowerCase() === wanted);
  }
  return undefined;
}

/**
 * Stages 6 and 7: the route's permissions, then the throttling budgets.
 * @returns headers for the answer (RateLimit-*). @throws GraphHttpError 403, 400 or 429.
 */
function checkAccess(state: EmulatorState, req: EmuRequest, route: Route, params: Readonly<Record<string, string>>, claims: TokenClaims): Record<string, string> {
  const key = `${route.method} ${route.path}`;
  if (state.strictness.permissions && !UNPROTECTED_ROUTES.includes(key)) {
    const permissions = ROUTE_PERMISSIONS[key];
    if (!permissions) throw new GraphHttpError(500, 'generalException', `The emulator declares no permissions for '${key}'.`);
    authorize({ state, claims, permissions, params, site: permissions.site ? siteOf(state, params) : undefined, groupSiteLenient: !state.strictness.groupSitePath });
  }
  const throttling = throttlingOf(state);
  // A reply is a channel post too (Teams service limits count every message posted to the channel).
  if (key === 'POST /v1.0/teams/:teamId/channels/:channelId/messages' || key === 'POST /v1.0/teams/:teamId/channels/:channelId/messages/:messageId/replies') throttling.drawChannelPost(claims.appid, params.teamId as string, params.channelId as string);
  return throttling.drawResourceUnits(claims.appid, claims.idtyp === 'app', resourceUnitsOf(req.method, req.pathAndQuery));
}

function injected(fault: FaultRule): EmuResponse {
  const { code, message, headers } = faultError(fault);
  if (fault.dropConnection) return { status: fault.status, headers, dropConnection: true };
  throw new GraphHttpError(fault.status, code, message, headers);
}

function corsPreflight(state: EmulatorState): EmuResponse {
  return {
    status: 204,
    headers: {
      ...corsHeaders(state),
      'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
      'Access-Control-Allow-Headers':
        'Authorization, Content-Type, If-Match, Prefer, ConsistencyLevel, SdkVersion, client-request-id, Retry-Attempt, return-client-request-id',
      'Access-Control-Max-Age': '600',
    },
  };
}
