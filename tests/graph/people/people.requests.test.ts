import { GraphError } from '../../../src/graph';
import {
  buildDirectorySearchUrl,
  buildPeopleSearchUrl,
  candidateFromTeamMember,
  listMyPeople,
  searchDirectory,
} from '../../../src/graph/people/people';
import { normaliseQuery } from '../../../src/domain/people';
import { BASE, clientFor, fakeGraph, graphError } from '../fakeGraph';

const SELECT = 'id,displayName,mail,userPrincipalName,jobTitle,department,companyName';

/** Reads `"prop:value"` clauses back the way Graph's $search parser does (backslash escapes). */
function parseClauses(search: string): Array<[string, string]> {
  const clauses: Array<[string, string]> = [];
  let index = 0;
  while (index < search.length) {
    if (search.startsWith(' OR ', index)) {
      index += 4;
      continue;
    }
    if (search[index] !== '"') throw new Error(`Unquoted text at ${index}: ${search.slice(index)}`);
    let value = '';
    index += 1;
    while (search[index] !== '"') {
      if (index >= search.length) throw new Error('Unterminated clause');
      if (search[index] === '\\') index += 1;
      value += search[index];
      index += 1;
    }
    index += 1;
    const colon = value.indexOf(':');
    clauses.push([value.slice(0, colon), value.slice(colon + 1)]);
  }
  return clauses;
}

const NASTY = [
  "O'Neill",
  'Zoë',
  'Nguyễn Văn An',
  'say "hello"',
  'back\\slash',
  '\\"',
  '"',
  '" OR "displayName:a',
  'a&$top=999',
  'a#fragment',
  '100% sure',
  'a+b=c?d',
  '/users/../../me',
  'x:y',
  '(a) AND (b)',
  "''; DROP TABLE users;--",
  '%22%20OR%20',
  '\u0000\u0007nul',
  'lone \uD83D surrogate',
  '😀 emoji 👍🏽',
  '\u202Eright-to-left',
  'tab\tand\nnewline',
  'https://evil.example/x',
  'é'.repeat(300),
  `${'x'.repeat(299)}"`,
];

