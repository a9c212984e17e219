/**
 * People search and owner checks through the real Graph client against the emulator: names with
 * apostrophes, accents and quotes, `/me/people`, a throttled search that is not retried, and
 * `checkOwners` telling deleted, disabled and present owners apart.
 */
import { checkOwners, createGraphClient, GraphError, listMyPeople, searchDirectory, withScopes } from '../../../src/graph';
import { appTokenFor, DEMO, startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { recordedClient } from '../graphClient';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 3000 });
});
afterAll(() => emulator.close());

describe('searchDirectory', () => {
  it("finds O'Neill typed with a straight apostrophe, and Nguyễn / Zoë typed with or without accents", async () => {
    const { client } = recordedClient(emulator.url);
    const oneill = await searchDirectory(client, "Siobhán O'Neill", { top: 20 });
    expect(oneill.map((person) => person.id)).toContain(DEMO.teamMembers.find((p) => p.surname === "O'Neill")?.id);
    for (const query of ['Nguyễn', 'nguyen', 'Zoë', 'zoe']) {
      const found = await searchDirectory(client, query, { top: 5 });
      expect(found.length).toBeGreaterThan(0);
    }
    const accented = await searchDirectory(client, 'Nguyễn', { top: 50 });
    expect(accented.every((person) => /nguy/i.test(person.displayName.normalize('NFD').replace(/[\u0300-\u036f]/g, '')))).toBe(true);
  });

  it('accepts a query containing double quotes and backslashes (escaped, not a 400), and a 300-character paste', async () => {
    const { client } = recordedClient(emulator.url);
    await expect(searchDirectory(client, 'Sarah "Sally" Smith')).resolves.toEqual([]);
    await expect(searchDirectory(client, 'back\\slash "')).resolves.toEqual([]);
    await expect(searchDirectory(client, 'x'.repeat(300))).resolves.toEqual([]);
  });

  it('tells the many Sarah Smiths apart by email and organisation', async () => {
    const { client } = recordedClient(emulator.url);
    const sarahs = await searchDirectory(client, 'Sarah Smith', { top: 50 });
    expect(sarahs.length).toBeGreaterThan(3);
    // Told apart by email: User.ReadBasic.All returns no organisation (companyName), only the basic profile.
    expect(new Set(sarahs.map((person) => person.mail)).size).toBe(sarahs.length);
    expect(sarahs.every((person) => person.mail)).toBe(true);
  });

  it('matches words and word prefixes, never the middle of a word', async () => {
    const { client } = recordedClient(emulator.url);
    const found = await searchDirectory(client, 'mith', { top: 50 });
    expect(found.filter((person) => /smith/i.test(person.displayName) && !/\bmith/i.test(person.displayName))).toEqual([]);
  });

  it('a throttled directory (429) is reported at once: one request, no wait, status 429', async () => {
    const { client, events, waits } = recordedClient(emulator.url);
    emulator.faults.add({ method: 'GET', path: '^/v1.0/users$', status: 429, retryAfter: 7, times: 1 });
    const error = await searchDirectory(client, 'Sarah').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(429);
    expect((error as GraphError).retryAfterSeconds).toBe(7);
    expect(waits).toEqual([]);
    expect(events.filter((line) => line.startsWith('GET /v1.0/users?'))).toHaveLength(1);
  });
});

describe('listMyPeople', () => {
  it('returns the manager’s team and frequent contacts, searchable, with the People API shape', async () => {
    const { client } = recordedClient(emulator.url);
    const helen = await listMyPeople(client, 'helen');
    expect(helen.map((person) => person.displayName)).toEqual(['Helen Carter']);
    expect(helen[0]).toMatchObject({ source: 'people', mail: expect.stringMatching(/@nhs\.net$/), jobTitle: expect.any(String) });
    const sarah = await listMyPeople(client, 'Sarah Smith');
    expect(sarah.map((person) => person.mail)).toEqual(['sarah.smith.icb@nhs.net']);
    const me = await listMyPeople(client, DEMO.manager.displayName);
    expect(me).toEqual([]);
    const gone = await listMyPeople(client, DEMO.leaver.displayName);
    expect(gone).toEqual([]);
  });

  it('answers $select, $top and a quoted $search on /me/people directly', async () => {
    const token = await (await import('../../support/emulator')).tokenFor(emulator.url, DEMO.manager.upn);
    const response = await fetch(`${emulator.url}/v1.0/me/people?$select=id,displayName,scoredEmailAddresses&$top=3&$search=${encodeURIComponent('"o\'neill"')}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { value: Array<Record<string, unknown>> };
    expect(response.status).toBe(200);
    expect(body.value).toHaveLength(1);
    expect(Object.keys(body.value[0] ?? {}).sort()).toEqual(['displayName', 'id', 'scoredEmailAddresses']);
  });
});

describe('checkOwners', () => {
  const ids = [DEMO.leaver.id, DEMO.disabledOwner.id, DEMO.formerMember.id, DEMO.manager.id];

  it('with the tab\'s delegated scopes: the deleted leaver is found out; a disabled account is not readable (User.ReadBasic.All)', async () => {
    const { client, events } = recordedClient(emulator.url);
    const presence = await checkOwners(client, ids, [withScopes('people')]);
    expect(Object.fromEntries(presence)).toEqual({
      [DEMO.leaver.id]: 'deleted',
      [DEMO.disabledOwner.id]: 'found',
      [DEMO.formerMember.id]: 'found',
      [DEMO.manager.id]: 'found',
    });
    expect(events.filter((line) => line.startsWith('POST /v1.0/$batch')).length).toBeGreaterThanOrEqual(1);
  });

  it('app-only with User.Read.All (the reminder service): the disabled owner is told apart too', async () => {
    const client = createGraphClient({ baseUrl: emulator.url, tokenSource: { getToken: () => appTokenFor(emulator.url) } });
    const presence = await checkOwners(client, ids);
    expect(Object.fromEntries(presence)).toEqual({
      [DEMO.leaver.id]: 'deleted',
      [DEMO.disabledOwner.id]: 'disabled',
      [DEMO.formerMember.id]: 'found',
      [DEMO.manager.id]: 'found',
    });
  });
});
