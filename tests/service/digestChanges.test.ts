/**
 * The scheduled digest lists "Changes for a manager to review" as the tab's "Post now" does: an
 * owner change by someone who is not a manager appears in the next digest, is not re-posted on its
 * own, and is listed no more once a manager keeps or undoes it. And a practice whose site was never
 * recorded is skipped with the reason and the command that fixes it, with no Graph request at all
 * (never the group's site path, which Sites.Selected does not cover).
 */
import type { AuditRecord } from '../../src/domain/audit';
import type { AdaptiveCard } from '../../src/domain/reminders/digestCard';
import { createGraphClient, openAuditLog } from '../../src/graph';
import { startTestEmulator, tokenSourceFor, DEMO, type RunningEmulator } from '../support/emulator';
import { BASE_TIME, channelMessages, harness, install, sharedAzurite, stopSharedAzurite, type Harness } from './harness';

let emulator: RunningEmulator;
let h: Harness | null = null;

beforeAll(() => sharedAzurite());
afterAll(() => stopSharedAzurite());
beforeEach(async () => {
  emulator = await startTestEmulator({ directorySize: 20 });
});
afterEach(async () => {
  await h?.close();
  h = null;
  await emulator.close();
});

const later = (minutes: number) => new Date(BASE_TIME.getTime() + minutes * 60_000);
const HEADING = /^Changes for a manager to review \((\d+)\)$/;

/** The texts of the card's "Changes for a manager to review" section, or null when it has none. */
function changesSection(card: AdaptiveCard | undefined): string[] | null {
  const texts = (card?.body ?? []).map((element) => (element.type === 'TextBlock' ? String(element.text) : ''));
  const at = texts.findIndex((text) => HEADING.test(text));
  return at < 0 ? null : texts.slice(at, at + 1 + Number(HEADING.exec(texts[at] ?? '')?.[1] ?? 0));
}

const asPerson = (p: { id: string; displayName: string; upn: string }) => ({ entraId: p.id, displayName: p.displayName, upn: p.upn });

/** What the tab records when a team member who is not an owner changes an entry's owner. */
function staffOwnerChange(title: string, minutes: number): AuditRecord {
  return {
    id: `00000000-0000-4000-8000-${String(minutes).padStart(12, '0')}`,
    kind: 'owner-change', entryId: '1', title,
    by: { id: DEMO.staff.id, name: DEMO.staff.displayName }, byManager: false, at: later(minutes).toISOString(),
    before: { owner: asPerson(DEMO.manager), deputy: null }, after: { owner: asPerson(DEMO.staff), deputy: null },
  };
}

test('a staff owner change appears in the next scheduled digest, is not posted again by itself, and is listed no more once kept', async () => {
  h = await harness(emulator.url);
  const location = { siteId: DEMO.site.id, listId: DEMO.settingsListId };
  const asStaff = openAuditLog(createGraphClient({ baseUrl: emulator.url, tokenSource: tokenSourceFor(emulator.url, DEMO.staff.upn) }), location);
  const asManager = openAuditLog(createGraphClient({ baseUrl: emulator.url, tokenSource: tokenSourceFor(emulator.url, DEMO.manager.upn) }), location);

  // The first digest: reminders, no changes section (nothing recorded yet).
  expect((await h.run()).posted).toBe(1);
  expect(changesSection(h.cards[0])).toBeNull();
  // The settings list was found with the register and remembered, like the register's id.
  expect((await h.stores.installations.get(DEMO.team.id))?.settingsId).toBe(DEMO.settingsListId);

  const first = staffOwnerChange('EMIS Web', 5);
  await asStaff.add(first);
  const second = await h.run({ at: later(10) });
  expect(second).toMatchObject({ posted: 1, exitCode: 0 });
  expect(second.outcomes[0]).toMatchObject({ posted: 0, changesListed: 1 });
  expect(changesSection(h.cards[1])).toEqual(['Changes for a manager to review (1)', `${DEMO.staff.displayName} changed the owner of EMIS Web from ${DEMO.manager.displayName} to ${DEMO.staff.displayName}`]);
  // No reminder is new, so the card does not claim that nothing is due.
  expect(JSON.stringify(h.cards[1])).not.toContain('Nothing is due');

  // Announced once: the next run has nothing new to post.
  expect((await h.run({ at: later(20) })).posted).toBe(0);

  // A manager keeps it; a second staff change is then posted, listed alone.
  expect(await asManager.resolve(first.id, { by: { id: DEMO.manager.id, name: DEMO.manager.displayName }, at: later(25).toISOString(), how: 'kept' })).not.toBeNull();
  await asStaff.add(staffOwnerChange('Docman', 30));
  expect((await h.run({ at: later(35) })).posted).toBe(1);
  const listed = changesSection(h.cards[2]);
  expect(listed).toEqual(['Changes for a manager to review (1)', expect.stringContaining('Docman')]);
  expect(JSON.stringify(listed)).not.toContain('EMIS Web');
  expect(await channelMessages(emulator.url)).toHaveLength(3);
});

test('a practice whose site was never recorded is skipped with the reason and the --set-site command; no Graph request is made', async () => {
  h = await harness(emulator.url, { install: false });
  const installed = await install(emulator.url);
  expect(installed.status).toBe(201);
  emulator.accounting.reset();
  const run = await h.run();
  expect(run).toMatchObject({ practicesSeen: 1, posted: 0, failed: [], exitCode: 0 });
  expect(run.skipped).toEqual([
    expect.objectContaining({ teamId: DEMO.team.id, reason: expect.stringContaining(`npm run reminders -- --set-site ${DEMO.team.id} <site URL>`) }),
  ]);
  expect(run.skipped[0]?.reason).toMatch(/no SharePoint site recorded/);
  expect(emulator.accounting.snapshot().graphRequests).toBe(0);
  expect(await channelMessages(emulator.url)).toHaveLength(0);
});
