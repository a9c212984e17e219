/**
 * Waits, before each attempt is sent, for whatever the caller's `beforeAttempt` hook decides (the
 * reminder service's resource-unit pacer). It sits outside the timeout, so time spent waiting here
 * never counts against an attempt's deadline, and inside the retry, so every retry pays again.
 */
import type { Context } from '@microsoft/microsoft-graph-client';
import { ChainLink } from './chainLink';
import { methodOf, urlOf } from './requestInfo';

export interface AttemptInfo {
  readonly method: string;
  /** Absolute URL. */
  readonly url: string;
  /** The request body as sent (JSON text for writes and `$batch`), if any. */
  readonly body: unknown;
}

export type BeforeAttempt = (attempt: AttemptInfo) => Promise<void>;

export class PaceMiddleware extends ChainLink {
  constructor(private readonly beforeAttempt: BeforeAttempt) {
    super();
  }

  async execute(context: Context): Promise<void> {
    await this.beforeAttempt({ method: methodOf(context), url: urlOf(context), body: context.options?.body });
    await this.next(context);
  }
}
