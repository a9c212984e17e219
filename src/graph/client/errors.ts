/**
 * The errors the Graph layer throws. Callers branch on these types, never on the Graph client's own
 * error classes, so the rest of the product does not depend on `@microsoft/microsoft-graph-client`.
 */
import { GraphClientError } from '@microsoft/microsoft-graph-client';
import type { StoredEntry } from '@domain';

/**
 * Base of the errors raised inside the middleware chain. It extends the Graph client's
 * `GraphClientError` for one reason: `GraphRequest.send` rethrows a `GraphClientError` unchanged but
 * wraps every other error in its own `GraphError`, which would lose our type and fields.
 */
export abstract class GraphLayerError extends GraphClientError {
  protected constructor(message: string, name: string) {
    super(message);
    // GraphClientError resets the prototype to its own; put ours back so `instanceof` works.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = name;
  }
}

/** Graph answered with an error status (after any retries). */
export class GraphError extends GraphLayerError {
  readonly status: number;
  /** Graph's `error.code`, e.g. `itemNotFound`, `nameAlreadyExists`, `Request_UnsupportedQuery`. */
  readonly code: string;
  readonly requestId?: string;
  /** The `Retry-After` of the last response, in seconds (may be fractional). */
  readonly retryAfterSeconds?: number;
  /**
   * True for a write whose outcome is unknown: an earlier attempt (or this one) ended in a 5xx, so
   * the change may have been made even though this error reports failure. Re-read before retrying
   * or reporting a conflict.
   */
  readonly ambiguous: boolean;

  constructor(
    status: number,
    code: string,
    message: string,
    details: { requestId?: string; retryAfterSeconds?: number; ambiguous?: boolean } = {},
  ) {
    super(message, 'GraphError');
    this.status = status;
    this.code = code;
    this.requestId = details.requestId;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.ambiguous = details.ambiguous ?? false;
  }
}

/** No response: the connection failed or the per-request timeout expired. */
export class NetworkError extends GraphLayerError {
  /** True when the request was a write that may have reached Graph: re-read before retrying. */
  readonly ambiguous: boolean;
  override readonly cause: unknown;

  constructor(message: string, details: { ambiguous: boolean; cause?: unknown }) {
    super(message, 'NetworkError');
    this.ambiguous = details.ambiguous;
    this.cause = details.cause;
  }
}

/** The token source could not supply a token (signed out, consent missing). `cause` is its error. */
export class TokenError extends GraphLayerError {
  override readonly cause: unknown;

  constructor(cause: unknown) {
    super(`Could not get an access token: ${cause instanceof Error ? cause.message : String(cause)}`, 'TokenError');
    this.cause = cause;
  }
}

/** The entry changed (or was deleted) since it was read; nothing was written. */
export class ConflictError extends Error {
  /** The entry as it is now, or null when it no longer exists. */
  readonly current: StoredEntry | null;

  constructor(current: StoredEntry | null) {
    super(current ? 'Someone else changed this entry since you opened it.' : 'This entry has been deleted by someone else.');
    this.name = 'ConflictError';
    this.current = current;
  }
}

export function isAmbiguousFailure(error: unknown): boolean {
  return (error instanceof NetworkError || error instanceof GraphError) && error.ambiguous;
}
