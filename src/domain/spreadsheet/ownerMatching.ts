/**
 * Matching the owner and deputy named in a spreadsheet to directory people: by email first (an
 * address names one account), then by name, where only a single exact name match counts; two
 * or more people of that name are shown to the user to choose between, never picked for them.
 */
import type { PersonRef } from '../entry';
import { candidateEmail, type PersonCandidate } from '../people/personCandidate';
import { fold } from '../people/query';
import type { PersonHint } from './cellValues';

export type PersonMatch =
  | { readonly kind: 'matched'; readonly person: PersonRef; readonly by: 'email' | 'name' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly PersonCandidate[] }
  | { readonly kind: 'not-found' };

/** One key per distinct hint, so a name that appears on 40 rows is looked up once. */
export function hintKey(hint: PersonHint): string {
  return hint.email ? `email:${hint.email.trim().toLowerCase()}` : `name:${fold(hint.name ?? '')}`;
}

export function personRefOf(candidate: PersonCandidate): PersonRef {
  return { entraId: candidate.id, displayName: candidate.displayName, upn: candidate.userPrincipalName || candidateEmail(candidate) };
}

function byEmail(email: string, candidates: readonly PersonCandidate[]): PersonCandidate | undefined {
  const wanted = email.trim().toLowerCase();
  return candidates.find((candidate) => candidate.mail.toLowerCase() === wanted || candidate.userPrincipalName.toLowerCase() === wanted);
}

function byName(name: string, candidates: readonly PersonCandidate[]): PersonCandidate[] {
  const wanted = fold(name.replace(/\s+/g, ' ').trim());
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    const id = candidate.id.toLowerCase();
    if (seen.has(id) || fold(candidate.displayName.replace(/\s+/g, ' ').trim()) !== wanted) return false;
    seen.add(id);
    return true;
  });
}

/**
 * @param candidates people that might be meant, best source first (the practice team, then the directory).
 * @returns matched by email, or by the only person with exactly that name (team members win over
 *   the directory: if exactly one team member has the name, the practice means them); ambiguous
 *   when several have it; not-found otherwise.
 */
export function matchPerson(hint: PersonHint, candidates: readonly PersonCandidate[]): PersonMatch {
  if (hint.email) {
    const found = byEmail(hint.email, candidates);
    if (found) return { kind: 'matched', person: personRefOf(found), by: 'email' };
    if (!hint.name) return { kind: 'not-found' };
  }
  const named = byName(hint.name ?? '', candidates);
  const inTeam = named.filter((candidate) => candidate.inPractice);
  const only = inTeam.length === 1 ? inTeam[0] : named.length === 1 ? named[0] : undefined;
  if (only) return { kind: 'matched', person: personRefOf(only), by: 'name' };
  return named.length > 1 ? { kind: 'ambiguous', candidates: named } : { kind: 'not-found' };
}

/** Plain words for the preview: "Matched by email: Priya Shah". */
export function describeMatch(hint: PersonHint, match: PersonMatch): string {
  const asTyped = [hint.name, hint.email].filter(Boolean).join(' ');
  if (match.kind === 'matched') return `${match.person.displayName} (${match.person.upn}), matched by ${match.by}`;
  if (match.kind === 'ambiguous') return `${match.candidates.length} people are called "${asTyped}": choose one`;
  return `No one in the directory matches "${asTyped}": the entry is imported without this person, who is kept in Notes as written`;
}
