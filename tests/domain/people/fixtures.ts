import type { PersonCandidate, PersonSource } from '../../../src/domain/people';

export function person(id: string, displayName: string, mail: string, extra: Partial<PersonCandidate> = {}): PersonCandidate {
  const source: PersonSource = extra.source ?? 'directory';
  return { id, displayName, mail, userPrincipalName: mail, source, inPractice: source === 'team', ...extra };
}
