import { candidateAccessibleName, describeCandidate, isRealDeparture, ownerLeftLabel, ownerLeftMessage, ownerStatus } from '../../../src/domain/people';
import { person } from './fixtures';

describe('describeCandidate', () => {
  it('gives email, job title and organisation on one line', () => {
    const sarah = person('1', 'Sarah Smith', 'sarah.smith12@nhs.net', { jobTitle: 'Practice nurse', companyName: 'Leeds Teaching Hospitals' });
    expect(describeCandidate(sarah)).toBe('sarah.smith12@nhs.net · Practice nurse · Leeds Teaching Hospitals');
  });

  it('falls back to the user principal name and leaves out empty or repeated parts', () => {
    const noMail = person('2', 'Sam Lee', '', { userPrincipalName: 'sam.lee@nhs.net', department: 'Riverside', companyName: 'riverside ' });
    expect(describeCandidate(noMail)).toBe('sam.lee@nhs.net · Riverside');
  });

  it('announces "in this practice" for team members', () => {
    const tom = person('3', 'Tom Reed', 'tom.reed@nhs.net', { source: 'team' });
    expect(candidateAccessibleName(tom)).toBe('Tom Reed, tom.reed@nhs.net, in this practice');
  });
});

describe('ownerStatus', () => {
  it.each([
    [{ directory: 'deleted' as const, inTeam: true }, 'left', 'deleted'],
    [{ directory: 'disabled' as const }, 'left', 'disabled'],
    [{ directory: 'found' as const, inTeam: false }, 'left', 'not-in-team'],
    [{ directory: 'deleted' as const, inTeam: false }, 'left', 'deleted'],
    [{ directory: 'found' as const, inTeam: true }, 'active', null],
    [{ directory: 'unknown' as const, inTeam: true }, 'active', null],
    [{ directory: 'unknown' as const }, 'active', null],
    [{}, 'active', null],
  ])('%j -> %s (%s)', (input, status, reason) => {
    expect(ownerStatus(input)).toEqual({ status, reason });
  });

  it('has a sentence for every reason', () => {
    expect(ownerLeftMessage('not-in-team')).toMatch(/no longer a member of the practice team/);
  });
});

describe('owner status words (issue 14)', () => {
  it('someone never in the team is "not in the practice team", never "owner left"', () => {
    const status = ownerStatus({ directory: 'found', inTeam: false, wasMember: false });
    expect(status).toEqual({ status: 'left', reason: 'never-in-team' });
    expect(ownerLeftLabel('never-in-team')).toBe('Owner not in the practice team');
    expect(ownerLeftLabel('never-in-team')).not.toMatch(/left/i);
    expect(isRealDeparture('never-in-team')).toBe(false);
  });
  it('"owner left" only for a real departure: was a member, or deleted or disabled', () => {
    expect(ownerStatus({ directory: 'found', inTeam: false, wasMember: true }).reason).toBe('not-in-team');
    expect(ownerStatus({ directory: 'disabled', inTeam: false, wasMember: false }).reason).toBe('disabled');
    expect(ownerStatus({ directory: 'deleted', wasMember: false }).reason).toBe('deleted');
    for (const reason of ['not-in-team', 'disabled', 'deleted'] as const) {
      expect(ownerLeftLabel(reason)).toMatch(/^Owner left/);
      expect(isRealDeparture(reason)).toBe(true);
    }
  });
});
