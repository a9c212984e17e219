import { renderToString } from 'react-dom/server';
import { HostProvider, useDeepLinkIds } from '../../../src/tab/teams/hostContext';
import type { TeamsHost } from '../../../src/tab/teams/detectHost';

function Ids() {
  return <>{JSON.stringify(useDeepLinkIds())}</>;
}

const teams: TeamsHost = {
  kind: 'teams', theme: 'default', teamId: 'g', teamName: 'T', teamSiteUrl: null, channelId: '19:c@thread.tacv2', userId: 'u', userPrincipalName: 'p@nhs.net',
  loginHint: 'p@nhs.net', tenantId: 't', frameContext: 'content', entityId: 'register-riverside', appId: '11111111-2222-4333-8444-555555555555',
  subEntityId: null, naaRecommended: true,
};

test("in Teams, deep links name the host's app id and this tab's entity id", () => {
  const html = renderToString(<HostProvider value={teams}><Ids /></HostProvider>);
  expect(JSON.parse(html.replace(/&quot;/g, '"'))).toEqual({ teamsAppId: teams.appId, entityId: 'register-riverside' });
});

test('in a plain browser the local defaults stand (no ids from a host)', () => {
  const html = renderToString(<Ids />);
  expect(JSON.parse(html.replace(/&quot;/g, '"'))).toEqual({});
});
