/**
 * Plain words for a failed Graph call, for people who are not developers. The technical detail
 * (status, request id) is kept for support, in a second line.
 */
import { GraphError, NetworkError } from '@graph';

export interface ErrorDescription {
  readonly message: string;
  readonly detail?: string;
}

export function describeError(error: unknown): ErrorDescription {
  if (error instanceof NetworkError) {
    return { message: 'The register could not be reached. Check your connection and try again.', detail: error.message };
  }
  if (error instanceof GraphError) {
    const detail = `${error.status} ${error.code}${error.requestId ? ` (request id ${error.requestId})` : ''}`;
    if (error.status === 401) return { message: 'Your sign-in has expired. Sign out and sign in again.', detail };
    if (error.status === 403) return { message: 'You do not have permission to do this in this team.', detail };
    if (error.status === 404) return { message: 'This item no longer exists. It may have been deleted by someone else.', detail };
    if (error.status === 429 || error.status === 503) {
      return { message: 'Microsoft 365 is busy and asked us to wait. Try again in a moment.', detail };
    }
    return { message: 'Microsoft 365 could not complete the request. Try again.', detail };
  }
  return { message: 'Something went wrong. Try again.', detail: error instanceof Error ? error.message : String(error) };
}
