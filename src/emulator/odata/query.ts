/**
 * Query options, strictly: each route declares the options it implements; any other option is a
 * 400, never silently ignored. Names are matched without their `$` (Graph v1.0 accepts
 * `expand=fields(...)` as well as `$expand=...`).
 */
import { fail } from '../errors';

export type QueryOptions = ReadonlyMap<string, string>;

/** @throws GraphHttpError 400 for an option not in `allowed` or given twice. */
export function parseQuery(params: URLSearchParams, allowed: readonly string[]): QueryOptions {
  const options = new Map<string, string>();
  for (const [rawName, value] of params) {
    const name = rawName.replace(/^\$/, '').toLowerCase();
    if (!allowed.includes(name)) throw fail.badRequest(`Query option '${rawName}' is not supported by this endpoint in the emulator.`);
    if (options.has(name)) throw fail.badRequest(`Query option '${rawName}' was specified more than once, but it must be specified at most once.`);
    options.set(name, value);
  }
  return options;
}

/** `$top`: an integer in [min, max], `fallback` when absent. @throws GraphHttpError 400 otherwise. */
export function parseTop(query: QueryOptions, fallback: number, max: number, clamp = false, code = 'BadRequest'): number {
  const raw = query.get('top');
  if (raw === undefined) return fallback;
  const top = Number(raw);
  if (!/^\d+$/.test(raw) || top < 1) throw fail.badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and ${max} inclusive.`, code);
  if (top > max) {
    if (clamp) return max;
    throw fail.badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and ${max} inclusive.`, code);
  }
  return top;
}

export function parseSelect(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) throw fail.badRequest('The $select clause is empty.');
  return names;
}

export interface ExpandClause {
  readonly name: string;
  readonly select?: string[];
}

/**
 * `fields(select=A,B)`, `fields($select=A,B)`, `columns`, comma-separated.
 * @throws GraphHttpError 400 for a malformed clause, or one naming something not in `allowed`.
 */
export function parseExpand(value: string | undefined, allowed: readonly string[]): ExpandClause[] {
  if (value === undefined) return [];
  const clauses: ExpandClause[] = [];
  const pattern = /\s*([A-Za-z]+)\s*(?:\(([^)]*)\))?\s*(?:,|$)/y;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < value.length && (match = pattern.exec(value))) {
    const name = match[1] as string;
    if (!allowed.includes(name)) throw fail.badRequest(`Could not find a property named '${name}' to expand.`);
    const inner = match[2];
    if (inner === undefined || inner.trim() === '') {
      clauses.push({ name });
      continue;
    }
    const select = /^\s*\$?select\s*=\s*(.+)$/i.exec(inner);
    if (!select?.[1]) throw fail.badRequest(`Only select is supported inside $expand=${name}(...) in the emulator.`);
    clauses.push({ name, select: parseSelect(select[1]) });
  }
  if (pattern.lastIndex !== value.length && value.trim() !== '') throw fail.badRequest(`Invalid $expand clause '${value}'.`);
  return clauses;
}

/** An opaque `$skiptoken`: base64url JSON. */
export function encodeSkipToken(state: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

/** @throws GraphHttpError 400 for a token this emulator did not issue. */
export function decodeSkipToken<T>(token: string): T {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as T;
  } catch {
    throw fail.badRequest('The $skiptoken is not valid.');
  }
}

/** An absolute next-page link: the same request with `$skiptoken` replaced. */
export function nextLinkFor(origin: string, pathAndQuery: string, skipToken: string): string {
  const url = new URL(pathAndQuery, origin);
  for (const key of [...url.searchParams.keys()]) if (key.replace(/^\$/, '').toLowerCase() === 'skiptoken') url.searchParams.delete(key);
  url.searchParams.set('$skiptoken', skipToken);
  return url.toString();
}
