/**
 * The emulator's own endpoints (no token needed): local sign-in, the sign-in user list and fault
 * injection. Documented in the README.
 *   POST   /emulator/token  {"upn", "expiresInSeconds"?} -> {"access_token","token_type":"Bearer","expires_in"}
 *   POST   /emulator/token  {"appId", "expiresInSeconds"?} -> an app-only token for a registered app (botConnector.ts)
 *   GET    /emulator/users  -> {"value":[{"upn","displayName","role"}]}
 *   GET    /emulator/faults -> {"latencyMs","seed","value":[{id, ...rule}]}
 *   POST   /emulator/faults {"rules":[...], "latencyMs"?} or a single rule -> 201 {"ids":[...]}
 *   DELETE /emulator/faults -> 204 (clears rules and latency)
 */
import { fail } from '../errors';
import { validateFaultRule } from '../faults';
import { json, noContent } from '../http';
import { TOKEN_LIFETIME_SECONDS } from '../auth';
import { DEMO } from '../seed/demoPractice';
import type { Route, RouteContext } from '../router';
import { appToken } from './botConnector';

function token(ctx: RouteContext) {
  const body = (ctx.req.body ?? {}) as { upn?: unknown; expiresInSeconds?: unknown };
  if ('appId' in body) return appToken(ctx);
  if (typeof body.upn !== 'string') throw fail.badRequest('Send {"upn": "<a seeded user>"}; GET /emulator/users lists them.');
  const signIn = DEMO.signInUsers.find((u) => u.upn === (body.upn as string).toLowerCase());
  const user = signIn && ctx.state.directory.find(signIn.id);
  if (!user) throw fail.notFound(`'${body.upn}' is not a seeded sign-in user; GET /emulator/users lists them.`, 'Request_ResourceNotFound');
  const lifetime = typeof body.expiresInSeconds === 'number' ? Math.trunc(body.expiresInSeconds) : TOKEN_LIFETIME_SECONDS;
  return json(200, { access_token: ctx.state.tokens.issue(user.id, user.userPrincipalName, lifetime), token_type: 'Bearer', expires_in: lifetime });
}

function users(ctx: RouteContext) {
  const value = DEMO.signInUsers
    .filter((u) => ctx.state.directory.find(u.id))
    .map((u) => ({ upn: u.upn, displayName: u.displayName, role: u.role }));
  return json(200, { value });
}

function addFaults(ctx: RouteContext) {
  const body = (ctx.req.body ?? {}) as { rules?: unknown; latencyMs?: unknown };
  const rules = Array.isArray(body.rules) ? body.rules : body.rules === undefined && 'status' in body ? [body] : [];
  let checked;
  try {
    checked = rules.map(validateFaultRule);
  } catch (error) {
    throw fail.badRequest(`Invalid fault rule: ${(error as Error).message}`);
  }
  if (body.latencyMs !== undefined) {
    if (typeof body.latencyMs !== 'number' || body.latencyMs < 0) throw fail.badRequest('latencyMs must be a non-negative number.');
    ctx.state.faults.latencyMs = body.latencyMs;
  }
  return json(201, { ids: checked.map((rule) => ctx.state.faults.add(rule)) });
}

export const controlRoutes: Route[] = [
  { method: 'POST', path: '/emulator/token', handler: token },
  { method: 'GET', path: '/emulator/users', handler: users },
  {
    method: 'GET',
    path: '/emulator/faults',
    handler: (ctx) => json(200, { latencyMs: ctx.state.faults.latencyMs, seed: ctx.state.faults.seed, value: ctx.state.faults.list().map((f) => ({ id: f.id, ...f.rule })) }),
  },
  { method: 'POST', path: '/emulator/faults', handler: addFaults },
  { method: 'DELETE', path: '/emulator/faults', handler: (ctx) => (ctx.state.faults.clear(), noContent()) },
];
