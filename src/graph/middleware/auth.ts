/**
 * Adds `Authorization: Bearer <token>` from the token source. On a 401 it drops the cached token and
 * tries once more with a fresh one (a 401 means the request was refused before it ran, so this is
 * safe for every method); a second 401 is passed up.
 */
import type { Context } from '@microsoft/microsoft-graph-client';
import { TokenError } from '../errors';
import { ScopeControl } from '../scopes';
import type { TokenSource } from '../types';
import { ChainLink } from './chainLink';
import { discard, setHeader } from './requestInfo';

export class AuthMiddleware extends ChainLink {
  constructor(
    private readonly tokenSource: TokenSource,
    private readonly scopes: readonly string[],
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    await this.sendWithToken(context);
    if (context.response?.status !== 401) return;
    await discard(context.response);
    this.tokenSource.invalidate?.();
    await this.sendWithToken(context);
  }

  private async sendWithToken(context: Context): Promise<void> {
    let token: string;
    try {
      // A request may name its feature's scopes (withScopes); otherwise the client's default scopes.
      const control = context.middlewareControl?.getMiddlewareOptions(ScopeControl) as ScopeControl | undefined;
      token = await this.tokenSource.getToken(control?.scopes ?? this.scopes);
    } catch (error) {
      throw new TokenError(error);
    }
    setHeader(context, 'Authorization', `Bearer ${token}`);
    await this.next(context);
  }
}
