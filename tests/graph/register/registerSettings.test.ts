/**
 * The register's shared settings list against the emulator: the demo site has it (empty), a value
 * written by the practice manager is read back by a staff member, and If-Match keeps two writers
 * from overwriting each other (the later print wins, by rule, not by arrival order).
 */
import { laterPrint, parsePrintRecord, PRINT_RECORD_KEY, type PrintRecord } from '../../../src/domain/export';
import {
  findRegisterSettings,
  openRegisterSettings,
  provisionRegisterSettings,
  REGISTER_SETTINGS_LIST_NAME,
  type RegisterSettings,
} from '../../../src/graph';
import { DEMO, startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { recordedClient } from '../graphClient';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 200 });
});

afterAll(async () => {
  await emulator.close();
});

afterEach(() => emulator.faults.clear());

function settingsAs(upn: string): RegisterSettings {
  return openRegisterSettings(recordedClient(emulator.url, upn).client, { siteId: DEMO.site.id, listId: DEMO.settingsListId });
}

const print = (printedAt: string, printedBy: string, versions: Record<string, string> = { '1': '"{A},1"' }): PrintRecord => ({ printedAt, printedBy, versions });

test('the demo site has the settings list, with no pack printed yet; provisioning again finds it', async () => {
  const { client } = recordedClient(emulator.url);
  expect(await findRegisterSettings(client, DEMO.site.id)).toBe(DEMO.settingsListId);
  expect(await provisionRegisterSettings(client, DEMO.site.id)).toBe(DEMO.settingsListId);
  const lists = (await client.api(`/sites/${DEMO.site.id}/lists`).get()) as { value: { displayName: string }[] };
  expect(lists.value.filter((list) => list.displayName === REGISTER_SETTINGS_LIST_NAME)).toHaveLength(1);
  expect(await settingsAs(DEMO.staff.upn).read(PRINT_RECORD_KEY)).toBeNull();
});

test('a value the manager writes is read back, exactly, by a staff member', async () => {
  const record = print('2026-03-03T14:05:00.000Z', DEMO.manager.displayName, { '3': '"{0F2C},4"', '7': '"{9A1B},1"' });
  const written = await settingsAs(DEMO.manager.upn).write('test-read-back', record, null);
  expect(written).toMatchObject({ key: 'test-read-back', value: record });
  const read = await settingsAs(DEMO.staff.upn).read('test-read-back');
  expect(read?.eTag).toBe(written?.eTag);
  expect(parsePrintRecord(read?.value)).toEqual(record);
});

test('If-Match: a write based on a stale read is refused and writes nothing; creating a key twice is refused too', async () => {
  const manager = settingsAs(DEMO.manager.upn);
  const staff = settingsAs(DEMO.staff.upn);
  const first = await manager.write('test-conflict', { n: 1 }, null);
  const readByManager = await manager.read('test-conflict');
  const readByStaff = await staff.read('test-conflict');
  expect(readByStaff?.eTag).toBe(first?.eTag);

  const staffWrite = await staff.write('test-conflict', { n: 2 }, readByStaff);
  expect(staffWrite?.eTag).not.toBe(first?.eTag);
  expect(await manager.write('test-conflict', { n: 3 }, readByManager)).toBeNull(); // 412: stale eTag
  expect((await manager.read('test-conflict'))?.value).toEqual({ n: 2 });

  // Two first writers: the unique key lets only one create the item.
  expect(await staff.write('test-conflict', { n: 4 }, null)).toBeNull();
  const items = (await recordedClient(emulator.url).client
    .api(`/sites/${DEMO.site.id}/lists/${DEMO.settingsListId}/items?expand=fields&$top=100`)
    .get()) as { value: { fields: { SettingKey: string } }[] };
  expect(items.value.filter((item) => item.fields.SettingKey === 'test-conflict')).toHaveLength(1);
});

test('two prints saved at once: whichever save arrives last, the record is the later print', async () => {
  const manager = settingsAs(DEMO.manager.upn);
  const staff = settingsAs(DEMO.staff.upn);
  const earlier = print('2026-03-03T09:00:00.000Z', DEMO.staff.displayName);
  const later = print('2026-03-03T09:00:05.000Z', DEMO.manager.displayName);
  await manager.write('test-race', print('2026-03-01T08:00:00.000Z', 'Someone'), null);

  // Both read the old record; the later print's save lands first.
  const staleForStaff = await staff.read('test-race');
  expect((await manager.update('test-race', (current) => laterPrint(parsePrintRecord(current), later) ?? undefined)).written).toBe(true);
  // The earlier print's save then meets a stale eTag (412): nothing written.
  expect(await staff.write('test-race', earlier, staleForStaff)).toBeNull();
  // Decided again against what is there now, it keeps the later print instead of overwriting it.
  const outcome = await staff.update('test-race', (current) => laterPrint(parsePrintRecord(current), earlier) ?? undefined);
  expect(outcome.written).toBe(false);
  expect(parsePrintRecord((await manager.read('test-race'))?.value)).toEqual(later);
});

test('a save that landed although the answer was lost (504, then 412 on the retry) counts as saved', async () => {
  const manager = settingsAs(DEMO.manager.upn);
  const before = await manager.write('test-ambiguous', { n: 1 }, null);
  emulator.faults.add({ method: 'PATCH', path: '/items/[^/]+/fields$', status: 504, afterCommit: true, times: 1 });
  const saved = await manager.write('test-ambiguous', { n: 2 }, before);
  expect(saved?.value).toEqual({ n: 2 });
  expect((await manager.read('test-ambiguous'))?.eTag).toBe(saved?.eTag);
});

test('a value too large for one SharePoint text field is refused before anything is sent', async () => {
  const manager = settingsAs(DEMO.manager.upn);
  await expect(manager.write('test-large', { text: 'x'.repeat(64_000) }, null)).rejects.toThrow(/too large to store/);
  expect(await manager.read('test-large')).toBeNull();
});

test('someone outside the practice team cannot read the settings', async () => {
  await expect(settingsAs(DEMO.outsider.upn).read(PRINT_RECORD_KEY)).rejects.toMatchObject({ status: 403 });
});
