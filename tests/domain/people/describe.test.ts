import { candidateAccessibleName, describeCandidate, ownerLeftMessage, ownerStatus } from '../../../src/domain/people';
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
