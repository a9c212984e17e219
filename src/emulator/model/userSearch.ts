/**
 * `$search` over users as Graph does it: quoted clauses (`"displayName:sam"`, `"sam"`) joined by
 * AND / OR; displayName matches whole words or word prefixes in any order (never substrings);
 * other properties match by prefix (Graph's `startswith` fallback).
 */
import { fail } from '../errors';
import { fold, searchWords, type IndexedUser } from './directory';
import type { UserDoc } from './user';

type Clause = { prop: string | undefined; value: string };
type Matcher = (user: IndexedUser) => boolean;

const PREFIX_PROPS = new Set(['mail', 'userPrincipalName', 'givenName', 'surname', 'jobTitle', 'department', 'companyName', 'officeLocation']);

// A quoted clause: inside the quotes, `\"` and `\\` are escapes (Graph's $search syntax), so a
// name containing `"` is searched for, not rejected.
const TOKENS = /"(?:[^"\\]|\\.)*"|\bAND\b|\bOR\b|\S+/g;

/** The text inside a quoted clause, with `\x` read as `x`. */
export function unescapeClause(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\(.)/gs, '$1');
}

/** @throws GraphHttpError 400 for a clause that is not quoted or names an unsupported property. */
export function parseUserSearch(text: string): Matcher {
  const tokens = text.match(TOKENS) ?? [];
  if (tokens.length === 0) throw fail.badRequest('Invalid $search query: it is empty.', 'Request_UnsupportedQuery');
  const groups: Matcher[][] = [[]];
  let expectClause = true;
  for (const token of tokens) {
    if (!expectClause && (token === 'AND' || token === 'OR')) {
      if (token === 'OR') groups.push([]);
      expectClause = true;
      continue;
    }
    if (!expectClause || !token.startsWith('"') || token.length < 2 || !token.endsWith('"'))
      throw fail.badRequest(`Syntax error: '${token}' is not valid in the $search query. Quote each clause: "displayName:sam".`, 'Request_UnsupportedQuery');
    (groups[groups.length - 1] as Matcher[]).push(clauseMatcher(parseClause(unescapeClause(token))));
    expectClause = false;
  }
  if (expectClause) throw fail.badRequest('Syntax error: the $search query ends with an operator.', 'Request_UnsupportedQuery');
  return (user) => groups.some((group) => group.every((match) => match(user)));
}

function parseClause(body: string): Clause {
  const colon = body.indexOf(':');
  if (colon > 0 && /^[A-Za-z]+$/.test(body.slice(0, colon))) return { prop: body.slice(0, colon), value: body.slice(colon + 1) };
  return { prop: undefined, value: body };
}

function wordsMatch(user: IndexedUser, query: string): boolean {
  const wanted = searchWords(query);
  return wanted.length > 0 && wanted.every((w) => user.words.some((word) => word.startsWith(w)));
}

function prefix(value: unknown, query: string): boolean {
  return typeof value === 'string' && fold(value).startsWith(fold(query));
}

function clauseMatcher({ prop, value }: Clause): Matcher {
  if (prop === undefined) return (u) => wordsMatch(u, value) || prefix(u.user.mail, value) || prefix(u.user.userPrincipalName, value);
  if (prop === 'displayName' || prop === 'description') return (u) => wordsMatch(u, value);
  if (PREFIX_PROPS.has(prop)) return (u) => prefix(u.user[prop as keyof UserDoc], value);
  throw fail.badRequest(`Unsupported or invalid query property '${prop}' in $search.`, 'Request_UnsupportedQuery');
}
