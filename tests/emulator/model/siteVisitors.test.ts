/**
 * A site's Visitors (src/emulator/model/siteVisitors.ts): members of a group in the site's Visitors
 * read the site, its lists, columns, items, delta and versions, and every write is 403
 * accessDenied "Access denied"; visiting a site never makes anyone a member of its team; the app's
 * Sites.Selected grant still intersects.
 */
import { DEMO, DEMO_NETWORK, appTokenFor, startTestEmulator, tokenFor, type RunningEmulator } from '../../support/emulator';
import { call, graphError, type Answer } from '../call';

const ADMIN_APP = '0d5e6f70-1a2b-4c3d-8e9f-0000000ad411';
const site = `/v1.0/sites/${encodeURIComponent(DEMO.site.id)}`;
const register = `${site}/lists/${DEMO.registerListId}`;

let emulator: RunningEmulator;
let lead: string;
let manager: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
  lead = await tokenFor(emulator.url, DEMO_NETWORK.lead.upn);
  manager = await tokenFor(emulator.url, DEMO.manager.upn);
});
afterAll(() => emulator.close());

function expectAccessDenied(answer: Answer): void {
  expect(answer.status).toBe(403);
  expect(graphError(answer)).toBe('accessDenied');
  expect(answer.body.error.message).toBe('Access denied');
}

describe('a visitor of the practice site (the PCN lead, through the PCN team)', () => {
  it('reads the site, its lists, columns, items, delta and versions', async () => {
    const reads = [
      site, `${site}/lists`, register, `${register}/columns`, `${register}/items?expand=fields`, `${register}/items/1`, `${register}/items/1/fields`,
      `${register}/items/delta`, `${register}/items/1/versions`, `${register}/items/1/versions/1.0/fields`,
      `/v1.0/sites/emulator.sharepoint.com:/sites/RiversideMedicalPractice`,
    ];
    for (const path of reads) expect([path, (await call(emulator.url, lead, path)).status]).toEqual([path, 200]);
    const items = await call(emulator.url, lead, `${register}/items?expand=fields&$top=100`);
    expect(items.body.value.map((item: { fields: { Title: string } }) => item.fields.Title)).toContain('EMIS Web');
  });

  it('gets 403 accessDenied for every write, and nothing is written', async () => {
    const before = await call(emulator.url, manager, `${register}/items/1`);
    const writes: [string, string, unknown][] = [
      ['POST', `${register}/items`, { fields: { Title: 'Written by a visitor' } }],
      ['PATCH', `${register}/items/1/fields`, { Title: 'Renamed by a visitor' }],
      ['PATCH', `${register}/items/1`, { fields: { Title: 'Renamed by a visitor' } }],
      ['DELETE', `${register}/items/1`, undefined],
      ['POST', `${site}/lists`, { displayName: 'Visitor list', list: { template: 'genericList' } }],
      ['POST', `${register}/columns`, { name: 'VisitorColumn', text: {} }],
    ];
    for (const [method, path, body] of writes) expectAccessDenied(await call(emulator.url, lead, path, { method, body, headers: { 'If-Match': '*' } }));
    const after = await call(emulator.url, manager, `${register}/items/1`);
    expect(after.body.eTag).toBe(before.body.eTag);
    expect((await call(emulator.url, manager, `${site}/lists`)).body.value.map((l: { displayName: string }) => l.displayName)).not.toContain('Visitor list');
    // A member of the practice team still writes.
    expect((await call(emulator.url, manager, `${register}/items/1/fields`, { method: 'PATCH', body: { Notes: 'Checked by the practice.' } })).status).toBe(200);
  });

  it('is not a member of the practice team: its channels and members are 403, and joinedTeams lists only its own team', async () => {
    for (const path of [`/v1.0/teams/${DEMO.team.id}/channels`, `/v1.0/teams/${DEMO.team.id}/members`, `/v1.0/teams/${DEMO.team.id}/channels/${encodeURIComponent(DEMO.channel.id)}/messages`])
      expect((await call(emulator.url, lead, path)).status).toBe(403);
    const joined = await call(emulator.url, lead, '/v1.0/me/joinedTeams');
    expect(joined.body.value.map((team: { id: string }) => team.id)).toEqual([DEMO_NETWORK.pcn.teamId]);
    const managerTeams = await call(emulator.url, manager, '/v1.0/me/joinedTeams');
    expect(managerTeams.body.value.map((team: { id: string }) => team.id)).toEqual([DEMO.team.id]);
  });

  it('reads nothing once the app loses its Sites.Selected grant on the site (the intersection)', async () => {
    const hillside = DEMO_NETWORK.practices.find((p) => p.name === 'Hillside Health Centre')!;
    const hillsideSite = `/v1.0/sites/${encodeURIComponent(hillside.key)}`;
    expect((await call(emulator.url, lead, hillsideSite)).status).toBe(200);
    const admin = await appTokenFor(emulator.url, ADMIN_APP);
    const grants = await call(emulator.url, admin, `${hillsideSite}/permissions`);
    const grant = grants.body.value[0] as { id: string; roles: string[] };
    expect(grant.roles).toEqual(['owner']);
    expect((await call(emulator.url, admin, `${hillsideSite}/permissions/${grant.id}`, { method: 'DELETE' })).status).toBe(204);
    expectAccessDenied(await call(emulator.url, lead, hillsideSite));
  });
});

describe('POST/GET/DELETE /emulator/sites/{siteId}/visitors', () => {
  const visitors = `/emulator/sites/${encodeURIComponent(DEMO.site.id)}/visitors`;

  it('lists, removes and adds a group; a removed group reads nothing', async () => {
    expect((await call(emulator.url, undefined, visitors)).body.visitorGroupIds).toEqual([DEMO_NETWORK.pcn.teamId]);
    expect((await call(emulator.url, undefined, `${visitors}/${DEMO_NETWORK.pcn.teamId}`, { method: 'DELETE' })).status).toBe(204);
    const denied = await call(emulator.url, lead, `${register}/items`);
    expect(denied.status).toBe(403);
    expect(graphError(denied)).toBe('accessDenied');
    const added = await call(emulator.url, undefined, visitors, { method: 'POST', body: { groupId: DEMO_NETWORK.pcn.teamId } });
    expect(added.body.visitorGroupIds).toEqual([DEMO_NETWORK.pcn.teamId]);
    expect((await call(emulator.url, lead, `${register}/items`)).status).toBe(200);
  });

  it('answers 404 for an unknown site or group and 400 without a group', async () => {
    expect((await call(emulator.url, undefined, visitors, { method: 'POST', body: { groupId: 'no-such-team' } })).status).toBe(404);
    expect((await call(emulator.url, undefined, '/emulator/sites/no-such-site/visitors', { method: 'POST', body: { groupId: DEMO_NETWORK.pcn.teamId } })).status).toBe(404);
    expect((await call(emulator.url, undefined, visitors, { method: 'POST', body: {} })).status).toBe(400);
  });

  it('admits only the members of a visitor group: the outsider, in no team, still gets 403', async () => {
    const outsider = await tokenFor(emulator.url, DEMO.outsider.upn);
    expect((await call(emulator.url, outsider, `${register}/items`)).status).toBe(403);
  });
});
