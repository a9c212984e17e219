/** The directory user as the emulator stores it (a subset of Graph's user resource). */
export interface UserDoc {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  userPrincipalName: string;
  jobTitle: string | null;
  department: string | null;
  companyName: string | null;
  officeLocation: string | null;
  accountEnabled: boolean;
  businessPhones: string[];
  mobilePhone: string | null;
  preferredLanguage: string | null;
}

/** `{ user: { id, displayName, email } }`, as on listItem createdBy / lastModifiedBy. */
export interface IdentitySet {
  user: { id: string; displayName: string; email: string };
}

export function identityOf(user: Pick<UserDoc, 'id' | 'displayName' | 'mail'>): IdentitySet {
  return { user: { id: user.id, displayName: user.displayName, email: user.mail } };
}
