/** `/me`, `/me/joinedTeams`, `/users` (`$search`, `$filter`, `$select`, `$top`, `$count`, `$orderby`), `/users/{id|upn}`. */
import { fail } from '../errors';
import { json } from '../http';
import type { TeamDoc } from '../model/teams';
import { isMember } from '../model/teams';
import type { UserDoc } from '../model/user';
import { parseUserSearch } from '../model/userSearch';
import { evaluateFilter, FilterError, filterProps, parseFilter, type FilterExpr } from '../odata/filter';
import { decodeSkipToken, encodeSkipToken, nextLinkFor, parseSelect, parseTop } from '../odata/query';
import type { Route, RouteContext } from '../router';

const DEFAULT_PROPS = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'];
const ALL_PROPS = new Set([...DEFAULT_PROPS, 'department', 'companyName', 'accountEnabled']);
const FILTER_PROPS = new Set(['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'jobTitle', 'department', 'companyName', 'accountEnabled']);
const SEARCH_HEADER_MESSAGE = "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'";

/**
 * The basic profile: all that User.ReadBasic.All reads (permissions-reference.md: "display name,
 * first and last name, email address, open extensions and photo"); with it alone Graph returns the
 * other properties as null. User.Read reads all of the signed-in user's own.
 */
const BASIC_PROPS = new Set(['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName']);
const FULL_PROFILE = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];

/** True when the caller may read only the basic profile of `user`. */
function basicOnly(ctx: RouteContext, user: UserDoc): boolean {
  const token = ctx.token;
  if (!ctx.state.strictness.basicProfileOnly || !token) return false;
  const held = token.idtyp === 'app' ? [...(token.roles ?? [])] : (token.scp ?? '').split(' ');
  if (held.some((p) => FULL_PROFILE.includes(p))) return false;
  return !(token.idtyp !== 'app' && user.id === token.oid && held.some((p) => p === 'User.Read' || p === 'User.ReadWrite'));
}

/** @throws GraphHttpError 400 Request_BadRequest for a property users do not have. */
export function renderUser(user: UserDoc, select: string[] | undefined, basic = false): Record<string, unknown> {
  const props = select ?? DEFAULT_PROPS;
  const out: Record<string, unknown> = {};
  for (const prop of props) {
    if (!ALL_PROPS.has(prop)) throw fail.badRequest(`Could not find a property named '${prop}' on type 'microsoft.graph.user'.`, 'Request_BadRequest');
    out[prop] = basic && !BASIC_PROPS.has(prop) ? null : (user[prop as keyof UserDoc] ?? null);
  }
  return out;
}

function userFilter(text: string): FilterExpr {
  try {
    const expr = parseFilter(text);
    for (const prop of filterProps(expr))
      if (!FILTER_PROPS.has(prop))
        throw fail.badRequest(`Unsupported or invalid query filter clause specified for property '${prop}' of resource 'User'.`, 'Request_UnsupportedQuery');
    return expr;
  } catch (error) {
    if (error instanceof FilterError)
      throw error.reason === 'unsupported' ? fail.notImplemented(error.message) : fail.badRequest(`Invalid filter clause: ${error.message}`, 'Request_BadRequest');
    throw error;
  }
}

function listUsers(ctx: RouteContext) {
  const { query, req, state } = ctx;
  const advanced = req.headers.consistencylevel?.toLowerCase() === 'eventual';
  const search = query.get('search');
  if (search !== undefined && !advanced) throw fail.badRequest(SEARCH_HEADER_MESSAGE, 'Request_UnsupportedQuery');
  const filterText = query.get('filter');
  const orderby = query.get('orderby');
  if (filterText !== undefined && orderby !== undefined && !advanced) throw fail.badRequest('Sorting not supported for current query.', 'Request_UnsupportedQuery');
  const top = parseTop(query, 100, 999, false, 'Request_BadRequest');
  const select = parseSelect(query.get('select'));
  const matchSearch = search === undefined ? undefined : parseUserSearch(search);
  const filter = filterText === undefined ? undefined : userFilter(filterText);

  let users: UserDoc[] = [];
  for (const indexed of state.directory.all()) {
    if (matchSearch && !matchSearch(indexed)) continue;
    const user = indexed.user;
    if (filter && !evaluateFilter(filter, { value: (p) => user[p as keyof UserDoc], literal: (_p, v) => v })) continue;
    users.push(user);
  }
  if (orderby !== undefined) {
    const [prop, direction] = orderby.trim().split(/\s+/);
    if (prop !== 'displayName' && prop !== 'userPrincipalName') throw fail.badRequest('Sorting not supported for current query.', 'Request_UnsupportedQuery');
    const sign = direction?.toLowerCase() === 'desc' ? -1 : 1;
    users = users.sort((a, b) => sign * a[prop].localeCompare(b[prop], 'en'));
  }
  const skip = query.has('skiptoken') ? decodeSkipToken<{ o: number }>(query.get('skiptoken') as string).o : 0;
  const page = users.slice(skip, skip + top);
  const body: Record<string, unknown> = { '@odata.context': `${req.origin}/v1.0/$metadata#users` };
  if (advanced && query.get('count') === 'true') body['@odata.count'] = users.length;
  body.value = page.map((user) => renderUser(user, select, basicOnly(ctx, user)));
  if (skip + top < users.length) body['@odata.nextLink'] = nextLinkFor(req.origin, req.pathAndQuery, encodeSkipToken({ o: skip + top }));
  return json(200, body);
}

function getUser(ctx: RouteContext) {
  const id = ctx.params.userId as string;
  const user = ctx.state.directory.find(id);
  if (!user)
    throw fail.notFound(`Resource '${id}' does not exist or one of its queried reference-property objects are not present.`, 'Request_ResourceNotFound');
  return json(200, renderUser(user, parseSelect(ctx.query.get('select')), basicOnly(ctx, user)));
}

/**
 * `GET /users/$count`: the number of users as text/plain. Counting directory objects works only in
 * advanced queries (ConsistencyLevel: eventual); without it Graph answers 400 Request_BadRequest
 * "$count is not currently supported." (user-list.md example 3, aad-advanced-queries.md).
 */
function countUsers(ctx: RouteContext) {
  if (ctx.req.headers.consistencylevel?.toLowerCase() !== 'eventual') throw fail.badRequest('$count is not currently supported.', 'Request_BadRequest');
  let count = 0;
  for (const _ of ctx.state.directory.all()) count++;
  return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: Buffer.from(String(count)) };
}

function joinedTeams(ctx: RouteContext) {
  const teams = ctx.state.storage.list<TeamDoc>('team').filter((team) => isMember(team, ctx.user.id));
  return json(200, {
    value: teams.map((team) => ({ id: team.id, displayName: team.displayName, description: team.description, isArchived: false, tenantId: 'emulator' })),
  });
}

export const userRoutes: Route[] = [
  { method: 'GET', path: '/v1.0/me', query: ['select'], handler: (ctx) => json(200, renderUser(ctx.user, parseSelect(ctx.query.get('select')), basicOnly(ctx, ctx.user))) },
  { method: 'GET', path: '/v1.0/me/joinedTeams', handler: joinedTeams },
  { method: 'GET', path: '/v1.0/users', query: ['search', 'filter', 'select', 'top', 'count', 'orderby', 'skiptoken'], handler: listUsers },
  { method: 'GET', path: '/v1.0/users/$count', handler: countUsers },
  { method: 'GET', path: '/v1.0/users/:userId', query: ['select'], handler: getUser },
];
