/**
 * Gives each attempt its own deadline: when it passes, the fetch is aborted and a `NetworkError` is
 * thrown (ambiguous for writes, which may have reached Graph). A signal the caller passed still works.
 */
import type { Context } from '@microsoft/microsoft-graph-client';
import { NetworkError } from '../errors';
import { ChainLink } from './chainLink';
import { isWrite } from './requestInfo';

export class TimeoutMiddleware extends ChainLink {
  constructor(private readonly timeoutMs: number) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    const callerSignal = options.signal ?? undefined;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const forwardAbort = (): void => controller.abort(callerSignal?.reason);
    // An already-aborted signal fires no 'abort' event: abort this attempt at once.
    if (callerSignal?.aborted) controller.abort(callerSignal.reason);
    else callerSignal?.addEventListener('abort', forwardAbort);
    options.signal = controller.signal;
    try {
      await this.next(context);
    } catch (error) {
      if (!timedOut) throw error;
      throw new NetworkError(`Microsoft Graph did not answer within ${this.timeoutMs} ms.`, { ambiguous: isWrite(context), cause: error });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', forwardAbort);
      options.signal = callerSignal ?? null;
    }
  }
}
