/**
 * People and access against the emulator: a leaver checklist for a seeded person who owns two
 * services hands both over (through the register's own save path) and records every line; two
 * browsers ticking the same checklist at once lose nothing (If-Match, reload, re-apply); access
 * review records are created once per key and move the entry's last access review.
 */
import { randomUUID } from 'node:crypto';
import {
  ACCESS_REVIEWS_LIST,
  CHECKLISTS_LIST,
  buildChecklist,
  checklistProgress,
  isChecklistOpen,
  type StoredChecklist,
} from '../../../src/domain/access';
import type { PersonRef } from '../../../src/domain/entry';
import { openRegisterStore } from '../../../src/graph';
import { handOver, markNotApplicableLine, openAccessStores, recordAccessReview, tick, type AccessStores } from '../../../src/graph/access';
import { findOrProvisionList } from '../../../src/graph/lists';
import { DEMO, startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { recordedClient } from '../graphClient';

let emulator: RunningEmulator;
const location = { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId };
const ref = (surname: string): PersonRef => {
  const person = DEMO.teamMembers.find((candidate) => candidate.surname === surname);
  if (!person) throw new Error(surname);
  return { entraId: person.id, displayName: person.displayName, upn: person.upn };
};
const HELEN = ref('Carter');

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 200 });
  const { client } = recordedClient(emulator.url);
  await findOrProvisionList(client, DEMO.site.id, CHECKLISTS_LIST);
  await findOrProvisionList(client, DEMO.site.id, ACCESS_REVIEWS_LIST);
});

afterAll(async () => {
  await emulator.close();
});

async function storesAs(upn: string): Promise<{ stores: AccessStores; events: string[]; register: ReturnType<typeof openRegisterStore> }> {
  const { client, events } = recordedClient(emulator.url, upn);
  const stores = await openAccessStores(client, DEMO.site.id);
  if (!stores) throw new Error('The access lists were not provisioned.');
  return { stores, events, register: openRegisterStore(client, location) };
}

async function startLeaver(person: PersonRef): Promise<StoredChecklist> {
  const { stores, register } = await storesAs(DEMO.manager.upn);
  const entries = await register.list();
  const checklist = buildChecklist(
    { key: `chk-${randomUUID()}`, kind: 'leaver', person, role: 'clinician', date: '2026-12-31', createdBy: DEMO.manager.displayName, createdAt: new Date().toISOString() },
    entries,
  );
  const first = await stores.checklists.create(checklist);
  // A retried create (same key) finds the first item instead of making a second.
  const again = await stores.checklists.create(checklist);
  expect(again.id).toBe(first.id);
  return first;
}

test('a leaver checklist hands over the two services the leaver owns and records every line', async () => {
  const { stores, register } = await storesAs(DEMO.manager.upn);
  let stored = await startLeaver(HELEN);
  const handovers = stored.checklist.lines.filter((line) => line.kind === 'handover');
  expect(handovers.map((line) => [line.serviceTitle, line.handoverRole])).toEqual([
    ['AI scribe (trial)', 'owner'],
    ['e-Referral Service (e-RS)', 'owner'],
    ['EMIS Web', 'deputy'],
  ]);
  const context = { checklists: stores.checklists, register, by: DEMO.manager.displayName, at: '2026-12-31T16:00:00.000Z' };
  const priya = { entraId: DEMO.manager.id, displayName: DEMO.manager.displayName, upn: DEMO.manager.upn };
  const grace = ref('Lee');
  for (const line of handovers) {
    const to = line.handoverRole === 'owner' ? (line.serviceTitle === 'AI scribe (trial)' ? priya : grace) : null;
    ({ checklist: stored } = await handOver(context, stored, line.key, to));
  }
  const accessLines = stored.checklist.lines.filter((line) => line.kind === 'access');
  for (const [index, line] of accessLines.entries()) {
    ({ checklist: stored } = index === 0
      ? await markNotApplicableLine(context, stored, line.key, 'Never had an account')
      : await tick(context, stored, line.key));
  }

  const reread = await stores.checklists.get(stored.id);
  expect(isChecklistOpen(reread.checklist)).toBe(false);
  expect(checklistProgress(reread.checklist)).toMatchObject({ open: 0, notApplicable: 1, done: reread.checklist.lines.length - 1 });
  for (const line of reread.checklist.lines) expect(line.status).toMatchObject({ by: DEMO.manager.displayName, at: '2026-12-31T16:00:00.000Z' });

  const entries = await register.list();
  const titled = (title: string) => entries.find((item) => item.entry.title === title)?.entry;
  expect(titled('AI scribe (trial)')?.owner?.displayName).toBe('Priya Shah');
  expect(titled('e-Referral Service (e-RS)')?.owner?.displayName).toBe('Grace Lee');
  expect(titled('EMIS Web')?.deputy).toBeNull();
  expect(titled('EMIS Web')?.owner?.displayName).toBe('Priya Shah');

  // Handing over again (a repeat after a lost answer) changes nothing and writes nothing new.
  const again = await handOver(context, stored, handovers[0]?.key ?? '', ref('Wilson'));
  expect(again.checklist.eTag).toBe(reread.eTag);
});

test('two browsers ticking the same checklist at once lose nothing (If-Match, reload, re-apply)', async () => {
  const manager = await storesAs(DEMO.manager.upn);
  const staff = await storesAs(DEMO.staff.upn);
  const start = await startLeaver(ref('Turner'));
  const lines = start.checklist.lines.filter((line) => line.kind === 'access');
  expect(lines.length).toBeGreaterThanOrEqual(8);
  // Both browsers opened the checklist at the same version and tick alternate lines, all at once.
  const ticks = lines.map((line, index) => {
    const browser = index % 2 === 0 ? manager : staff;
    const by = index % 2 === 0 ? DEMO.manager.displayName : DEMO.staff.displayName;
    return tick({ checklists: browser.stores.checklists, register: browser.register, by, at: `2026-12-01T10:00:${String(index).padStart(2, '0')}.000Z` }, start, line.key);
  });
  await Promise.all(ticks);
  const after = await manager.stores.checklists.get(start.id);
  for (const [index, line] of lines.entries()) {
    const stored = after.checklist.lines.find((candidate) => candidate.key === line.key);
    expect(stored?.status).toMatchObject({ state: 'done', by: index % 2 === 0 ? DEMO.manager.displayName : DEMO.staff.displayName });
  }
  // Conflicts really happened: more PATCHes than lines, every one with If-Match.
  const patches = [...manager.events, ...staff.events].filter((event) => event.startsWith('PATCH'));
  expect(patches.length).toBeGreaterThan(lines.length);
});

test('an access review is recorded once per key and moves the service’s last access review forward', async () => {
  const { stores, register } = await storesAs(DEMO.manager.upn);
  const docman = (await register.list()).find((item) => item.entry.title === 'Docman');
  if (!docman) throw new Error('Docman is seeded');
  const review = {
    key: `rev-${randomUUID()}`, entryId: docman.id, serviceTitle: 'Docman', reviewedOn: '2026-11-30', reviewedBy: 'Grace Lee',
    accountsChecked: 14, accountsRemoved: 2, notes: '=HYPERLINK("https://example.org")',
  };
  const first = await recordAccessReview(stores.reviews, register, review);
  const second = await recordAccessReview(stores.reviews, register, review);
  expect(second.review.id).toBe(first.review.id);
  expect(first.entry.entry.lastAccessReview).toBe('2026-11-30');
  const listed = (await stores.reviews.list()).filter((stored) => stored.review.key === review.key);
  expect(listed).toHaveLength(1);
  expect(listed[0]?.review).toEqual(review);
});
