/**
 * `startEmulator`: the local Microsoft Graph emulator on node:http. Storage is SQLite under
 * `dataDir` (kept across restarts) or memory when `dataDir` is absent (tests).
 */
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSecret, TokenIssuer } from './auth';
import { asGraphError, errorResponse, fail, GraphHttpError } from './errors';
import { FaultController } from './faults';
import type { EmuRequest, EmuResponse } from './http';
import { DirectoryIndex } from './model/directory';
import { createState } from './model/state';
import { createPipeline } from './pipeline';
import { Router, type Route } from './router';
import { activityFeedRoutes, notificationControlRoutes } from './routes/activityFeed';
import { batchRoutes } from './routes/batch';
import { botConnectorRoutes } from './routes/botConnector';
import { channelViewerRoutes } from './routes/channelViewer';
import { controlRoutes } from './routes/control';
import { siteVisitorControlRoutes } from './routes/siteVisitorControl';
import { apiTokenRoutes } from './teams/apiTokens';
import { itemReadRoutes } from './routes/items';
import { itemWriteRoutes } from './routes/itemWrites';
import { peopleRoutes } from './routes/people';
import { sitePermissionRoutes } from './routes/sitePermissions';
import { siteRoutes } from './routes/sites';
import { teamRoutes } from './routes/teams';
import { userRoutes } from './routes/users';
import { seedBenchNetwork, type BenchNetwork, type BenchNetworkOptions } from './seed/benchNetwork';
import { seedBenchPractices, type BenchPractice, type BenchPracticesOptions } from './seed/benchPractices';
import { seedIfEmpty } from './seed/seed';
import { accountingOf, type RequestAccounting } from './model/requestAccounting';
import { staticServer } from './staticFiles';
import { MemoryStorage } from './storage/memory';
import { SqliteStorage } from './storage/sqlite';
import type { Storage } from './storage/types';
import type { Strictness } from './strictness';

export { FaultController, type FaultRule } from './faults';
export { generateDirectory } from './seed/directory';
export { DEMO } from './seed/demoPractice';
export { DEMO_NETWORK } from './seed/demoNetwork';
export type { BenchNetwork, BenchNetworkOptions } from './seed/benchNetwork';

/** Every Microsoft Graph route the emulator serves (each declares its permissions in permissions.ts). */
export const GRAPH_ROUTES: readonly Route[] = [...userRoutes, ...peopleRoutes, ...teamRoutes, ...siteRoutes, ...sitePermissionRoutes, ...itemReadRoutes, ...itemWriteRoutes, ...batchRoutes, ...activityFeedRoutes];

export interface EmulatorOptions {
  /** The app's service origins the served tab may call (CSP connect-src), e.g. the local bot endpoint. */
  serviceOrigins?: readonly string[];
  /** 0 = any free port. Default 53000. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** SQLite on disk under this directory; absent = memory. */
  dataDir?: string;
  /** Serves the built tab at `/`. */
  staticDir?: string;
  /** Seed the demo practice and directory on first start. Default true. */
  seed?: boolean;
  /** Added to every Graph request. */
  latencyMs?: number;
  /** Seed of the fault-injection PRNG (default 1), so a failing run replays. */
  faultSeed?: number;
  /** Size of the synthetic NHS.net directory seeded on first start (default 20,000). Added for benchmarks. */
  directorySize?: number;
  /** Seed the demo practice with an empty register list (first-run tests: the starter catalogue). Default false. */
  emptyRegister?: boolean;
  /** Adds this many extra practices with the bot installed (benchmarks; see seed/benchPractices.ts). */
  benchPractices?: BenchPracticesOptions;
  /** Adds a PCN or ICB network team with this many member practices, all opted in (benchmarks; see seed/benchNetwork.ts). */
  benchNetwork?: BenchNetworkOptions;
  /** Strict behaviours to change from their default (all on; strictness.ts, `PATCH /emulator/strictness`). */
  strictness?: Partial<Strictness>;
  /** The emulator's clock (tests: throttling windows and delta-token ages without waiting). Default: the system clock. */
  clock?: () => Date;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  faults: FaultController;
  /** Graph requests, SharePoint resource units, posts and throttled answers so far (model/requestAccounting.ts). */
  accounting: RequestAccounting;
  /** The practices `benchPractices` added (empty without it). */
  benchPractices: readonly BenchPractice[];
  /** The network `benchNetwork` added (null without it). */
  benchNetwork: BenchNetwork | null;
  close(): Promise<void>;
}

