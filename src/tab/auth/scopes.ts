/**
 * Which delegated Microsoft Graph permissions the tab asks for, per feature (incremental consent:
 * a feature's scopes are asked for the first time that feature needs a token, never up front).
 * docs/permissions.md explains each one for the NHSmail application assessment; keep them in step.
 *
 * In NHSmail users cannot consent for themselves: a tenant admin consents to every scope below once,
 * for everyone. Incremental consent still matters elsewhere, and keeps each token's scopes minimal.
 */

export type Feature = 'sign-in' | 'register' | 'people' | 'post-to-channel';

export const FEATURE_SCOPES: Readonly<Record<Feature, readonly string[]>> = {
  /** Who am I (`GET /me`): name and UPN in the header, "marked reviewed by". */
  'sign-in': ['User.Read'],
  /**
   * The register: the teams I am in (`/me/joinedTeams`), the team's members (owners may create the
   * register; "owner left"), the team's site and the register and ledger lists in it. Sites.Selected:
   * only sites a tenant admin granted to this app, intersected with what the user may do there.
   */
  register: ['User.Read', 'Team.ReadBasic.All', 'TeamMember.Read.All', 'Sites.Selected'],
  /** The owner picker: search the directory (`/users`) and rank the people I work with (`/me/people`). */
  people: ['User.ReadBasic.All', 'People.Read'],
  /** "Post now": a digest posted into the practice channel as the signed-in user. */
  'post-to-channel': ['ChannelMessage.Send'],
};

/** What the Graph client's default `.default` request stands for in the tab: the register's scopes. */
export const DEFAULT_FEATURE: Feature = 'register';

const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';

/**
 * Maps the scopes a Graph client asks for to the scopes MSAL requests: the Graph client's generic
 * `.default` becomes the register's explicit list (so consent never silently covers every scope the
 * app registration lists); explicit scopes pass through.
 */
export function resolveScopes(requested: readonly string[]): string[] {
  const scopes = requested.length === 0 || requested.includes(GRAPH_DEFAULT) ? [...FEATURE_SCOPES[DEFAULT_FEATURE]] : [...requested];
  return [...new Set(scopes)];
}

/** Every delegated scope the tab may ask for (the app registration's API permissions). */
export function allDelegatedScopes(): string[] {
  return [...new Set(Object.values(FEATURE_SCOPES).flat())].sort();
}
