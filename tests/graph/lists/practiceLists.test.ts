/**
 * The practice-lists mechanism against the emulator: one request finds every list, find-or-create
 * is safe to repeat, an older register lacking newer columns is brought up to date, and a `write`
 * grant (which cannot manage lists, list-post-columns.md) gets a 403 that setup explains.
 */
import { ADMIN_APP } from '../../../src/emulator/model/appPrincipal';
import { DEMO_GRANT_ID } from '../../../src/emulator/seed/seed';
import { REGISTER_LIST, REGISTER_SETTINGS_LIST, type ListDefinition } from '../../../src/domain/lists';
import { PRACTICE_LISTS } from '../../../src/domain/lists/practiceLists';
import {
  addMissingColumns,
  bringUpToDate,
  checkPracticeLists,
  findOrProvisionList,
  findPracticeListIds,
  findRegisterList,
  findRegisterSettings,
  isMissingFieldError,
  listColumnNames,
  loadRegisterSnapshot,
  openRegisterStore,
  provisionRegister,
  provisionRegisterSettings,
  GraphError,
} from '../../../src/graph';
import { appTokenFor, DEMO, startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { call } from '../../emulator/call';
import { recordedClient } from '../graphClient';

const SITE = `/v1.0/sites/${encodeURIComponent(DEMO.site.id)}`;
const GRANT = `${SITE}/permissions/${DEMO_GRANT_ID}`;
const DOWNTIME = ['DowntimeNotice', 'DowntimeWorkaround', 'DowntimePatients', 'DowntimeBackfill'];

let emulator: RunningEmulator;
let admin: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 50 });
  admin = await appTokenFor(emulator.url, ADMIN_APP.appId);
});
afterAll(() => emulator.close());

async function setGrant(role: 'write' | 'owner') {
  expect((await call(emulator.url, admin, GRANT, { method: 'PATCH', body: { roles: [role] } })).status).toBe(200);
}

/** The register as a release before the structured downtime fields made it: those columns deleted (columndefinition-delete.md). */
async function makeRegisterOld() {
  const columns = await call(emulator.url, admin, `${SITE}/lists/${DEMO.registerListId}/columns`);
  for (const column of columns.body.value as { id: string; name: string }[]) {
    if (DOWNTIME.includes(column.name)) expect((await call(emulator.url, admin, `${SITE}/lists/${DEMO.registerListId}/columns/${column.id}`, { method: 'DELETE' })).status).toBe(204);
  }
}

describe('practice lists', () => {
  afterEach(() => setGrant('owner'));

  it('finds every list by name in one request; the register and settings helpers use it', async () => {
    const { client, events } = recordedClient(emulator.url);
    const ids = await findPracticeListIds(client, DEMO.site.id);
    expect(ids.get(REGISTER_LIST.name)).toBe(DEMO.registerListId);
    expect(ids.get(REGISTER_SETTINGS_LIST.name)).toBe(DEMO.settingsListId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatch(/^GET \/v1\.0\/sites\/[^/]+\/lists\?/);
    expect(await findRegisterList(client, DEMO.site.id)).toBe(DEMO.registerListId);
    expect(await findRegisterSettings(client, DEMO.site.id)).toBe(DEMO.settingsListId);
    expect(await provisionRegister(client, DEMO.site.id)).toBe(DEMO.registerListId);
    expect(await provisionRegisterSettings(client, DEMO.site.id)).toBe(DEMO.settingsListId);
  });

  it('findOrProvisionList creates a list once with its columns, then finds it (409)', async () => {
    const { client } = recordedClient(emulator.url);
    const def: ListDefinition = { name: 'HL Probe List', columns: [{ name: 'ProbeKey', displayName: 'Probe key', kind: 'text', indexed: true }, { name: 'ProbeNote', displayName: 'Probe note', kind: 'note' }] };
    const first = await findOrProvisionList(client, DEMO.site.id, def);
    expect(first.created).toBe(true);
    expect(await findOrProvisionList(client, DEMO.site.id, def)).toEqual({ id: first.id, created: false });
    expect([...(await listColumnNames(client, DEMO.site.id, first.id))]).toEqual(expect.arrayContaining(['Title', 'ProbeKey', 'ProbeNote']));
    // Nothing missing: no POST.
    expect(await addMissingColumns(client, DEMO.site.id, first.id, def)).toEqual([]);
  });

  it('an older register lacking newer columns cannot be read with the select, is read read-only, and is brought up to date', async () => {
    await makeRegisterOld();
    const { client } = recordedClient(emulator.url);
    const location = { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId };
    const refused = await loadRegisterSnapshot(client, location).catch((error: unknown) => error);
    expect(DOWNTIME).toContain(isMissingFieldError(refused));
    // Read-only open: every field, no select.
    expect((await loadRegisterSnapshot(client, location, 'fields')).entries.length).toBeGreaterThan(0);

    const check = await checkPracticeLists(client, DEMO.site.id, PRACTICE_LISTS);
    const register = check.gaps.find((gap) => gap.def.name === REGISTER_LIST.name);
    expect(register?.missing.map((column) => column.name)).toEqual(DOWNTIME);
    const progress: string[] = [];
    await bringUpToDate(client, DEMO.site.id, check.gaps, (step) => progress.push(`${step.done}/${step.total} ${step.doing}`));
    expect(progress.some((line) => line.endsWith('Adding the column “How you will notice it is down” to “Digital Services Register”'))).toBe(true);
    expect(progress.at(-1)).toMatch(/^(\d+)\/\1 Done$/);
    expect((await checkPracticeLists(client, DEMO.site.id, PRACTICE_LISTS)).gaps).toEqual([]);
    // Writes that name the new columns work again.
    const store = openRegisterStore(client, location);
    expect((await store.list()).length).toBeGreaterThan(0);
    await expect(loadRegisterSnapshot(client, location)).resolves.toBeDefined();
  });

  it('under a write grant the check works but adding columns is refused with 403 (owner or fullcontrol needed)', async () => {
    await makeRegisterOld();
    await setGrant('write');
    const { client } = recordedClient(emulator.url);
    const check = await checkPracticeLists(client, DEMO.site.id, [REGISTER_LIST]);
    expect(check.gaps).toHaveLength(1);
    const refused = await bringUpToDate(client, DEMO.site.id, check.gaps).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraphError);
    expect((refused as GraphError).status).toBe(403);
    await setGrant('owner');
    await bringUpToDate(client, DEMO.site.id, check.gaps);
    expect((await checkPracticeLists(client, DEMO.site.id, [REGISTER_LIST])).gaps).toEqual([]);
  });
});
