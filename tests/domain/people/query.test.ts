import { MAX_QUERY_LENGTH, matchesQuery, nameWords, normaliseQuery } from '../../../src/domain/people';
import { person } from './fixtures';

const oNeill = person('1', "Siobhan O'Neill", 'siobhan.oneill@nhs.net');
const zoe = person('2', 'Zoë Clarke', 'zoe.clarke3@nhs.net');
const nguyen = person('3', 'Nguyễn Văn An', 'an.nguyen@nhs.net');
const sarah = person('4', 'Sarah Smith', 'sarah.smith12@nhs.net');

describe('normaliseQuery', () => {
  it('trims and collapses spaces, tabs and line breaks', () => {
    expect(normaliseQuery('  Sarah \t\n  Smith  ')).toBe('Sarah Smith');
  });

  it('composes accents (NFC) so a decomposed Zoë equals a composed one', () => {
    expect(normaliseQuery('Zoe\u0308')).toBe('Zo\u00eb');
  });

  it('cuts a 300-character paste to 100 characters without splitting an emoji', () => {
    expect(Array.from(normaliseQuery('a'.repeat(300)))).toHaveLength(MAX_QUERY_LENGTH);
    const cut = normaliseQuery(`${'b'.repeat(99)}😀😀😀`);
    expect(cut).toBe(`${'b'.repeat(99)}😀`);
  });

  it('drops control characters and lone surrogates, which would break URL encoding', () => {
    const cleaned = normaliseQuery('Sa\u0000rah\u200b \uD800Smith\uDC00');
    expect(cleaned).toBe('Sa rah Smith');
    expect(() => encodeURIComponent(cleaned)).not.toThrow();
  });
});

describe('matchesQuery', () => {
  it.each([
    ['oneill', oNeill],
    ["o'neill", oNeill],
    ['O’Neill', oNeill],
    ['neill', oNeill],
    ['siob o', oNeill],
    ['Zoe', zoe],
    ['zoë cla', zoe],
    ['nguyen', nguyen],
    ['Nguyễn', nguyen],
    ['van an', nguyen],
    ['smith sarah', sarah],
    ['sar', sarah],
    ['sarah.smith12@nhs', sarah],
    ['SARAH.SMITH12@NHS.NET', sarah],
  ])('"%s" finds %s', (query, candidate) => {
    expect(matchesQuery(candidate, query)).toBe(true);
  });

  it.each([
    ['arah', sarah],
    ['mith', sarah],
    ['sarah jones', sarah],
    ['zoey', zoe],
    ["'''", oNeill],
  ])('"%s" does not find %s (word prefixes, never substrings)', (query, candidate) => {
    expect(matchesQuery(candidate, query)).toBe(false);
  });

  it('matches everyone for an empty query (the picker then lists the team)', () => {
    expect(matchesQuery(sarah, '   ')).toBe(true);
  });

  it('tokenises like Graph: case changes, hyphens and digits', () => {
    expect(nameWords('Ann McDonald-Smith2')).toEqual(expect.arrayContaining(['mc', 'donald', 'mcdonald', 'smith', 'mcdonaldsmith2']));
    expect(matchesQuery(person('5', 'Ann McDonald', 'ann.mcdonald@nhs.net'), 'donald')).toBe(true);
    expect(matchesQuery(person('6', 'Jo Smith-Jones', 'jo.sj@nhs.net'), 'smithjones')).toBe(true);
  });

  it('spells out letters that carry no accent mark (Łukasz, Søren, Straße)', () => {
    expect(matchesQuery(person('7', 'Łukasz Nowak', 'l.nowak@nhs.net'), 'lukasz')).toBe(true);
    expect(matchesQuery(person('8', 'Søren Berg', 's.berg@nhs.net'), 'soren')).toBe(true);
  });

  it('survives a 300-character paste of symbols and quotes', () => {
    const paste = `"\\'%&#?=+${'x'.repeat(300)}`;
    expect(matchesQuery(sarah, paste)).toBe(false);
  });
});
