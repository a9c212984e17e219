/**
 * A person offered by the owner picker. In a national directory of 1.5 million accounts many people
 * share a name, so a candidate is always shown with its email and, when the tenant returns them,
 * job title, department and organisation.
 */

/** Where a candidate came from, best first: the practice's team, people the user works with, the directory. */
export type PersonSource = 'team' | 'people' | 'directory';

export const SOURCE_ORDER: readonly PersonSource[] = ['team', 'people', 'directory'];

export interface PersonCandidate {
  /** The Entra user id (compare case-insensitively: the People API returns it upper-case). */
  readonly id: string;
  readonly displayName: string;
  /** May be '' when the account has no mailbox; `userPrincipalName` is then shown instead. */
  readonly mail: string;
  readonly userPrincipalName: string;
  readonly jobTitle?: string;
  readonly department?: string;
  /** NHSmail usually puts the organisation here (needs User.Read.All, or comes from /me/people). */
  readonly companyName?: string;
  readonly source: PersonSource;
  /** True for members of the practice's own team. */
  readonly inPractice: boolean;
}

/** The address to show and store: mail, else the user principal name. */
export function candidateEmail(candidate: PersonCandidate): string {
  return candidate.mail.trim() || candidate.userPrincipalName.trim();
}

/**
 * The second line that tells two people of the same name apart:
 * "sarah.smith12@nhs.net · Practice nurse · Leeds Teaching Hospitals". Empty parts are left out and
 * a part equal to an earlier one (department often repeats the organisation) is shown once.
 */
export function describeCandidate(candidate: PersonCandidate): string {
  const parts: string[] = [];
  for (const part of [candidateEmail(candidate), candidate.jobTitle, candidate.department, candidate.companyName]) {
    const text = (part ?? '').replace(/\s+/g, ' ').trim();
    if (text !== '' && !parts.some((seen) => seen.toLowerCase() === text.toLowerCase())) parts.push(text);
  }
  return parts.join(' · ');
}

/** What a screen reader announces for one option: name, the disambiguating line, and "in this practice". */
export function candidateAccessibleName(candidate: PersonCandidate): string {
  const description = describeCandidate(candidate);
  return [candidate.displayName.trim() || candidateEmail(candidate), description, candidate.inPractice ? 'in this practice' : '']
    .filter((part) => part !== '')
    .join(', ');
}
