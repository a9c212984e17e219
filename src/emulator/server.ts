/**
 * `startEmulator`: the local Microsoft Graph emulator on node:http. Storage is SQLite under
 * `dataDir` (kept across restarts) or memory when `dataDir` is absent (tests).
 */
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSecret, TokenIssuer } from './auth';
import { asGraphError, errorResponse, fail } from './errors';
import { FaultController } from './faults';
import type { EmuRequest, EmuResponse } from './http';
import { DirectoryIndex } from './model/directory';
import { createState } from './model/state';
import { createPipeline } from './pipeline';
import { Router } from './router';
import { activityFeedRoutes, notificationControlRoutes } from './routes/activityFeed';
import { batchRoutes } from './routes/batch';
import { botConnectorRoutes } from './routes/botConnector';
import { channelViewerRoutes } from './routes/channelViewer';
import { controlRoutes } from './routes/control';
import { itemReadRoutes } from './routes/items';
import { itemWriteRoutes } from './routes/itemWrites';
import { peopleRoutes } from './routes/people';
import { siteRoutes } from './routes/sites';
import { teamRoutes } from './routes/teams';
import { userRoutes } from './routes/users';
import { seedBenchPractices, type BenchPractice, type BenchPracticesOptions } from './seed/benchPractices';
import { seedIfEmpty } from './seed/seed';
import { accountingOf, type RequestAccounting } from './model/requestAccounting';
import { staticServer } from './staticFiles';
import { MemoryStorage } from './storage/memory';
import { SqliteStorage } from './storage/sqlite';
import type { Storage } from './storage/types';

export { FaultController, type FaultRule } from './faults';
export { generateDirectory } from './seed/directory';
export { DEMO } from './seed/demoPractice';

export interface EmulatorOptions {
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
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  faults: FaultController;
  /** Graph requests, SharePoint resource units, posts and throttled answers so far (model/requestAccounting.ts). */
  accounting: RequestAccounting;
  /** The practices `benchPractices` added (empty without it). */
  benchPractices: readonly BenchPractice[];
  close(): Promise<void>;
}

const MAX_BODY = 4 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
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
  const storage: Storage = options.dataDir ? new SqliteStorage(options.dataDir) : new MemoryStorage();
  const faults = new FaultController(options.faultSeed ?? 1, options.latencyMs ?? 0);
  const state = createState({
    storage,
    directory: new DirectoryIndex(storage),
    tokens: new TokenIssuer(loadSecret(options.dataDir)),
    faults,
    now: () => new Date(),
  });
  if (options.seed ?? true) seedIfEmpty(state, options.directorySize, { entries: !options.emptyRegister });
  const benchPractices = options.benchPractices ? seedBenchPractices(state, options.benchPractices) : [];
  const dispatch = createPipeline({
    state,
    graph: new Router([...userRoutes, ...peopleRoutes, ...teamRoutes, ...siteRoutes, ...itemReadRoutes, ...itemWriteRoutes, ...batchRoutes, ...activityFeedRoutes]),
    control: new Router([...controlRoutes, ...botConnectorRoutes, ...notificationControlRoutes, ...channelViewerRoutes]),
    serveStatic: options.staticDir ? staticServer(options.staticDir) : undefined,
  });

  const server = createServer((req, res) => {
    void (async () => {
      const headers = toHeaders(req);
      const origin = `http://${headers.host ?? 'localhost'}`;
      let body: unknown;
      try {
        const raw = await readBody(req);
        if (raw.length > 0) {
          try {
            body = JSON.parse(raw.toString('utf8'));
          } catch {
            throw fail.badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
          }
        }
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
