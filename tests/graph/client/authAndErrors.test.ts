import { GraphError, NetworkError, TokenError } from '../../../src/graph';
import { clientFor, fakeGraph, graphError, tokenSourceStub } from '../fakeGraph';

const ME = { id: 'u1', displayName: 'Priya Shah', userPrincipalName: 'priya.shah@nhs.net' };

describe('authentication', () => {
  it('sends the bearer token from the token source', async () => {
    const fake = fakeGraph([{ method: 'GET', url: '/me', reply: { status: 200, body: ME } }]);
    const tokens = tokenSourceStub();
    await clientFor(fake, { tokenSource: tokens.source }).api('/me').get();
    expect(fake.sent[0]?.headers.authorization).toBe('Bearer token-1');
  });

  it('on 401 drops the token and retries once with a fresh one', async () => {
    const fake = fakeGraph([
      { method: 'GET', url: '/me', reply: graphError(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.') },
      { method: 'GET', url: '/me', reply: { status: 200, body: ME } },
    ]);
    const tokens = tokenSourceStub();
    const me = await clientFor(fake, { tokenSource: tokens.source }).api('/me').get();
    expect(me.id).toBe('u1');
    expect(tokens.calls).toEqual({ getToken: 2, invalidate: 1 });
    expect(fake.sent.map((request) => request.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('passes up a second 401 as a GraphError without looping', async () => {
    const expired = graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.');
    const fake = fakeGraph([
      { method: 'GET', url: '/me', reply: expired },
      { method: 'GET', url: '/me', reply: expired },
    ]);
    await expect(clientFor(fake).api('/me').get()).rejects.toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
  });

  it('reports a token source failure as TokenError carrying the cause', async () => {
    const fake = fakeGraph([]);
    const cause = new Error('interaction_required');
    const failure = await clientFor(fake, { tokenSource: { getToken: async () => Promise.reject(cause) } })
      .api('/me')
      .get()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TokenError);
    expect((failure as TokenError).cause).toBe(cause);
  });
});

describe('errors', () => {
  it("maps Graph's error JSON to GraphError with code, message, request id and Retry-After", async () => {
    const fake = fakeGraph([
      { method: 'GET', url: '/sites/s1/lists/l1/items/99', reply: graphError(404, 'itemNotFound', 'The resource could not be found.') },
    ]);
    const failure = (await clientFor(fake).api('/sites/s1/lists/l1/items/99').get().catch((error: unknown) => error)) as GraphError;
    expect(failure).toBeInstanceOf(GraphError);
    expect(failure).toMatchObject({ status: 404, code: 'itemNotFound', message: 'The resource could not be found.', requestId: 'req-404', ambiguous: false });
  });

  it('times out a request that never answers: NetworkError, ambiguous only for writes', async () => {
    const fake = fakeGraph([
      { method: 'GET', url: '/me', reply: { hang: true } },
      { method: 'PATCH', url: '/sites/s1/lists/l1/items/3/fields', reply: { hang: true } },
    ]);
    const client = clientFor(fake, { timeoutMs: 20 });
    const read = await client.api('/me').get().catch((error: unknown) => error);
    expect(read).toBeInstanceOf(NetworkError);
    expect(read).toMatchObject({ ambiguous: false });
    const write = await client.api('/sites/s1/lists/l1/items/3/fields').header('If-Match', '"{A},1"').patch({ Title: 'x' }).catch((error: unknown) => error);
    expect(write).toBeInstanceOf(NetworkError);
    expect(write).toMatchObject({ ambiguous: true });
    expect(fake.sleeps).toEqual([]);
  });

  it('maps a failed fetch to NetworkError', async () => {
    const fake = fakeGraph([{ method: 'POST', url: '/sites/s1/lists/l1/items', reply: { fail: new TypeError('fetch failed') } }]);
    const failure = await clientFor(fake).api('/sites/s1/lists/l1/items').post({ fields: {} }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NetworkError);
    expect(failure).toMatchObject({ ambiguous: true });
  });
});
