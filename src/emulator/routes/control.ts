/**
 * The emulator's own endpoints (no token needed; same-origin only: no CORS). Documented in
 * docs/emulator.md.
 *   POST   /emulator/token  {"upn", "scopes"?, "appId"?, "expiresInSeconds"?} -> a delegated token
 *          (`scp`: the scopes asked for, each consented to the app; default: all of them)
 *          With scopes of the app's own API (["api://{host}/{app id}/access_as_user"]) -> an RS256 token for that
 *          API, verifiable with GET /emulator/login/{tenant}/discovery/v2.0/keys (teams/apiTokens.ts)
 *   POST   /emulator/token  {"appId", "scope"?, "expiresInSeconds"?} -> an app-only token: for Graph (`roles`: the
 *          app's consents) when scope is absent or "https://graph.microsoft.com/.default"; for the Bot Connector
 *          (aud "https://api.botframework.com", no roles) when scope is "https://api.botframework.com/.default"
 *          -> {"access_token","token_type":"Bearer","expires_in"} (lifetime capped at 90 minutes, as Entra)
 *   GET    /emulator/users  -> {"value":[{"upn","displayName","role"}]}: the demo practice's people, then those
 *          a seed added (model/signInUsers.ts: the demo PCN's lead)
 *   GET    /emulator/apps   -> the app registry: ids, consented delegated and application permissions
 *   POST   /emulator/apps/{appId}/consents {"delegated"?:[...],"application"?:[...]} -> 200 the app's consents
 *          (an admin consenting more, e.g. a tenant that grants an optional scope); DELETE withdraws the extras
 *   GET    /emulator/faults -> {"latencyMs","seed","value":[{id, ...rule}]}
 *   POST   /emulator/faults {"rules":[...], "latencyMs"?} or a single rule -> 201 {"ids":[...]}
 *   DELETE /emulator/faults -> 204 (clears rules and latency)
 *   GET    /emulator/strictness -> the switches in force; PATCH with some of them -> the new set
 *   POST   /emulator/delta/expire -> 204: every delta token issued so far answers 410 resyncRequired
 *   POST   /emulator/throttling/reset -> 204: resource-unit and channel-post budgets start afresh
 */
import { APP_TOKEN_SCOPES, cappedLifetime, GRAPH_AUDIENCE } from '../auth';
import { fail } from '../errors';
import { validateFaultRule } from '../faults';
import { json, noContent } from '../http';
import { addConsent, consentsOf, DEMO_APP, findApp, REGISTERED_APPS, type RegisteredApp } from '../model/appPrincipal';
import { expireDeltaTokensNow } from '../model/deltaTokens';
import { storedSignInUsers, type SignInUser } from '../model/signInUsers';
import { throttlingOf } from '../model/throttling';
import type { Route, RouteContext } from '../router';
import { DEMO } from '../seed/demoPractice';
import { applyStrictness } from '../strictness';
import { asksForOwnApi, issueApiToken } from '../teams/apiTokens';

