/** The tab's digest (preview and Post now) carries open checklists past their date, as the channel digest does. */
import { buildChecklist, overdueChecklistLines } from '../../../../src/domain/access';
import { buildTabDigest } from '../../../../src/tab/features/reminders/tabDigest';
import { healthyEntry, PRIYA, TODAY, TOM } from '../../../domain/entryFixture';

test('an open leaver checklist past its date is in the digest; a checklist not yet due is not', () => {
  const register = [{ id: '1', entry: healthyEntry({ title: 'EMIS Web', owner: TOM }) }];
  const start = { kind: 'leaver' as const, person: TOM, role: 'all-staff' as const, createdBy: PRIYA.displayName, createdAt: '2026-06-01T09:00:00.000Z' };
  const late = buildChecklist({ ...start, key: 'chk-late', date: '2026-06-10' }, register);
  const later = buildChecklist({ ...start, key: 'chk-later', date: '2026-06-20' }, register);
  const lines = overdueChecklistLines([late, later], TODAY);
  expect(lines).toEqual(['Leaver checklist for Tom Reed: 3 of 3 lines open, due 10 June 2026']);
  const { digest } = buildTabDigest({ teamId: 'team', practiceName: 'Riverside', today: TODAY, entries: register, members: [], channelId: '19:x@thread.tacv2', overdueChecklists: lines });
  const text = JSON.stringify(digest.card);
  expect(text).toContain('Access checklists past their date (1)');
  expect(text).toContain('Leaver checklist for Tom Reed');
});
