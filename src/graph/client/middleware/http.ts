/** Last link: sends the request with `fetch` and maps a failed fetch to `NetworkError`. */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { NetworkError } from '../errors';
import { isWrite } from './requestInfo';

export class HttpMiddleware implements Middleware {
  constructor(private readonly fetchImpl: typeof fetch) {}

  async execute(context: Context): Promise<void> {
    try {
      context.response = await this.fetchImpl(context.request, context.options);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new NetworkError(`Could not reach Microsoft Graph: ${reason}`, { ambiguous: isWrite(context), cause: error });
    }
  }
}
