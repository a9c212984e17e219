/** SQLite storage: data and tokens survive a restart; seeding happens once. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, startTestEmulator, tokenFor } from '../../support/emulator';
import { call } from '../call';

const ITEMS = `/v1.0/sites/${encodeURIComponent(DEMO.site.id)}/lists/${DEMO.registerListId}/items`;

it('keeps items, versions and tokens across a restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dsr-emulator-'));
  try {
    const first = await startTestEmulator({ dataDir });
    const token = await tokenFor(first.url, DEMO.manager.upn);
    const seeded = (await call(first.url, token, `${ITEMS}?$top=5000`)).body.value.length;
    expect(seeded).toBeGreaterThanOrEqual(12);
    const made = await call(first.url, token, ITEMS, { method: 'POST', body: { fields: { Title: 'Survives restart' } } });
    await first.close();

    const second = await startTestEmulator({ dataDir });
    const again = await call(second.url, token, `${ITEMS}/${made.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body.fields.Title).toBe('Survives restart');
    expect(again.body.eTag).toBe(made.body.eTag);
    expect((await call(second.url, token, `${ITEMS}?$top=5000`)).body.value).toHaveLength(seeded + 1);
    const search = await call(second.url, token, '/v1.0/users?$search="displayName:sarah"&$top=1', { headers: { ConsistencyLevel: 'eventual' } });
    expect(search.body.value).toHaveLength(1);
    await second.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
