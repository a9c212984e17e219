/**
 * One rule for "what is due": the Register, Overview, My services, the reminders preview and the
 * reminder service's run, each evaluated for the same fixture register on the same day, say the same
 * thing about what is overdue and about whose owner has left (the Accurx / EMIS Web / EPS examples
 * of issue 14).
 */
import { countReviewStates, ownerStatus, personKey, remindersFor, type PersonRef, type Reminder, type StoredEntry } from '../../src/domain';
import { ownerHasLeftIn, registerRowsOf, type OwnerLeftReasons } from '../../src/tab/state/registerRows';
import { buildTabDigest } from '../../src/tab/features/reminders/tabDigest';
import { healthyEntry, PRIYA, TODAY, TOM } from '../domain/entryFixture';

const SAM: PersonRef = { entraId: '33333333-3333-3333-3333-333333333333', displayName: 'Sam Carter', upn: 'sam.carter@nhs.net' };

const register: StoredEntry[] = [
  // Annual review due in 16 days, but the DPIA (complete 20 October 2024) was due for review on 20 October 2025: 34 weeks ago.
  { id: '1', etag: '"1"', entry: healthyEntry({ title: 'Accurx', nextReviewDue: '2026-07-01', dpiaDate: '2024-10-20' }) },
  // Reviewed and up to date, but its continuity test (18 May 2025) fell due on 18 May 2026: 4 weeks ago.
  { id: '2', etag: '"1"', entry: healthyEntry({ title: 'EMIS Web', continuityLastTested: '2025-05-18' }) },
  // Healthy dates; the owner's NHSmail account is disabled (still a team member).
  { id: '3', etag: '"1"', entry: healthyEntry({ title: 'EPS', owner: SAM, deputy: TOM }) },
  // A retired service: nothing due anywhere.
  { id: '4', etag: '"1"', entry: healthyEntry({ title: 'Old fax', lifecycle: 'retired', nextReviewDue: '2020-01-01' }) },
] as unknown as StoredEntry[];

const members = [PRIYA, TOM, SAM].map((p) => ({ userId: p.entraId, displayName: p.displayName, email: p.upn, roles: p === PRIYA ? ['owner'] : [] }));
const directory = new Map([[SAM.entraId, 'disabled' as const], [PRIYA.entraId, 'found' as const], [TOM.entraId, 'found' as const]]);

/** What the tab's owner check (ownerPresence.ts) decides: directory and team membership through `ownerStatus`. */
const tabReasons: OwnerLeftReasons = new Map(
  [PRIYA, TOM, SAM].flatMap((p) => {
    const { reason } = ownerStatus({ directory: directory.get(p.entraId), inTeam: members.some((m) => m.userId === p.entraId) });
    return reason ? [[personKey(p.entraId), reason] as const] : [];
  }),
);

const rows = registerRowsOf(register, TODAY, tabReasons);
const rowOf = (title: string) => rows.find((row) => row.stored.entry.title === title)!;
const preview = buildTabDigest({ teamId: 'team', practiceName: 'Practice', today: TODAY, entries: register, members, channelId: 'c', ownerHasLeft: ownerHasLeftIn(rows) }).reminders;
// The service (practiceRun.ts / ownersLeft.ts) asks ownerStatus with the same directory and membership.
const service = remindersFor(register, TODAY, {
  practiceId: 'team',
  ownerHasLeft: (owner) => ownerStatus({ directory: directory.get(owner.entraId), inTeam: members.some((m) => m.userId === owner.entraId) }).reason !== null,
});

const overdueKinds = (reminders: readonly Reminder[], id: string) =>
  reminders.filter((r) => r.entryId === id && (r.stage === 'overdue' || r.stage === 'escalated')).map((r) => r.kind).sort();
const FLAG_OF_KIND = { review: 'review-overdue', dpia: 'dpia-review-overdue', 'access-review': 'access-review-overdue', 'continuity-test': 'continuity-test-overdue' } as const;

describe('every view tells the same truth about what is due', () => {
  it('Accurx: the Register shows Overdue with a DPIA review flag, as the reminders escalate it', () => {
    expect(rowOf('Accurx').status).toBe('overdue');
    expect(rowOf('Accurx').flags).toContain('dpia-review-overdue');
    const dpia = preview.find((r) => r.entryId === '1' && r.kind === 'dpia')!;
    expect(dpia.stage).toBe('escalated');
    expect(Math.floor(-dpia.daysUntilDue / 7)).toBe(34);
  });
  it('EMIS Web: the Register shows Overdue with a continuity test flag, as the reminders say 4 weeks overdue', () => {
    expect(rowOf('EMIS Web').status).toBe('overdue');
    expect(rowOf('EMIS Web').flags).toContain('continuity-test-overdue');
    expect(preview.find((r) => r.entryId === '2' && r.kind === 'continuity-test')!.weekIndex).toBe(4);
  });
  it('the Register, the preview and the service agree entry by entry on what is overdue', () => {
    for (const row of rows) {
      const flagged = (Object.keys(FLAG_OF_KIND) as (keyof typeof FLAG_OF_KIND)[]).filter((kind) => row.flags.includes(FLAG_OF_KIND[kind])).sort();
      expect(overdueKinds(preview, row.stored.id)).toEqual(flagged);
      expect(overdueKinds(service, row.stored.id)).toEqual(flagged);
      expect(row.status === 'overdue').toBe(flagged.length > 0);
    }
    expect(preview.map((r) => r.occurrenceKey)).toEqual(service.map((r) => r.occurrenceKey));
  });
  it('the Overview counts the same statuses the Register rows show (My services reads the same rows)', () => {
    const counts = countReviewStates(rows.map((row) => ({ id: row.stored.id, entry: row.stored.entry, status: row.status, flags: row.flags })));
    expect(counts.find((c) => c.code === 'overdue')!.count).toBe(2);
    expect(counts.find((c) => c.code === 'due-soon')!.count).toBe(0);
  });
  it('EPS: a disabled owner is "left" in the Register, and neither the preview nor the service @mentions them', () => {
    expect(rowOf('EPS').ownerLeft).toBe('disabled');
    expect(rowOf('EPS').flags).toContain('owner-left');
    for (const reminders of [preview, service]) {
      for (const r of reminders.filter((x) => x.entryId === '3')) expect([r.owner, r.ownerIssue]).toEqual([null, 'owner-left']);
    }
  });
  it('a retired service has nothing due in any view', () => {
    expect(rowOf('Old fax').flags).toEqual([]);
    expect(preview.concat(service).some((r) => r.entryId === '4')).toBe(false);
  });
});
