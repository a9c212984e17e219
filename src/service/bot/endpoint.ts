/**
 * The bot's messaging endpoint on node:http: POST /api/messages (the SDK's default path) goes to the
 * Teams SDK's handler, which authenticates the request and runs the bot (botApp.ts); GET /healthz
 * answers 200 for a host's health probe; POST /api/incidents/notify (when configured) posts an incident
 * card for the tab (src/service/incidents/httpRoute.ts). Anything else is 404. Bodies over 256 KiB are refused.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleIncidentRoute, type IncidentRouteOptions } from '../incidents/httpRoute';
import { createBot, MESSAGING_ENDPOINT, type BotOptions } from './botApp';

export interface RunningBotEndpoint {
  /** e.g. http://127.0.0.1:3978/api/messages */
  readonly messagingEndpoint: string;
  close(): Promise<void>;
}

const MAX_BODY = 256 * 1024;

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

/** `incidents`: also serve POST /api/incidents/notify (the tab's incident cards, src/service/incidents). */
export async function startBotEndpoint(options: BotOptions & { port?: number; host?: string; incidents?: IncidentRouteOptions }): Promise<RunningBotEndpoint> {
  const { adapter } = await createBot(options);
  const server = createServer((req, res) => {
    const send = (status: number, body?: unknown) => {
      const payload = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
      res.end(payload);
    };
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') return send(200, { ok: true });
    if (options.incidents && handleIncidentRoute(req, res, options.incidents)) return;
    if (path !== MESSAGING_ENDPOINT) return send(404, { error: 'Not found' });
    if (req.method !== 'POST') return send(405, { error: 'POST only' });
    void (async () => {
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return send(400, { error: 'The body must be a JSON activity.' });
      }
      if (!adapter.handler) return send(503, { error: 'The bot is not ready.' });
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = value;
      const response = await adapter.handler({ body, headers });
      send(response.status, response.body);
    })().catch((error: unknown) => {
      options.log(`bot: request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(500, { error: 'Internal error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3978, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    messagingEndpoint: `http://${options.host ?? '127.0.0.1'}:${port}${MESSAGING_ENDPOINT}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
