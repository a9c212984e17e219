/**
 * The benchmark's network (src/emulator/seed/benchNetwork.ts): an ICB digital team with a roster of
 * practices, each opted in (`network.icb`) with its register, readable by the ICB reader through
 * Graph as a visitor and never writable; seeded beside the reminder benchmark's practices.
 */
import { fieldsToMemberPractice, membershipSettingKey, parseMembership } from '@domain/network';
import { startTestEmulator, tokenFor, type RunningEmulator } from '../../support/emulator';
import { call } from '../call';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 10, benchPractices: { count: 2, entriesPerPractice: 3 }, benchNetwork: { practices: 3, entriesPerPractice: 7 } });
});
afterAll(() => emulator.close());

const fieldsOf = async (token: string, siteId: string, listId: string) =>
  (await call(emulator.url, token, `/v1.0/sites/${encodeURIComponent(siteId)}/lists/${listId}/items?expand=fields&$top=500`)).body.value.map((item: { fields: Record<string, unknown> }) => item.fields);

it('seeds an ICB roster of opted-in practices the reader can read but not write', async () => {
  const network = emulator.benchNetwork!;
  expect(network.kind).toBe('icb');
  expect(network.practices).toHaveLength(3);
  const reader = await tokenFor(emulator.url, network.reader.upn);
  const roster = (await fieldsOf(reader, network.siteId, network.practicesListId)).map(fieldsToMemberPractice);
  expect(roster.map((p: { key: string }) => p.key)).toEqual(network.practices.map((p) => p.siteId));
  for (const practice of network.practices) {
    const settings = await fieldsOf(reader, practice.siteId, practice.settingsListId);
    const membership = parseMembership(JSON.parse(String(settings.find((f: Record<string, unknown>) => f.SettingKey === membershipSettingKey('icb'))?.Value)));
    expect(membership).toMatchObject({ state: 'joined', kind: 'icb', networkSiteId: network.siteId, networkTeamId: network.teamId });
    expect(await fieldsOf(reader, practice.siteId, practice.listId)).toHaveLength(7);
    const write = await call(emulator.url, reader, `/v1.0/sites/${encodeURIComponent(practice.siteId)}/lists/${practice.listId}/items`, { method: 'POST', body: { fields: { Title: 'x' } } });
    expect(write.status).toBe(403);
  }
  const joined = await call(emulator.url, reader, '/v1.0/me/joinedTeams');
  expect(joined.body.value.map((t: { id: string }) => t.id)).toEqual([network.teamId]);
});

it('keeps the reminder benchmark practices apart: their own ids, and the network team is no visitor of them', async () => {
  const network = emulator.benchNetwork!;
  const ids = new Set([...emulator.benchPractices, ...network.practices].map((p) => p.siteId));
  expect(ids.size).toBe(5);
  expect(emulator.benchPractices.map((p) => p.name)).toEqual(['Bench Practice 001', 'Bench Practice 002']);
  expect(network.practices.map((p) => p.name)).toEqual(['ICB Bench Practice 001', 'ICB Bench Practice 002', 'ICB Bench Practice 003']);
  const reader = await tokenFor(emulator.url, network.reader.upn);
  const other = emulator.benchPractices[0]!;
  expect((await call(emulator.url, reader, `/v1.0/sites/${encodeURIComponent(other.siteId)}/lists/${other.listId}/items`)).status).toBe(403);
});
