/**
 * Finding the people a spreadsheet names as owners and deputies: the practice team first (no
 * request needed), then the NHS.net directory for the rest, one search per distinct person.
 *
 * Rate-kind: searches run one at a time with a pause between them, and a throttled search (429)
 * waits as long as Graph asks (Retry-After) before trying again, so importing a 300-row file never
 * floods the directory.
 */
import type { PersonHint } from '@domain/spreadsheet';
import { hintKey, matchPerson, type PersonMatch } from '@domain/spreadsheet';
import type { PersonCandidate } from '@domain/people';
import type { GraphClient } from '../client';
import type { TeamMember } from './directory';
import { GraphError, throttleWaitMs } from '../client';
import { candidateFromTeamMember, searchDirectory } from './people';

export interface OwnerLookupOptions {
  /** Pause between directory searches, in ms. Default 150. */
  readonly pauseMs?: number;
  /** How many times one search is retried after 429. Default 3. */
  readonly retries?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function searchKindly(client: GraphClient, query: string, options: OwnerLookupOptions): Promise<PersonCandidate[]> {
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await searchDirectory(client, query, { signal: options.signal, top: 10 });
    } catch (error) {
      const throttled = error instanceof GraphError && (error.status === 429 || error.status === 503);
      if (!throttled || attempt >= (options.retries ?? 3)) throw error;
      // The one retry policy (middleware/retry.ts): the search opts out of the middleware's own retries.
      await sleep(throttleWaitMs(error.retryAfterSeconds === undefined ? null : String(error.retryAfterSeconds), attempt + 1, Date.now()));
    }
  }
}

/**
 * @returns a match for every distinct hint, keyed by `hintKey(hint)`.
 * @throws GraphError / NetworkError when the directory cannot be searched (after retries).
 */
export async function lookUpPeople(
  client: GraphClient,
  hints: readonly PersonHint[],
  members: readonly TeamMember[],
  options: OwnerLookupOptions = {},
): Promise<Map<string, PersonMatch>> {
  const team = members.map(candidateFromTeamMember);
  const distinct = new Map<string, PersonHint>();
  for (const hint of hints) if (!distinct.has(hintKey(hint))) distinct.set(hintKey(hint), hint);
  const results = new Map<string, PersonMatch>();
  const toSearch: [string, PersonHint][] = [];
  for (const [key, hint] of distinct) {
    const inTeam = matchPerson(hint, team);
    if (inTeam.kind === 'matched') results.set(key, inTeam);
    else toSearch.push([key, hint]);
  }
  let done = distinct.size - toSearch.length;
  options.onProgress?.(done, distinct.size);
  for (const [index, [key, hint]] of toSearch.entries()) {
    if (index > 0) await (options.sleep ?? defaultSleep)(options.pauseMs ?? 150);
    const found = await searchKindly(client, hint.email ?? hint.name ?? '', options);
    let match = matchPerson(hint, [...team, ...found]);
    // An address that is not in the directory: the name alone may still find them.
    if (match.kind === 'not-found' && hint.email && hint.name) match = matchPerson({ name: hint.name }, [...team, ...(await searchKindly(client, hint.name, options))]);
    results.set(key, match);
    done += 1;
    options.onProgress?.(done, distinct.size);
  }
  return results;
}
