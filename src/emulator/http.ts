/**
 * Transport-neutral request and response shapes, so one pipeline serves both node:http requests and
 * the inner requests of `$batch`.
 */
export interface EmuRequest {
  readonly method: string;
  /** Absolute path and query, e.g. `/v1.0/users?$top=5`. */
  readonly pathAndQuery: string;
  /** Header names are lower-case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body, or undefined when there was none. */
  readonly body: unknown;
  /** `http://host:port` the caller used: absolute links (`@odata.nextLink`) are built on it. */
  readonly origin: string;
  /** True for the inner requests of a `$batch`. */
  readonly inBatch?: boolean;
}

export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON value, or a Buffer for static files; undefined for an empty body. */
  body?: unknown;
  /** Destroy the socket instead of answering (fault injection). */
  dropConnection?: boolean;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): EmuResponse {
  return { status, headers, body };
}

export const noContent = (): EmuResponse => ({ status: 204, headers: {} });
