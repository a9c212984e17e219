/**
 * The HTTP face of `POST /api/incidents/notify`, on the bot's own server (endpoint.ts):
 *
 * - CORS for the tab's origin only (the tab calls from the browser): a preflight from that origin is
 *   answered with the method and the two headers it may send; any other origin gets no CORS headers,
 *   so the browser refuses it. `Retry-After` is exposed so the tab's queue can honour it.
 * - The bearer token is validated before the body is even parsed (userToken.ts): 401 with
 *   `WWW-Authenticate: Bearer error="invalid_token"` otherwise.
 * - The body is `{teamId, siteId?, incidentKey, updateKey|null}`; keys are checked against the
 *   domain's key formats. Bodies over 16 KiB are refused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { incidentKeyOf, isIncidentKey } from '@domain/incidents';
import { notifyIncident, type NotifyDeps, type NotifyRequest } from './notify';
import { UserTokenError, type CallingUser } from './userToken';

export const NOTIFY_PATH = '/api/incidents/notify';
const MAX_BODY = 16 * 1024;

export interface IncidentRouteOptions {
  readonly deps: NotifyDeps;
  readonly validateUser: (authorization: string | undefined) => Promise<CallingUser>;
  /** The tab's origin, e.g. https://register.example.nhs.uk (the only one CORS answers; locally localhost and 127.0.0.1). */
  readonly allowedOrigins: readonly string[];
}

function corsHeaders(req: IncomingMessage, allowedOrigins: readonly string[]): Record<string, string> {
  const origin = req.headers.origin;
  if (origin === undefined || !allowedOrigins.includes(origin)) return {};
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': 'Retry-After' };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)), 'Cache-Control': 'no-store', ...headers });
  res.end(payload);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** @returns the request, or why the body is not one. */
export function parseNotifyBody(raw: unknown): NotifyRequest | string {
  const b = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (typeof b.teamId !== 'string' || !/^[0-9a-f-]{36}$/i.test(b.teamId)) return 'teamId must be the team (group) id.';
  if (b.siteId !== undefined && b.siteId !== null && (typeof b.siteId !== 'string' || b.siteId === '' || b.siteId.length > 300)) return 'siteId must be text when given.';
  if (typeof b.incidentKey !== 'string' || !isIncidentKey(b.incidentKey)) return 'incidentKey must be an incident key (inc-<guid>).';
  const updateKey = b.updateKey ?? null;
  if (updateKey !== null && (typeof updateKey !== 'string' || updateKey === b.incidentKey || incidentKeyOf(updateKey) !== b.incidentKey)) return 'updateKey must be null or one of the incident\'s update keys.';
  return { teamId: b.teamId, siteId: typeof b.siteId === 'string' ? b.siteId : null, incidentKey: b.incidentKey, updateKey };
}

/** @returns true when the request was for this route (answered here), false to let the caller route it. */
export function handleIncidentRoute(req: IncomingMessage, res: ServerResponse, options: IncidentRouteOptions): boolean {
  const path = (req.url ?? '/').split('?')[0];
  if (path !== NOTIFY_PATH) return false;
  const cors = corsHeaders(req, options.allowedOrigins);
  if (req.method === 'OPTIONS') {
    if (!cors['Access-Control-Allow-Origin']) return (send(res, 403, { error: 'Origin not allowed.' }), true);
    res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Authorization, Content-Type', 'Access-Control-Max-Age': '600' });
    res.end();
    return true;
  }
  if (req.method !== 'POST') return (send(res, 405, { error: 'POST only' }, { ...cors, Allow: 'POST, OPTIONS' }), true);
  void (async () => {
    let user: CallingUser;
    try {
      user = await options.validateUser(req.headers.authorization);
    } catch (error) {
      if (!(error instanceof UserTokenError)) options.deps.log(`incidents: token check failed: ${error instanceof Error ? error.message : String(error)}`);
      return send(res, 401, { error: 'A valid token for this app is required.' }, { ...cors, 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    }
    let parsed: NotifyRequest | string;
    try {
      parsed = parseNotifyBody(JSON.parse(await readBody(req)));
    } catch {
      parsed = 'The body must be JSON (at most 16 KiB).';
    }
    if (typeof parsed === 'string') return send(res, 400, { error: parsed }, cors);
    const result = await notifyIncident(options.deps, parsed, user);
    send(res, result.status, result.body, { ...cors, ...(result.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(result.retryAfterSeconds) }) });
  })().catch((error: unknown) => {
    options.deps.log(`incidents: request failed: ${error instanceof Error ? error.message : String(error)}`);
    // The post may or may not have happened (e.g. Graph failed after the card went): the tab retries the same key.
    if (!res.headersSent) send(res, 500, { posted: false, code: 'Unknown' }, cors);
  });
  return true;
}
