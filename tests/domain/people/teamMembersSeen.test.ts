/** The shared "team members seen" record: merged, never overwritten; ids only; bounded. */
import { mergeTeamMembersSeen, ownerStatus, parseTeamMembersSeen, wasMemberFrom } from '../../../src/domain/people';

const A = 'AAAAAAAA-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const C = 'cccccccc-0000-4000-8000-000000000003';

describe('team members seen', () => {
  it('starts a record from the members, lower-cased, and keeps ids only', () => {
    expect(mergeTeamMembersSeen(null, [A, B])).toEqual({ ids: [A.toLowerCase(), B] });
    expect(parseTeamMembersSeen({ ids: [A, 7, '', B], names: ['x'] })).toEqual([A.toLowerCase(), B]);
    expect(parseTeamMembersSeen('not a record')).toBeNull();
  });

  it('merges: a member who left stays in the record, new members are added, nothing new means no write', () => {
    const stored = { ids: [A.toLowerCase(), B] };
    expect(mergeTeamMembersSeen(stored, [B, C])).toEqual({ ids: [A.toLowerCase(), B, C] });
    expect(mergeTeamMembersSeen(stored, [B, A])).toBeUndefined();
  });

  it('is bounded: past the limit the oldest ids of people no longer in the team go first', () => {
    expect(mergeTeamMembersSeen({ ids: [A.toLowerCase(), B] }, [B, C], 2)).toEqual({ ids: [B, C] });
    // Current members are never dropped, even when that leaves the record over the limit.
    expect(mergeTeamMembersSeen({ ids: [B] }, [B, C, A], 2)?.ids).toEqual([B, C, A.toLowerCase()]);
  });

  it('tells "owner left" from "not in the practice team" for someone not in the team now', () => {
    const seen = new Set([A.toLowerCase(), B]);
    expect(ownerStatus({ inTeam: false, wasMember: wasMemberFrom(seen, A) }).reason).toBe('not-in-team');
    expect(ownerStatus({ inTeam: false, wasMember: wasMemberFrom(seen, C) }).reason).toBe('never-in-team');
    // No record at all: as before, someone not in the team counts as having left.
    expect(wasMemberFrom(null, C)).toBeUndefined();
    expect(ownerStatus({ inTeam: false, wasMember: wasMemberFrom(null, C) }).reason).toBe('not-in-team');
  });
});
