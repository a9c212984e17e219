/**
 * The one factory for Graph-shaped errors.
 *
 * Every failure the emulator reports (auth, routing, strictness, validation, injected faults) is a
 * `GraphHttpError` thrown from a handler and turned into
 * `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}` by
 * `errorResponse`, with `request-id` and `client-request-id` headers added by the pipeline.
 */
import type { EmuResponse } from './http';

export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphHttpError';
  }
}

/** Shorthands for the errors handlers raise most. */
export const fail = {
  badRequest: (message: string, code = 'BadRequest') => new GraphHttpError(400, code, message),
  invalidRequest: (message: string) => new GraphHttpError(400, 'invalidRequest', message),
  notFound: (message: string, code = 'itemNotFound') => new GraphHttpError(404, code, message),
  conflict: (message: string, code = 'nameAlreadyExists') => new GraphHttpError(409, code, message),
  forbidden: (message = 'Access denied. You do not have permission to perform this action or access this resource.') =>
    new GraphHttpError(403, 'accessDenied', message),
  notImplemented: (message: string) => new GraphHttpError(501, 'notImplemented', message),
  unauthorized: (message: string) =>
    new GraphHttpError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': 'Bearer realm="emulator"' }),
};

export interface ErrorIds {
  readonly requestId: string;
  readonly clientRequestId: string;
  readonly now: Date;
}

/** The Graph error body and status for `error`. */
export function errorResponse(error: GraphHttpError, ids: ErrorIds): EmuResponse {
  return {
    status: error.status,
    headers: { ...error.headers },
    body: {
      error: {
        code: error.code,
        message: error.message,
        innerError: {
          date: ids.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          'request-id': ids.requestId,
          'client-request-id': ids.clientRequestId,
        },
      },
    },
  };
}

/** Any thrown value as a GraphHttpError (unexpected ones become 500 generalException). */
export function asGraphError(error: unknown): GraphHttpError {
  if (error instanceof GraphHttpError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GraphHttpError(500, 'generalException', `An unexpected error occurred in the emulator: ${message}`);
}
