/**
 * The Graph client's "waiting before a retry" events (429/503 with Retry-After), passed on to
 * whatever part of the page wants to tell the user ("SharePoint is busy. Trying again in 20 seconds…").
 * The client is built once for the app, so one hub per client fans each wait out to listeners.
 */
import type { RetryWait } from '@graph';

export type RetryWaitListener = (wait: RetryWait) => void;

export interface RetryWaitHub {
  /** Passed to `createGraphClient({ onRetryWait })`. */
  readonly emit: (wait: RetryWait) => void;
  /** @returns a function that stops listening. */
  readonly subscribe: (listener: RetryWaitListener) => () => void;
}

export function createRetryWaitHub(): RetryWaitHub {
  const listeners = new Set<RetryWaitListener>();
  return {
    emit: (wait) => {
      for (const listener of [...listeners]) listener(wait);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** "Trying again in 20 seconds…" / "in 1 second…" / "now…" for a wait of `waitMs`. */
export function retryWaitText(waitMs: number): string {
  const seconds = Math.ceil(waitMs / 1000);
  if (seconds <= 0) return 'SharePoint is busy. Trying again now…';
  return `SharePoint is busy. Trying again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}…`;
}
