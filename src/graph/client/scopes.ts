/**
 * The delegated Microsoft Graph scopes each feature needs: the one table the tab's sign-in and the
 * Graph layer share (docs/permissions.md explains each for the NHSmail application assessment).
 * A request that needs more than the register's scopes carries its own with `withScopes`, so the
 * token source can ask for them when that feature is first used (incremental consent).
 */
import type { MiddlewareOptions } from '@microsoft/microsoft-graph-client';

export const FEATURE_SCOPES = {
  /** Who am I (`GET /me`): name and UPN in the header, "marked reviewed by". */
  'sign-in': ['User.Read'],
  /**
   * The register: my teams (`/me/joinedTeams`), the team's members (owners may create the register;
   * "owner left"), the team's site and the register and ledger lists in it (Sites.Selected: only sites
   * a tenant admin granted to this app, intersected with what the user may do there).
   */
  register: ['User.Read', 'Team.ReadBasic.All', 'TeamMember.Read.All', 'Sites.Selected'],
  /** The owner picker: search the directory (`/users`) and rank the people I work with (`/me/people`). */
  people: ['User.ReadBasic.All', 'People.Read'],
  /** "Post now": choose the practice channel and post the digest into it as the signed-in user. */
  'post-to-channel': ['Channel.ReadBasic.All', 'ChannelMessage.Send'],
  /**
   * Incident cards from the tab when the service cannot post them: the incident card into the
   * practice channel and its updates as replies in that thread (chatmessage-post.md,
   * chatmessage-post-replies.md). No new permission: the same ChannelMessage.Send as "Post now".
   */
  incidents: ['ChannelMessage.Send'],
} as const satisfies Record<string, readonly string[]>;

export type Feature = keyof typeof FEATURE_SCOPES;

/**
 * Not Graph: the scope of the app's OWN API, which the tab's token for its service carries (incident
 * cards through the bot, src/tab/auth/serviceToken.ts). Teams tab SSO, "Expose an API" (msteams-docs
 * tabs/how-to/authentication/tab-sso-register-aad.md): application ID URI `api://{tab domain}/{app id}`
 * (the manifest's webApplicationInfo.resource) and a scope named `access_as_user`. It depends on where
 * the tab is served, so it is made here rather than listed in FEATURE_SCOPES, and asked for on its own
 * (one resource per token).
 */
export const OWN_API_SCOPE_NAME = 'access_as_user';

/** `api://{host}/{client id}/access_as_user` for a tab served from `host`. */
export function apiScopeFor(host: string, clientId: string): string {
  return `api://${host.toLowerCase()}/${clientId}/${OWN_API_SCOPE_NAME}`;
}

/**
 * Scopes the app does NOT ask for unless a tenant chose to grant them (a build setting says so).
 * Not part of the app registration's required permissions, nor of `FEATURE_SCOPES`.
 * - 'team-site-by-group': `GET /groups/{id}/sites/root`, documented with `Sites.Read.All`
 *   (api-reference/v1.0/api/site-get.md). Only a plain browser without the tab's saved ids needs it,
 *   and only where the tenant granted it (GROUP_SITE_LOOKUP=granted); otherwise the person is asked
 *   to open the tab in Teams once.
 */
export const OPTIONAL_SCOPES = {
  'team-site-by-group': ['Sites.Read.All'],
} as const satisfies Record<string, readonly string[]>;

export type OptionalFeature = keyof typeof OPTIONAL_SCOPES;

/** A per-request option naming the scopes its token must carry (read by the auth middleware). */
export class ScopeControl implements MiddlewareOptions {
  constructor(readonly scopes: readonly string[]) {}
}

/** `client.api(url).middlewareOptions([withScopes('people')])` */
export function withScopes(feature: Feature | OptionalFeature): ScopeControl {
  return new ScopeControl(feature in OPTIONAL_SCOPES ? OPTIONAL_SCOPES[feature as OptionalFeature] : FEATURE_SCOPES[feature as Feature]);
}