describe('buildDirectorySearchUrl', () => {
  it('builds the documented request', () => {
    expect(buildDirectorySearchUrl('Sarah Smith', 10)).toBe(
      `/users?$select=${SELECT}&$top=10&$search=${encodeURIComponent('"displayName:Sarah Smith" OR "mail:Sarah Smith"')}`,
    );
    expect(buildDirectorySearchUrl('Sarah Smith', 10)).toBe(
      '/users?$select=id,displayName,mail,userPrincipalName,jobTitle,department,companyName&$top=10' +
        '&$search=%22displayName%3ASarah%20Smith%22%20OR%20%22mail%3ASarah%20Smith%22',
    );
  });

  it('escapes " and \\ with a backslash inside the clause', () => {
    const url = new URL(`${BASE}/v1.0${buildDirectorySearchUrl('a"b\\c', 5)}`);
    expect(url.searchParams.get('$search')).toBe('"displayName:a\\"b\\\\c" OR "mail:a\\"b\\\\c"');
  });

  it('keeps $top small and sane', () => {
    expect(buildDirectorySearchUrl('a', 0)).toContain('&$top=1&');
    expect(buildDirectorySearchUrl('a', 5000)).toContain('&$top=999&');
    expect(buildDirectorySearchUrl('a', Number.NaN)).toContain('&$top=10&');
  });

  it('refuses to build a search for nothing', () => {
    expect(() => buildDirectorySearchUrl('   \u0000 ')).toThrow(RangeError);
  });

  it.each(NASTY.map((text) => [JSON.stringify(text).slice(0, 40), text]))('never builds a malformed request for %s', (_label, text) => {
    const path = buildDirectorySearchUrl(text, 10);
    expect(path).toMatch(/^\/users\?\$select=[a-zA-Z,]+&\$top=10&\$search=[A-Za-z0-9\-_.!~*'()%]+$/);
    const url = new URL(`${BASE}/v1.0${path}`);
    expect(url.pathname).toBe('/v1.0/users');
    expect(url.hash).toBe('');
    expect([...url.searchParams.keys()]).toEqual(['$select', '$top', '$search']);
    const clauses = parseClauses(url.searchParams.get('$search') ?? '');
    expect(clauses).toEqual([
      ['displayName', normaliseQuery(text)],
      ['mail', normaliseQuery(text)],
    ]);
    expect(Array.from(normaliseQuery(text)).length).toBeLessThanOrEqual(100);
  });
});

describe('searchDirectory', () => {
  it('sends ConsistencyLevel: eventual and maps the answer to candidates', async () => {
    const url = buildDirectorySearchUrl("O'Neill");
    const fake = fakeGraph([
      {
        method: 'GET',
        url,
        reply: {
          status: 200,
          body: { value: [{ id: 'u1', displayName: "Siobhan O'Neill", mail: null, userPrincipalName: 'siobhan.oneill@nhs.net', jobTitle: 'GP', department: null }] },
        },
      },
    ]);
    const found = await searchDirectory(clientFor(fake), "  O'Neill ");
    expect(fake.sent[0]?.url).toBe(`${BASE}/v1.0${url}`);
    expect(fake.sent[0]?.headers.consistencylevel).toBe('eventual');
    expect(found).toEqual([
      { id: 'u1', displayName: "Siobhan O'Neill", mail: '', userPrincipalName: 'siobhan.oneill@nhs.net', jobTitle: 'GP', department: undefined, companyName: undefined, source: 'directory', inPractice: false },
    ]);
  });

  it('sends the corpus of awkward strings through the Graph client unchanged', async () => {
    const texts = NASTY.filter((text) => normaliseQuery(text) !== '');
    const fake = fakeGraph(texts.map((text) => ({ method: 'GET', url: buildDirectorySearchUrl(text, 3), reply: { status: 200, body: { value: [] } } })));
    const client = clientFor(fake);
    for (const text of texts) await searchDirectory(client, text, { top: 3 });
    expect(fake.remaining()).toBe(0);
  });

  it('sends nothing for an empty query', async () => {
    const fake = fakeGraph([]);
    expect(await searchDirectory(clientFor(fake), ' \n ')).toEqual([]);
    expect(fake.sent).toHaveLength(0);
  });

  it('reports a throttled directory as GraphError 429 with its Retry-After', async () => {
    const url = buildDirectorySearchUrl('sam');
    const fake = fakeGraph([{ method: 'GET', url, reply: graphError(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': '7' }) }]);
    const failure = searchDirectory(clientFor(fake, { maxRetries: 0 }), 'sam');
    await expect(failure).rejects.toBeInstanceOf(GraphError);
    await expect(failure).rejects.toMatchObject({ status: 429, retryAfterSeconds: 7 });
  });

  it('aborts the request when the signal fires, and sends nothing when it already has', async () => {
    const url = buildDirectorySearchUrl('sam');
    const fake = fakeGraph([{ method: 'GET', url, reply: { hang: true } }]);
    const client = clientFor(fake);
    const abort = new AbortController();
    const pending = searchDirectory(client, 'sam', { signal: abort.signal });
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.sent).toHaveLength(1);
    abort.abort();
    await expect(pending).rejects.toThrow();
    await expect(searchDirectory(client, 'sam', { signal: abort.signal })).rejects.toThrow();
    expect(fake.sent).toHaveLength(1);
  });
});

describe('listMyPeople', () => {
  it('searches /me/people with the text in quotes and keeps organisation users only', async () => {
    const url = buildPeopleSearchUrl('tyler lee', 10);
    expect(url).toBe(
      '/me/people?$select=id,displayName,scoredEmailAddresses,userPrincipalName,jobTitle,department,companyName,personType&$top=10&$search=%22tyler%20lee%22',
    );
    const fake = fakeGraph([
      {
        method: 'GET',
        url,
        reply: {
          status: 200,
          body: {
            value: [
              { id: 'C0BD1BA1-A84E', displayName: 'Tyler Lee', userPrincipalName: 'tyler.lee@nhs.net', jobTitle: 'Pharmacist', companyName: 'Leeds', scoredEmailAddresses: [{ address: 'tyler.lee2@nhs.net', relevanceScore: 8 }], personType: { class: 'Person', subclass: 'OrganizationUser' } },
              { id: 'pc1', displayName: 'Tyler at home', scoredEmailAddresses: [{ address: 'tyler@example.com' }], personType: { class: 'Person', subclass: 'PersonalContact' } },
              { id: 'g1', displayName: 'Tyler team', personType: { class: 'Group', subclass: 'UnifiedGroup' } },
            ],
          },
        },
      },
    ]);
    const found = await listMyPeople(clientFor(fake), 'tyler lee');
    expect(found).toEqual([expect.objectContaining({ id: 'C0BD1BA1-A84E', mail: 'tyler.lee2@nhs.net', jobTitle: 'Pharmacist', companyName: 'Leeds', source: 'people' })]);
    expect(fake.sent[0]?.headers.consistencylevel).toBeUndefined();
  });

  it('turns quotes and backslashes into spaces, and sends nothing when that leaves no text', async () => {
    expect(buildPeopleSearchUrl('"a\\b"')).toContain(`&$search=${encodeURIComponent('"a b"')}`);
    const fake = fakeGraph([]);
    expect(await listMyPeople(clientFor(fake), '"\\"')).toEqual([]);
    expect(fake.sent).toHaveLength(0);
  });
});

describe('candidateFromTeamMember', () => {
  it('marks team members as in this practice', () => {
    expect(candidateFromTeamMember({ userId: 'u9', displayName: 'Tom Reed', email: 'tom.reed@nhs.net', roles: [] })).toEqual({
      id: 'u9', displayName: 'Tom Reed', mail: 'tom.reed@nhs.net', userPrincipalName: 'tom.reed@nhs.net', source: 'team', inPractice: true,
    });
  });
});
