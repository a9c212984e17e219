/**
 * Merging the three sources into one list: the practice's team first, then people the user works
 * with, then the directory. One row per person (ids compared case-insensitively), from the best
 * source, with job details filled in from the others.
 */
import { SOURCE_ORDER, type PersonCandidate } from './personCandidate';
import { fold, matchesQuery, normaliseQuery } from './query';

/** Ids are GUIDs; the People API sends them upper-case, the directory lower-case. */
export function personKey(id: string): string {
  return id.trim().toLowerCase();
}

function sourceRank(candidate: PersonCandidate): number {
  return SOURCE_ORDER.indexOf(candidate.source);
}

/** 0: the whole name or address equals the query; 1: the whole name starts with it; 2: anything else. */
function matchRank(candidate: PersonCandidate, query: string): number {
  const wanted = fold(query);
  if (wanted === '') return 2;
  const name = fold(candidate.displayName.replace(/\s+/g, ' ').trim());
  if (name === wanted || fold(candidate.mail) === wanted || fold(candidate.userPrincipalName) === wanted) return 0;
  return name.startsWith(wanted) ? 1 : 2;
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

function withDetailsFrom(best: PersonCandidate, other: PersonCandidate): PersonCandidate {
  return {
    ...best,
    displayName: best.displayName || other.displayName,
    mail: best.mail || other.mail,
    userPrincipalName: best.userPrincipalName || other.userPrincipalName,
    jobTitle: best.jobTitle || other.jobTitle,
    department: best.department || other.department,
    companyName: best.companyName || other.companyName,
  };
}

/**
 * @param team the cached team list, unfiltered: it is filtered here with `matchesQuery`, and it
 *   decides `inPractice` for every candidate, whichever source found them.
 * @param people `/me/people` results for `query` (already matched by the server, which is fuzzy).
 * @param directory directory results for `query`.
 * @returns one row per person: team, people, directory; within a source, exact whole-name (or
 *   address) matches, then whole-name prefix matches, then alphabetical by name, then by email.
 */
export function rankCandidates(
  team: readonly PersonCandidate[],
  people: readonly PersonCandidate[],
  directory: readonly PersonCandidate[],
  query: string,
): PersonCandidate[] {
  const text = normaliseQuery(query);
  const teamIds = new Set(team.map((member) => personKey(member.id)));
  const byId = new Map<string, PersonCandidate>();
  const offered = [...team.filter((member) => matchesQuery(member, text)), ...people, ...directory];
  for (const candidate of offered) {
    const key = personKey(candidate.id);
    if (key === '') continue;
    const seen = byId.get(key);
    if (!seen) byId.set(key, candidate);
    else if (sourceRank(candidate) < sourceRank(seen)) byId.set(key, withDetailsFrom(candidate, seen));
    else byId.set(key, withDetailsFrom(seen, candidate));
  }
  const rows = [...byId.entries()].map(([key, candidate]) => ({ ...candidate, inPractice: teamIds.has(key) }));
  return rows.sort(
    (a, b) =>
      sourceRank(a) - sourceRank(b) ||
      matchRank(a, text) - matchRank(b, text) ||
      collator.compare(a.displayName, b.displayName) ||
      collator.compare(a.mail || a.userPrincipalName, b.mail || b.userPrincipalName),
  );
}
