/** Sign-in identity, teams, the team site, provisioning and team members against the emulator. */
import { createGraphClient, findRegisterList, findTeamSite, findTeamSiteByUrl, getMe, listJoinedTeams, listTeamMembers, provisionRegister, GraphError, FEATURE_SCOPES, TokenError } from '../../../src/graph';
import { DEMO, startTestEmulator, tokenFor, type RunningEmulator } from '../../support/emulator';
import { recordedClient } from '../graphClient';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(async () => {
  await emulator.close();
});

describe('workspace on the emulator', () => {
  it('finds the signed-in manager, their team, its site and the register list', async () => {
    const { client } = recordedClient(emulator.url);
    expect(await getMe(client)).toEqual({ id: DEMO.manager.id, displayName: DEMO.manager.displayName, userPrincipalName: DEMO.manager.upn });
    expect(await listJoinedTeams(client)).toContainEqual({ id: DEMO.team.id, displayName: DEMO.team.displayName });
    expect(await findTeamSiteByUrl(client, DEMO.site.webUrl)).toMatchObject({ id: DEMO.site.id, webUrl: DEMO.site.webUrl });
    expect(await findRegisterList(client, DEMO.site.id)).toBe(DEMO.registerListId);
  });

  it('the group path is refused to the tab: its scopes do not include the one site-get.md names, and the tenant never consented it', async () => {
    // With the register's own scopes (Sites.Selected) Graph refuses /groups/{id}/sites/root.
    const narrow = createGraphClient({ baseUrl: emulator.url, tokenSource: { getToken: () => tokenFor(emulator.url, DEMO.manager.upn, undefined, [...FEATURE_SCOPES.register]) } });
    const refused = await narrow.api(`/groups/${DEMO.team.id}/sites/root`).get().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraphError);
    expect((refused as GraphError).status).toBe(403);
    // findTeamSite asks for Sites.Read.All for that request alone; like NHSmail, the demo tenant has not consented it.
    const asked: string[][] = [];
    const tokenSource = {
      getToken: async (scopes: readonly string[]) => (asked.push([...scopes]), tokenFor(emulator.url, DEMO.manager.upn, undefined, [...scopes])),
    };
    const client = createGraphClient({ baseUrl: emulator.url, tokenSource, scopes: FEATURE_SCOPES.register });
    await expect(findTeamSite(client, DEMO.team.id)).rejects.toBeInstanceOf(TokenError);
    expect(asked).toEqual([['Sites.Read.All']]);
  });

  it('provisioning the register where it exists returns the existing list, every time', async () => {
    const { client, events } = recordedClient(emulator.url);
    expect(await provisionRegister(client, DEMO.site.id)).toBe(DEMO.registerListId);
    expect(await provisionRegister(client, DEMO.site.id)).toBe(DEMO.registerListId);
    expect(events.filter((line) => line.startsWith('POST '))).toHaveLength(2);
    const lists = (await client.api(`/sites/${DEMO.site.id}/lists`).get()) as { value: { displayName: string }[] };
    expect(lists.value.filter((list) => list.displayName === 'Digital Services Register')).toHaveLength(1);
  });

  it('lists team members with owners marked', async () => {
    const { client } = recordedClient(emulator.url);
    const members = await listTeamMembers(client, DEMO.team.id);
    expect(members).toContainEqual(expect.objectContaining({ userId: DEMO.manager.id, roles: ['owner'], email: DEMO.manager.upn }));
    expect(members.find((member) => member.userId === DEMO.staff.id)?.roles).toEqual([]);
    expect(members.some((member) => member.userId === DEMO.outsider.id)).toBe(false);
  });

  it('refuses someone outside the team (403) as a GraphError', async () => {
    const { client } = recordedClient(emulator.url, DEMO.outsider.upn);
    await expect(findRegisterList(client, DEMO.site.id)).rejects.toMatchObject({ status: 403 });
    await expect(findRegisterList(client, DEMO.site.id)).rejects.toBeInstanceOf(GraphError);
  });
});