function body(ctx: RouteContext): Record<string, unknown> {
  const value = ctx.req.body ?? {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail.badRequest('Send a JSON object.');
  return value as Record<string, unknown>;
}

/** An app-only token: Entra's client-credentials grant, with the app's consented application permissions as `roles`. */
function appToken(ctx: RouteContext, input: Record<string, unknown>) {
  const app = typeof input.appId === 'string' ? findApp(input.appId) : undefined;
  if (!app) throw fail.badRequest(`Send {"appId": "<a registered app id>"}; '${String(input.appId)}' is not registered with the emulator (GET /emulator/apps).`, 'invalid_client');
  // Client credentials name one resource's `.default` scope (v2-oauth2-client-creds-grant-flow.md); Entra refuses anything else.
  const audience = input.scope === undefined ? GRAPH_AUDIENCE : typeof input.scope === 'string' ? APP_TOKEN_SCOPES[input.scope.trim()] : undefined;
  if (audience === undefined)
    throw fail.badRequest(`scope must be one of ${Object.keys(APP_TOKEN_SCOPES).join(', ')} (a client-credentials token names one resource's .default scope).`, 'invalid_scope');
  const lifetime = cappedLifetime(input.expiresInSeconds);
  const token = ctx.state.tokens.issueApp(app.appId, lifetime, consentsOf(ctx.state.storage, app).application, audience);
  return json(200, { access_token: token, token_type: 'Bearer', expires_in: lifetime });
}

/**
 * A delegated token for a seeded user. Every scope asked for must be consented to the app (Entra
 * answers AADSTS65001 otherwise); none asked for means all the app's consented scopes (`.default`).
 */
function token(ctx: RouteContext) {
  const input = body(ctx);
  if (input.upn === undefined && 'appId' in input) return appToken(ctx, input);
  if (typeof input.upn !== 'string') throw fail.badRequest('Send {"upn": "<a seeded user>", "scopes": [...]}; GET /emulator/users lists them.');
  const signIn = signInUsers(ctx).find((u) => u.upn === (input.upn as string).toLowerCase());
  const user = signIn && ctx.state.directory.find(signIn.id);
  if (!user) throw fail.notFound(`'${input.upn}' is not a seeded sign-in user; GET /emulator/users lists them.`, 'Request_ResourceNotFound');
  const app = input.appId === undefined ? DEMO_APP : typeof input.appId === 'string' ? findApp(input.appId) : undefined;
  if (!app) throw fail.badRequest(`'${String(input.appId)}' is not registered with the emulator (GET /emulator/apps).`, 'invalid_client');
  if (input.scopes !== undefined && !(Array.isArray(input.scopes) && input.scopes.every((s) => typeof s === 'string')))
    throw fail.badRequest('scopes must be an array of permission names, e.g. ["User.Read"].', 'invalid_scope');
  const lifetime = cappedLifetime(input.expiresInSeconds);
  const requested = (input.scopes as string[] | undefined)?.filter((s) => s !== 'openid' && s !== 'profile' && s !== 'offline_access');
  // The app's own API (Teams tab SSO, `api://{host}/{app id}/access_as_user`): an RS256 token the service verifies (teams/apiTokens.ts).
  if (requested && asksForOwnApi(requested)) return json(200, issueApiToken(ctx, user, app, requested, lifetime));
  const consented = consentsOf(ctx.state.storage, app).delegated;
  const asked = requested ?? [...consented];
  const missing = asked.filter((scope) => !consented.includes(scope));
  if (missing.length > 0)
    throw fail.badRequest(`AADSTS65001: The user or administrator has not consented to use the application '${app.displayName}' for ${missing.join(', ')}.`, 'invalid_grant');
  const accessToken = ctx.state.tokens.issueDelegated({ oid: user.id, upn: user.userPrincipalName }, app.appId, [...new Set(asked)], lifetime);
  return json(200, { access_token: accessToken, token_type: 'Bearer', expires_in: lifetime, scope: [...new Set(asked)].join(' ') });
}

/** Who may sign in locally: the demo practice's people, then those a seed added (model/signInUsers.ts). */
function signInUsers(ctx: RouteContext): readonly SignInUser[] {
  return [...DEMO.signInUsers, ...storedSignInUsers(ctx.state.storage)];
}

function users(ctx: RouteContext) {
  const value = signInUsers(ctx)
    .filter((u) => ctx.state.directory.find(u.id))
    .map((u) => ({ upn: u.upn, displayName: u.displayName, role: u.role }));
  return json(200, { value });
}

function addFaults(ctx: RouteContext) {
  const input = body(ctx) as { rules?: unknown; latencyMs?: unknown };
  const rules = Array.isArray(input.rules) ? input.rules : input.rules === undefined && 'status' in input ? [input] : [];
  let checked;
  try {
    checked = rules.map(validateFaultRule);
  } catch (error) {
    throw fail.badRequest(`Invalid fault rule: ${(error as Error).message}`);
  }
  if (input.latencyMs !== undefined) {
    if (typeof input.latencyMs !== 'number' || input.latencyMs < 0) throw fail.badRequest('latencyMs must be a non-negative number.');
    ctx.state.faults.latencyMs = input.latencyMs;
  }
  return json(201, { ids: checked.map((rule) => ctx.state.faults.add(rule)) });
}

function appOf(ctx: RouteContext): RegisteredApp {
  const app = findApp(ctx.params.appId as string);
  if (!app) throw fail.notFound(`'${ctx.params.appId}' is not registered with the emulator (GET /emulator/apps).`, 'Request_ResourceNotFound');
  return app;
}

function consent(ctx: RouteContext) {
  const app = appOf(ctx);
  const input = body(ctx);
  const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null);
  const delegated = list(input.delegated);
  const application = list(input.application);
  if (delegated === null || application === null) throw fail.badRequest('Send {"delegated": [...], "application": [...]} (permission names).');
  addConsent(ctx.state.storage, app.appId, { delegated, application });
  return json(200, { appId: app.appId, ...consentsOf(ctx.state.storage, app) });
}

function patchStrictness(ctx: RouteContext) {
  try {
    applyStrictness(ctx.state.strictness, ctx.req.body);
  } catch (error) {
    throw fail.badRequest((error as Error).message);
  }
  return json(200, ctx.state.strictness);
}

export const controlRoutes: Route[] = [
  { method: 'POST', path: '/emulator/token', handler: token },
  { method: 'GET', path: '/emulator/users', handler: users },
  { method: 'GET', path: '/emulator/apps', handler: (ctx) => json(200, { value: REGISTERED_APPS.map((app) => ({ ...app, ...consentsOf(ctx.state.storage, app) })) }) },
  { method: 'POST', path: '/emulator/apps/:appId/consents', handler: consent },
  { method: 'DELETE', path: '/emulator/apps/:appId/consents', handler: (ctx) => (addConsent(ctx.state.storage, appOf(ctx).appId, null), noContent()) },
  {
    method: 'GET',
    path: '/emulator/faults',
    handler: (ctx) => json(200, { latencyMs: ctx.state.faults.latencyMs, seed: ctx.state.faults.seed, value: ctx.state.faults.list().map((f) => ({ id: f.id, ...f.rule })) }),
  },
  { method: 'POST', path: '/emulator/faults', handler: addFaults },
  { method: 'DELETE', path: '/emulator/faults', handler: (ctx) => (ctx.state.faults.clear(), noContent()) },
  { method: 'GET', path: '/emulator/strictness', handler: (ctx) => json(200, ctx.state.strictness) },
  { method: 'PATCH', path: '/emulator/strictness', handler: patchStrictness },
  { method: 'POST', path: '/emulator/delta/expire', handler: (ctx) => (expireDeltaTokensNow(ctx.state), noContent()) },
  { method: 'POST', path: '/emulator/throttling/reset', handler: (ctx) => (throttlingOf(ctx.state).reset(), noContent()) },
];
