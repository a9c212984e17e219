/**
 * A test-only HTTP proxy in front of the emulator that rewrites its answers, so a test can make
 * "Graph" answer the way a real tenant might differ (a refused grant, another eTag format, a hidden
 * Retry-After, a card mention refused...) without any switch inside the emulator.
 *
 * A rule matches on method and path (path and query, as sent) and either answers by itself
 * (`respond`) or changes what the emulator answered (`transform`). Rules apply in order; the first
 * that matches wins. `times` limits how often a rule fires.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface Rewrite {
  readonly method?: string;
  readonly path: RegExp;
  /** Only when the JSON request body satisfies this. */
  readonly when?: (body: unknown, headers: IncomingMessage['headers']) => boolean;
  readonly respond?: (request: { body: unknown }) => Answer;
  readonly transform?: (answer: Answer) => Answer;
  readonly times?: number;
  /** Let this many matching requests through untouched before the rule starts to apply. */
  readonly skip?: number;
}

export interface RewritingProxy {
  readonly url: string;
  /** How many times each rule fired, by index. */
  readonly hits: number[];
  close(): Promise<void>;
}

/** Graph's error body, as the emulator and Graph write it. */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Answer {
  return { status, headers: { 'content-type': 'application/json', 'request-id': 'proxy-0000', ...headers }, body: { error: { code, message, innerError: { 'request-id': 'proxy-0000' } } } };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parse(buffer: Buffer, type: string | undefined): unknown {
  if (buffer.length === 0 || !(type ?? '').includes('json')) return buffer.length === 0 ? undefined : buffer.toString('utf8');
  try {
    return JSON.parse(buffer.toString('utf8'));
  } catch {
    return buffer.toString('utf8');
  }
}

export async function startRewritingProxy(target: string, rules: readonly Rewrite[]): Promise<RewritingProxy> {
  const hits = rules.map(() => 0);
  const seen = rules.map(() => 0);
  let origin = '';
  const server = createServer(async (req, res) => {
    try {
      const raw = await readBody(req);
      const requestBody = parse(raw, req.headers['content-type']);
      const path = req.url ?? '/';
      // `seen` counts every match (for `skip`); `hits` counts the times a rule was applied.
      const index = rules.findIndex((rule, i) => {
        const matches =
          (rule.method === undefined || rule.method === req.method) && rule.path.test(path) && (rule.when === undefined || rule.when(requestBody, req.headers));
        if (!matches) return false;
        seen[i] = (seen[i] ?? 0) + 1;
        return (seen[i] ?? 0) > (rule.skip ?? 0) && (rule.times === undefined || (hits[i] ?? 0) < rule.times);
      });
      const rule = index >= 0 ? rules[index] : undefined;
      if (index >= 0) hits[index] = (hits[index] ?? 0) + 1;
      let answer: Answer;
      if (rule?.respond) answer = rule.respond({ body: requestBody });
      else {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers[name] = value;
        const upstream = await fetch(`${target}${path}`, { method: req.method, headers, body: raw.length > 0 ? new Uint8Array(raw) : undefined });
        const upstreamHeaders: Record<string, string> = {};
        upstream.headers.forEach((value, name) => {
          if (name !== 'content-length' && name !== 'content-encoding' && name !== 'transfer-encoding') upstreamHeaders[name] = value;
        });
        // Links Graph returns (nextLink, deltaLink, Location) name the emulator's origin: point them at the proxy,
        // as a tenant's links name the Graph origin the client called.
        const text = Buffer.from(await upstream.arrayBuffer()).toString('utf8').split(target).join(origin);
        if (upstreamHeaders.location) upstreamHeaders.location = upstreamHeaders.location.split(target).join(origin);
        answer = { status: upstream.status, headers: upstreamHeaders, body: parse(Buffer.from(text), upstream.headers.get('content-type') ?? undefined) };
        if (rule?.transform) answer = rule.transform(answer);
      }
      const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.status === 204 || answer.status === 304 ? undefined : text);
    } catch (error) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy error: ${String(error)}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