/**
 * The largest request body accepted: 4 MB, Microsoft Graph's request size limit (a bigger body gets
 * 413 Request Entity Too Large, graph/errors.md; uploads beyond it need an upload session,
 * api/driveitem-put-content.md and outlook-large-attachments.md).
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

const tooLarge = () => new GraphHttpError(413, 'RequestEntityTooLarge', `The request body is larger than ${MAX_BODY_BYTES} bytes, the most Microsoft Graph accepts.`);

/** @throws GraphHttpError 413 when the body is over the limit (read to the end and dropped, so the answer reaches the caller). */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = declared > MAX_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => (over ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** `application/json` or a `+json` type, with any parameters. */
const isJsonType = (type: string | undefined) => type !== undefined && /^\s*application\/([\w.-]+\+)?json\s*(;|$)/i.test(type);

/**
 * A request body as JSON. Only a JSON content type is read as JSON: a form or text/plain body (what a
 * web page can send another origin without a preflight) is refused, so no page can drive the
 * emulator's control endpoints.
 * @throws GraphHttpError 415 for another content type, 400 for malformed JSON.
 */
function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (!isJsonType(contentType))
    throw new GraphHttpError(415, 'UnsupportedMediaType', `The request body must be JSON sent with 'Content-Type: application/json'${contentType ? `, not '${contentType}'` : ''}.`);
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw fail.badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
}

function toHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

function send(res: ServerResponse, response: EmuResponse, head: boolean): void {
  if (response.dropConnection) {
    res.socket?.destroy();
    return;
  }
  let payload: Buffer | undefined;
  if (Buffer.isBuffer(response.body)) payload = response.body;
  else if (response.body !== undefined) {
    payload = Buffer.from(JSON.stringify(response.body));
    response.headers['Content-Type'] ??= 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8';
  }
  res.writeHead(response.status, { ...response.headers, ...(payload ? { 'Content-Length': String(payload.length) } : {}) });
  res.end(head ? undefined : payload);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // First: a bad secret file stops the start with its own message, before anything is opened.
  const secret = loadSecret(options.dataDir);
  const storage: Storage = options.dataDir ? new SqliteStorage(options.dataDir) : new MemoryStorage();
  const faults = new FaultController(options.faultSeed ?? 1, options.latencyMs ?? 0);
  const now = options.clock ?? (() => new Date());
  const state = createState({
    storage,
    directory: new DirectoryIndex(storage),
    tokens: new TokenIssuer(secret, () => now().getTime()),
    faults,
    now,
    strictness: options.strictness,
  });
  if (options.seed ?? true) seedIfEmpty(state, options.directorySize, { entries: !options.emptyRegister });
  const benchPractices = options.benchPractices ? seedBenchPractices(state, options.benchPractices) : [];
  const benchNetwork = options.benchNetwork ? seedBenchNetwork(state, options.benchNetwork) : null;
  const dispatch = createPipeline({
    state,
    graph: new Router(GRAPH_ROUTES),
    control: new Router([...controlRoutes, ...siteVisitorControlRoutes, ...apiTokenRoutes, ...botConnectorRoutes, ...notificationControlRoutes, ...channelViewerRoutes]),
    serveStatic: options.staticDir ? staticServer(options.staticDir, options.serviceOrigins) : undefined,
  });

  const server = createServer((req, res) => {
    void (async () => {
      const headers = toHeaders(req);
      const origin = `http://${headers.host ?? 'localhost'}`;
      let body: unknown;
      try {
        body = parseBody(await readBody(req), headers['content-type']);
      } catch (error) {
        const requestId = crypto.randomUUID();
        send(res, errorResponse(asGraphError(error), { requestId, clientRequestId: requestId, now: new Date() }), false);
        return;
      }
      const request: EmuRequest = { method: req.method ?? 'GET', pathAndQuery: req.url ?? '/', headers, body, origin };
      const response = await dispatch(request);
      send(res, response, req.method === 'HEAD');
    })().catch(() => res.destroy());
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 53000, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    faults,
    accounting: accountingOf(state),
    benchPractices,
    benchNetwork,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          storage.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
