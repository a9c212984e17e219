/**
 * The demo PCN (src/emulator/seed/demoNetwork.ts, demoNetworkSeed.ts), read the way the tab reads
 * it: over HTTP through Graph, signed in as the PCN lead with the app's delegated scopes. Five
 * practices on the roster, four opted in, registers of varied data, and the demo practice as it was.
 */
import { fieldsToEntry, type RegisterEntry } from '@domain';
import { fieldsToIncident } from '@domain/incidents';
import { fieldsToMemberPractice, membershipSettingKey, parseMembership, parseNetworkSelf } from '@domain/network';
import { DEMO, DEMO_NETWORK, startTestEmulator, tokenFor, type RunningEmulator } from '../../support/emulator';
import { call } from '../call';

let emulator: RunningEmulator;
let lead: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
  lead = await tokenFor(emulator.url, DEMO_NETWORK.lead.upn);
});
afterAll(() => emulator.close());

type Fields = Record<string, unknown>;

async function fieldsOf(token: string, siteId: string, listId: string): Promise<Fields[]> {
  const answer = await call(emulator.url, token, `/v1.0/sites/${encodeURIComponent(siteId)}/lists/${listId}/items?expand=fields&$top=500`);
  expect(answer.status).toBe(200);
  return answer.body.value.map((item: { fields: Fields }) => item.fields);
}

async function settingsOf(token: string, siteId: string, listId: string): Promise<Record<string, unknown>> {
  const fields = await fieldsOf(token, siteId, listId);
  return Object.fromEntries(fields.map((f) => [String(f.SettingKey), JSON.parse(String(f.Value))]));
}

const entriesOf = async (token: string, siteId: string, listId: string): Promise<RegisterEntry[]> => (await fieldsOf(token, siteId, listId)).map((f) => fieldsToEntry(f));

it('lists the lead among the local sign-in users, beside every demo practice person', async () => {
  const users = (await call(emulator.url, undefined, '/emulator/users')).body.value as { upn: string; role: string }[];
  expect(users.map((u) => u.upn)).toEqual([...DEMO.signInUsers.map((u) => u.upn), DEMO_NETWORK.lead.upn]);
  expect(users.at(-1)?.role).toMatch(/PCN digital and transformation lead/);
  const me = await call(emulator.url, lead, '/v1.0/me');
  expect(me.body).toMatchObject({ displayName: DEMO_NETWORK.lead.displayName, jobTitle: 'PCN digital and transformation lead' });
});

it('gives the PCN a register of two PCN-shared services, its network.self setting and a roster of all five practices', async () => {
  const { pcn } = DEMO_NETWORK;
  const shared = await entriesOf(lead, pcn.siteId, pcn.registerListId);
  expect(shared.map((e) => [e.title, e.provision])).toEqual([['Enhanced access hub telephony', 'pcn-shared'], ['PCN clinical pharmacist systems', 'pcn-shared']]);
  const settings = await settingsOf(lead, pcn.siteId, pcn.settingsListId);
  expect(parseNetworkSelf(settings['network.self'])).toEqual({ kind: 'pcn', name: 'Northgate PCN' });
  const roster = (await fieldsOf(lead, pcn.siteId, pcn.practicesListId)).map((f) => fieldsToMemberPractice(f));
  expect(roster.map((p) => [p.key, p.name, p.teamId, p.siteUrl])).toEqual(DEMO_NETWORK.practices.map((p) => [p.key, p.name, p.teamId, p.siteUrl]));
  expect(await fieldsOf(lead, pcn.siteId, pcn.commentsListId)).toEqual([]);
  const joined = await call(emulator.url, lead, '/v1.0/me/joinedTeams');
  expect(joined.body.value.map((t: { displayName: string }) => t.displayName)).toEqual(['Northgate PCN']);
});

it('has four practices opted in to the PCN (Riverside among them) and Castle Street on the roster only', async () => {
  const optedIn: string[] = [];
  for (const practice of DEMO_NETWORK.practices) {
    const settings = await settingsOf(lead, practice.key, practice.settingsListId);
    const membership = parseMembership(settings[membershipSettingKey('pcn')]);
    if (membership?.state === 'joined' && membership.networkSiteId === DEMO_NETWORK.pcn.siteId) optedIn.push(practice.name);
    expect(practice.optedIn).toBe(membership !== null);
  }
  expect(optedIn).toEqual(['Riverside Medical Practice', 'Northgate Surgery', 'Hillside Health Centre', 'Brook Lane Practice']);
});

