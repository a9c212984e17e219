/**
 * A recording transport for the probe: every request the product's own Graph code sends goes
 * through `fetch` here, so each step can report the status, Graph error code and `request-id` of
 * what was really exchanged, and the facts file can say what the tenant actually answered
 * (eTag formats, CORS and resource-unit headers) without the probe re-implementing any request.
 */

export interface Exchange {
  readonly method: string;
  /** Path and query only: never the host's tenant-specific parts, never a token. */
  readonly path: string;
  readonly status: number;
  readonly requestId: string;
  /** Graph's `error.code` for an error answer, else ''. */
  readonly errorCode: string;
  /** Response headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON answer, when it was JSON (error answers and bodies the facts need). */
  readonly body: unknown;
  /** Request headers the facts care about (If-Match, ConsistencyLevel, Prefer). */
  readonly sent: Readonly<Record<string, string>>;
}

const SENT_HEADERS = ['if-match', 'consistencylevel', 'prefer', 'origin'];

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

function sentHeaders(init: RequestInit | undefined, input: RequestInfo | URL): Record<string, string> {
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  const out: Record<string, string> = {};
  for (const name of SENT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

export class Recorder {
  readonly exchanges: Exchange[] = [];

  constructor(private readonly base: typeof fetch = (input, init) => fetch(input, init)) {}

  /** A `fetch` that records each exchange; the response handed back is still unread. */
  readonly fetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const response = await this.base(input, init);
    const headers = headerRecord(response.headers);
    let body: unknown;
    const type = headers['content-type'] ?? '';
    if (type.includes('json')) {
      try {
        body = JSON.parse(await response.clone().text());
      } catch {
        body = undefined;
      }
    }
    const error = (body as { error?: { code?: unknown; innerError?: Record<string, unknown> } } | undefined)?.error;
    const innerId = error?.innerError?.['request-id'];
    this.exchanges.push({
      method,
      path: pathOf(url),
      status: response.status,
      requestId: headers['request-id'] ?? (typeof innerId === 'string' ? innerId : ''),
      errorCode: typeof error?.code === 'string' ? error.code : '',
      headers,
      body,
      sent: sentHeaders(init, input),
    });
    return response;
  };

  /** A mark to pass to `since`: the exchanges of one step are those after its mark. */
  mark(): number {
    return this.exchanges.length;
  }

  since(mark: number): Exchange[] {
    return this.exchanges.slice(mark);
  }
}
