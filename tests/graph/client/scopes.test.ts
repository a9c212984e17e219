import { FEATURE_SCOPES, withScopes } from '../../../src/graph';
import { clientFor, fakeGraph } from '../fakeGraph';

const ME = { id: 'u1', displayName: 'Priya Shah', userPrincipalName: 'priya.shah@nhs.net' };

describe('per-feature scopes (incremental consent)', () => {
  function recordingTokenSource() {
    const asked: string[][] = [];
    return { asked, source: { getToken: async (scopes: readonly string[]) => (asked.push([...scopes]), 'token') } };
  }

  it('asks the token source for the client default scopes when a request names none', async () => {
    const fake = fakeGraph([{ method: 'GET', url: '/me', reply: { status: 200, body: ME } }]);
    const tokens = recordingTokenSource();
    await clientFor(fake, { tokenSource: tokens.source, scopes: FEATURE_SCOPES.register }).api('/me').get();
    expect(tokens.asked).toEqual([[...FEATURE_SCOPES.register]]);
  });

  it("asks for the people scopes only for a request that carries withScopes('people')", async () => {
    const fake = fakeGraph([{ method: 'GET', url: '/me', reply: { status: 200, body: ME } }]);
    const tokens = recordingTokenSource();
    await clientFor(fake, { tokenSource: tokens.source, scopes: FEATURE_SCOPES.register }).api('/me').middlewareOptions([withScopes('people')]).get();
    expect(tokens.asked).toEqual([['User.ReadBasic.All', 'People.Read']]);
  });
});