it("lets the lead read each practice's register, 12 to 30 services of varied data, and write none", async () => {
  const registers = new Map<string, RegisterEntry[]>();
  for (const practice of DEMO_NETWORK.practices) {
    const entries = await entriesOf(lead, practice.key, practice.registerListId);
    expect(entries.length).toBeGreaterThanOrEqual(12);
    expect(entries.length).toBeLessThanOrEqual(30);
    registers.set(practice.name, entries);
    const write = await call(emulator.url, lead, `/v1.0/sites/${encodeURIComponent(practice.key)}/lists/${practice.registerListId}/items`, { method: 'POST', body: { fields: { Title: 'x' } } });
    expect(write.status).toBe(403);
  }
  expect(registers.get(DEMO.organisation)).toHaveLength(15);
  const find = (name: string, title: string) => registers.get(name)?.find((e) => e.title === title);
  expect(find('Northgate Surgery', 'AI scribe (trial)')).toMatchObject({ lifecycle: 'trial', dpiaStatus: 'not-assessed' });
  const noDowntime = [...registers].filter(([, entries]) => entries.some((e) => e.category === 'telephony' && e.title === 'Cloud telephony' && e.downtimeProcess === '')).map(([name]) => name);
  expect(noDowntime).toEqual(['Riverside Medical Practice', 'Hillside Health Centre']);
  const all = [...registers.values()].flat();
  expect(new Set(all.map((e) => e.dpiaStatus))).toEqual(new Set(['complete', 'in-progress', 'not-assessed', 'not-required']));
  expect(all.some((e) => e.owner === null)).toBe(true);
  expect(new Set(all.map((e) => (e.nextReviewDue === null ? 'none' : e.nextReviewDue < new Date().toISOString().slice(0, 10) ? 'overdue' : 'later')))).toEqual(new Set(['none', 'overdue', 'later']));
});

it('gives Hillside and Brook Lane one open incident each, readable by the lead', async () => {
  const withIncidents = DEMO_NETWORK.practices.filter((p) => p.incidentsListId !== null);
  expect(withIncidents.map((p) => p.name)).toEqual(['Hillside Health Centre', 'Brook Lane Practice']);
  for (const practice of withIncidents) {
    const incidents = await fieldsOf(lead, practice.key, practice.incidentsListId!);
    expect(incidents).toHaveLength(1);
    expect(fieldsToIncident(incidents[0]!)).toMatchObject({ state: 'open', serviceTitle: 'Accurx', impact: 'degraded' });
    const entry = await call(emulator.url, lead, `/v1.0/sites/${encodeURIComponent(practice.key)}/lists/${practice.registerListId}/items/${String(incidents[0]!.EntryId)}/fields`);
    expect(entry.body.Title).toBe('Accurx');
  }
});

it('lets each practice team read the PCN site as visitors, and leaves the demo manager out of the PCN team', async () => {
  const manager = await tokenFor(emulator.url, DEMO.manager.upn);
  const shared = await entriesOf(manager, DEMO_NETWORK.pcn.siteId, DEMO_NETWORK.pcn.registerListId);
  expect(shared).toHaveLength(2);
  expect((await call(emulator.url, manager, `/v1.0/teams/${DEMO_NETWORK.pcn.teamId}/channels`)).status).toBe(403);
  const joined = await call(emulator.url, manager, '/v1.0/me/joinedTeams');
  expect(joined.body.value.map((t: { id: string }) => t.id)).toEqual([DEMO.team.id]);
});

it('seeds the same ids and entry keys every time', async () => {
  const other = await startTestEmulator({ directorySize: 10 });
  try {
    const northgate = DEMO_NETWORK.practices[1]!;
    const keys = async (url: string) => {
      const token = await tokenFor(url, DEMO_NETWORK.lead.upn);
      const answer = await call(url, token, `/v1.0/sites/${encodeURIComponent(northgate.key)}/lists/${northgate.registerListId}/items?expand=fields&$top=100`);
      return answer.body.value.map((item: { fields: Fields }) => [item.fields.Title, item.fields.EntryKey]);
    };
    expect(await keys(other.url)).toEqual(await keys(emulator.url));
  } finally {
    await other.close();
  }
});
