/**
 * `GET /me/people`: the People API, "people relevant to the signed-in user". Relevance here is
 * simple and deterministic: the members of the user's teams (co-workers), then the seeded frequent
 * contacts outside the team (the ICB's digital lead, one of the many Sarah Smiths). Deleted users
 * are not returned. `$search` matches display-name words by prefix or an address by prefix (the
 * real API is fuzzier); `$select` (plus the id), `$top` (default 10), `$skip` and `$orderby=displayName` work as in Graph.
 */
import { fail } from '../errors';
import { json } from '../http';
import { searchWords, fold } from '../model/directory';
import { unescapeClause } from '../model/userSearch';
import type { TeamDoc } from '../model/teams';
import { isMember } from '../model/teams';
import type { UserDoc } from '../model/user';
import { parseSelect, parseTop } from '../odata/query';
import type { Route, RouteContext } from '../router';
import { DEMO } from '../seed/demoPractice';

const DEFAULT_PROPS = ['id', 'displayName', 'givenName', 'surname', 'birthday', 'personNotes', 'isFavorite', 'jobTitle', 'companyName',
  'yomiCompany', 'department', 'officeLocation', 'profession', 'userPrincipalName', 'imAddress', 'scoredEmailAddresses', 'phones', 'postalAddresses',
  'websites', 'personType'];

/** One user as a People API `person`. */
export function toPerson(user: UserDoc, relevance: number): Record<string, unknown> {
  return {
    // The People API returns ids in upper case (callers must compare case-insensitively).
    id: user.id.toUpperCase(),
    displayName: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    birthday: '',
    personNotes: '',
    isFavorite: false,
    jobTitle: user.jobTitle,
    companyName: user.companyName,
    yomiCompany: '',
    department: user.department,
    officeLocation: user.officeLocation,
    profession: '',
    userPrincipalName: user.userPrincipalName,
    imAddress: `sip:${user.userPrincipalName}`,
    scoredEmailAddresses: [{ address: user.mail, relevanceScore: relevance, selectionLikelihood: 'notSpecified' }],
    phones: [],
    postalAddresses: [],
    websites: [],
    personType: { class: 'Person', subclass: 'OrganizationUser' },
  };
}

/** The signed-in user's people, most relevant first. */
function relevantPeople(ctx: RouteContext): UserDoc[] {
  const me = ctx.user.id;
  const ids: string[] = [];
  for (const team of ctx.state.storage.list<TeamDoc>('team').filter((candidate) => isMember(candidate, me)))
    for (const member of team.members) ids.push(member.userId);
  if (ids.length > 0) ids.push(DEMO.outsider.id);
  ids.push(...DEMO.contacts.map((contact) => contact.id));
  const seen = new Set<string>([me]);
  const people: UserDoc[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const user = ctx.state.directory.find(id);
    if (user) people.push(user);
  }
  return people;
}

function searchText(raw: string): string {
  const text = raw.trim();
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? unescapeClause(text) : text;
}

function matches(user: UserDoc, text: string): boolean {
  const wanted = searchWords(text);
  const words = searchWords(user.displayName);
  if (wanted.length > 0 && wanted.every((word) => words.some((have) => have.startsWith(word)))) return true;
  const address = fold(text.trim());
  return address !== '' && (fold(user.mail).startsWith(address) || fold(user.userPrincipalName).startsWith(address));
}

function listPeople(ctx: RouteContext) {
  const { query, req } = ctx;
  const top = parseTop(query, 10, 1000, false);
  const skipText = query.get('skip') ?? '0';
  if (!/^\d+$/.test(skipText)) throw fail.badRequest(`Invalid value '${skipText}' for $skip.`);
  const skip = Number(skipText);
  const select = parseSelect(query.get('select'));
  for (const prop of select ?? []) if (!DEFAULT_PROPS.includes(prop)) throw fail.badRequest(`Could not find a property named '${prop}' on type 'microsoft.graph.person'.`);
  const search = query.get('search');
  let people = relevantPeople(ctx);
  if (search !== undefined) {
    const text = searchText(search);
    if (text === '') throw fail.badRequest('Invalid $search query: it is empty.');
    people = people.filter((user) => matches(user, text));
  }
  const orderby = query.get('orderby');
  if (orderby !== undefined) {
    // people-insights-overview.md "Sort the response": relevance order by default, $orderby=displayName on request.
    const [prop, direction] = orderby.trim().split(/\s+/);
    if (prop !== 'displayName' || (direction !== undefined && !/^(asc|desc)$/i.test(direction)))
      throw fail.badRequest(`The emulator sorts people by displayName only, not '${orderby}'.`);
    const sign = direction?.toLowerCase() === 'desc' ? -1 : 1;
    people = [...people].sort((a, b) => sign * a.displayName.localeCompare(b.displayName, 'en'));
  }
  const page = people.slice(skip, skip + top).map((user, index) => {
    const person = toPerson(user, Math.max(1, 100 - skip - index));
    if (!select) return person;
    // The id comes back whatever $select names (people-insights-overview.md, "Select the fields to return").
    return Object.fromEntries(['id', ...select.filter((prop) => prop !== 'id')].map((prop) => [prop, person[prop] ?? null]));
  });
  return json(200, { '@odata.context': `${req.origin}/v1.0/$metadata#users('${ctx.user.id}')/people`, value: page });
}

export const peopleRoutes: Route[] = [{ method: 'GET', path: '/v1.0/me/people', query: ['search', 'select', 'top', 'skip', 'orderby'], handler: listPeople }];
