import { rankCandidates } from '../../../src/domain/people';
import { person } from './fixtures';

const teamSarah = person('aaaa-1', 'Sarah Smith', 'sarah.smith@nhs.net', { source: 'team' });
const teamTom = person('aaaa-2', 'Tom Reed', 'tom.reed@nhs.net', { source: 'team' });

describe('rankCandidates', () => {
  it('lists the team first, then people the user works with, then the directory', () => {
    const ranked = rankCandidates(
      [teamSarah, teamTom],
      [person('bbbb-1', 'Sarah Adams', 'sarah.adams@nhs.net', { source: 'people' })],
      [person('cccc-1', 'Sarah Abbott', 'sarah.abbott@nhs.net')],
      'sarah',
    );
    expect(ranked.map((c) => [c.displayName, c.source])).toEqual([
      ['Sarah Smith', 'team'],
      ['Sarah Adams', 'people'],
      ['Sarah Abbott', 'directory'],
    ]);
  });

  it('shows a person found by several sources once, from the best source, marked in this practice', () => {
    const fromDirectory = person('AAAA-1'.toLowerCase(), 'Sarah Smith', 'sarah.smith@nhs.net', { jobTitle: 'Practice nurse', companyName: 'Riverside' });
    const fromPeople = person('AAAA-1', 'Sarah Smith', 'sarah.smith@nhs.net', { source: 'people', department: 'Nursing' });
    const ranked = rankCandidates([teamSarah], [fromPeople], [fromDirectory], 'sarah smith');
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toMatchObject({ id: 'aaaa-1', source: 'team', inPractice: true, jobTitle: 'Practice nurse', department: 'Nursing', companyName: 'Riverside' });
  });

  it('marks a team member found only by the directory as in this practice', () => {
    const ranked = rankCandidates([teamTom], [], [person('AAAA-2', 'Tom Reed', 'tom.reed@nhs.net')], 'thomas');
    expect(ranked).toEqual([expect.objectContaining({ displayName: 'Tom Reed', inPractice: true })]);
  });

  it('puts exact and whole-name prefix matches first within a source, then alphabetical', () => {
    const directory = [
      person('d1', 'Anne Smith', 'anne.smith@nhs.net'),
      person('d2', 'Smith Taylor', 'smith.taylor@nhs.net'),
      person('d3', 'Smith', 'smith@nhs.net'),
      person('d4', 'Bob Smith', 'bob.smith@nhs.net'),
      person('d5', 'Smithers Jones', 'smithers@nhs.net'),
    ];
    expect(rankCandidates([], [], directory, 'smith').map((c) => c.displayName)).toEqual([
      'Smith',
      'Smith Taylor',
      'Smithers Jones',
      'Anne Smith',
      'Bob Smith',
    ]);
  });

  it('tells people of the same name apart by email order (numbers in natural order)', () => {
    const directory = [
      person('e1', 'John Smith', 'john.smith12@nhs.net'),
      person('e2', 'John Smith', 'john.smith2@nhs.net'),
      person('e3', 'John Smith', 'john.smith@nhs.net'),
    ];
    expect(rankCandidates([], [], directory, 'john smith').map((c) => c.mail)).toEqual([
      'john.smith@nhs.net',
      'john.smith2@nhs.net',
      'john.smith12@nhs.net',
    ]);
  });

  it('filters the team by the query but never filters server answers (the People API is fuzzy)', () => {
    const ranked = rankCandidates([teamSarah, teamTom], [person('p1', 'Tyler Lee', 'tyler@nhs.net', { source: 'people' })], [], 'tiler');
    expect(ranked.map((c) => c.displayName)).toEqual(['Tyler Lee']);
  });

  it('lists the whole team alphabetically for an empty query', () => {
    expect(rankCandidates([teamTom, teamSarah], [], [], '').map((c) => c.displayName)).toEqual(['Sarah Smith', 'Tom Reed']);
  });
});
