/**
 * Plain words for a save or delete that failed for a reason other than a conflict. The first line
 * always says the user's input is safe, because that is what someone who has just typed a page of
 * access procedures most needs to know. Technical detail is kept apart for support.
 */
import { GraphError, NetworkError } from '@graph';
import { describeError } from '../../state/describeError';

export interface SaveFailureText {
  readonly title: string;
  readonly message: string;
  readonly detail?: string;
}

const BUSY_STATUSES = new Set([429, 503, 504]);

/** @param kept what is still there: "Your changes" (a form) or "The service" (a delete). */
export function describeSaveFailure(error: unknown, kept = 'Your changes are still here.'): SaveFailureText {
  const { message, detail } = describeError(error);
  if (error instanceof NetworkError) {
    return { title: `Could not reach SharePoint. ${kept}`, message: 'Check your connection, then choose Retry.', detail };
  }
  if (error instanceof GraphError && BUSY_STATUSES.has(error.status)) {
    return { title: `SharePoint is busy. ${kept}`, message: 'It asked us to wait. Choose Retry in a minute.', detail };
  }
  if (error instanceof GraphError && error.status === 403) {
    return { title: `You do not have permission to change the register. ${kept}`, message: 'Ask a team owner for access.', detail };
  }
  return { title: `Not saved. ${kept}`, message, detail };
}
