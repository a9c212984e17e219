/**
 * Adds `Authorization: Bearer <token>` from the token source, and only to requests for the configured
 * Graph origin: a URL on any other origin (a nextLink or a link in data pointing elsewhere) is refused
 * before a token is even fetched, so the user's Graph token never leaves for another host. On a 401 it
 * drops the cached token and tries once more with a fresh one (a 401 means the request was refused
 * before it ran, so this is safe for every method); a second 401 is passed up.
 */
import type { Context } from '@microsoft/microsoft-graph-client';
import { TokenError } from '../errors';
import { ScopeControl } from '../scopes';
import type { TokenSource } from '../../types';
import { ChainLink } from './chainLink';
import { discard, setHeader, urlOf } from './requestInfo';

/** Thrown for a request whose URL is not on the client's Graph origin: no token, nothing sent. */
export class ForeignOriginError extends Error {
  constructor(readonly url: string, readonly graphOrigin: string) {
    super(`Refused to send the Graph token to ${safeOrigin(url)}: requests go only to ${graphOrigin}.`);
    this.name = 'ForeignOriginError';
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an unreadable URL';
  }
}

export class AuthMiddleware extends ChainLink {
  private readonly graphOrigin: string;

  /** @param graphBaseUrl the client's Graph root, e.g. 'https://graph.microsoft.com': its origin is the only one served. */
  constructor(
    private readonly tokenSource: TokenSource,
    private readonly scopes: readonly string[],
    graphBaseUrl: string,
  ) {
    super();
    this.graphOrigin = new URL(graphBaseUrl).origin;
  }

  async execute(context: Context): Promise<void> {
    const url = urlOf(context);
    if (safeOrigin(url) !== this.graphOrigin) throw new ForeignOriginError(url, this.graphOrigin);
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
