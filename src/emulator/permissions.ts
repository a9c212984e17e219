/**
 * Which permissions each Graph route needs, from the permissions table of its Microsoft Graph
 * documentation page (api-reference/v1.0/api/<page>.md: least privileged first, then the higher
 * privileged ones that also work), and the check the pipeline runs before any handler.
 *
 * - Delegated tokens need one of the route's delegated permissions in `scp`; app-only tokens one of
 *   its application permissions in `roles`, or among the RSC permissions consented to that app in the
 *   team of the URL (model/installations.ts rscPermissionsOf).
 * - SharePoint routes also admit Sites.Selected, with the app's grant on the site allowing the
 *   request (model/sitePermissions.ts); delegated calls also need the user's own access: the owning
 *   team, or for reads a group in the site's Visitors (model/teams.ts requireSite, model/siteVisitors.ts).
 * - Without them: 403 with the code the workload answers (`denied`).
 */
import { GraphHttpError } from './errors';
import type { TokenClaims } from './auth';
import { rscPermissionsOf } from './model/installations';
import { grantAllows, tenantWideAllows, type SiteNeed } from './model/sitePermissions';
import type { EmulatorState } from './model/state';
import type { SiteDoc } from './model/teams';

export type Workload = 'directory' | 'people' | 'teams' | 'sharepoint';

export interface RoutePermissions {
  /** The documentation page the table comes from. */
  readonly doc: string;
  readonly delegated: readonly string[];
  /** Empty: the route has no application permission (a `/me` route: 400 for an app-only token). */
  readonly application: readonly string[];
  readonly denied: Workload;
  /** SharePoint routes: what the request does on the site, and whether Sites.Selected may be used. */
  readonly site?: { need: SiteNeed; selected: boolean };
}

const USER_READ_HIGHER = ['User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const USERS_APP = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const SITES_READ = ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];
const SITES_WRITE = ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];
const SITES_MANAGE = ['Sites.Manage.All', 'Sites.FullControl.All'];
const CHANNEL_READ_D = ['Channel.ReadBasic.All', 'ChannelSettings.Read.All', 'ChannelSettings.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Group.Read.All', 'Group.ReadWrite.All'];
const CHANNEL_READ_A = ['ChannelSettings.Read.Group', 'ChannelSettings.ReadWrite.Group', ...CHANNEL_READ_D];

const sp = (doc: string, need: SiteNeed, perms: readonly string[], selected = true): RoutePermissions => ({ doc, delegated: perms, application: perms, denied: 'sharepoint', site: { need, selected } });
const ITEMS = '/v1.0/sites/:siteId/lists/:listId/items';
const PERMISSIONS = '/v1.0/sites/:siteId/permissions';

/** Keyed `METHOD path` exactly as the route declares its path. */
export const ROUTE_PERMISSIONS: Readonly<Record<string, RoutePermissions>> = {
  'GET /v1.0/me': { doc: 'user-get.md', delegated: ['User.Read', ...USER_READ_HIGHER], application: [], denied: 'directory' },
  'GET /v1.0/me/joinedTeams': { doc: 'user-list-joinedteams.md', delegated: ['Team.ReadBasic.All', 'TeamSettings.Read.All', 'TeamSettings.ReadWrite.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'], application: [], denied: 'teams' },
  'GET /v1.0/me/people': { doc: 'user-list-people.md', delegated: ['People.Read', 'People.Read.All'], application: [], denied: 'people' },
  'GET /v1.0/users': { doc: 'user-list.md', delegated: ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'], application: USERS_APP, denied: 'directory' },
  'GET /v1.0/users/$count': { doc: 'user-list.md', delegated: ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'], application: USERS_APP, denied: 'directory' },
  // User.Read and User.ReadWrite reach only the signed-in user (checked below).
  'GET /v1.0/users/:userId': { doc: 'user-get.md', delegated: ['User.Read', ...USER_READ_HIGHER], application: USERS_APP, denied: 'directory' },
  'GET /v1.0/teams/:teamId/members': { doc: 'team-list-members.md', delegated: ['TeamMember.Read.All', 'TeamMember.ReadWrite.All'], application: ['TeamMember.Read.Group', 'TeamMember.ReadWrite.Group', 'TeamMember.Read.All', 'TeamMember.ReadWrite.All'], denied: 'teams' },
  'GET /v1.0/teams/:teamId/channels': { doc: 'channel-list.md', delegated: CHANNEL_READ_D, application: CHANNEL_READ_A, denied: 'teams' },
  'GET /v1.0/teams/:teamId/channels/:channelId': { doc: 'channel-get.md', delegated: CHANNEL_READ_D, application: CHANNEL_READ_A, denied: 'teams' },
  'GET /v1.0/teams/:teamId/channels/:channelId/messages': { doc: 'channel-list-messages.md', delegated: ['ChannelMessage.Read.All'], application: ['ChannelMessage.Read.Group', 'ChannelMessage.Read.All'], denied: 'teams' },
  // Application permission only for migration (chatmessage-post.md); the handler refuses it outside one.
  'POST /v1.0/teams/:teamId/channels/:channelId/messages': { doc: 'chatmessage-post.md', delegated: ['ChannelMessage.Send', 'Group.ReadWrite.All'], application: ['Teamwork.Migrate.All'], denied: 'teams' },
  'GET /v1.0/teams/:teamId/channels/:channelId/messages/:messageId/replies': { doc: 'chatmessage-list-replies.md', delegated: ['ChannelMessage.Read.All'], application: ['ChannelMessage.Read.Group', 'ChannelMessage.Read.All'], denied: 'teams' },
  // As for a root message: the application permission only for migration (chatmessage-post-replies.md); the handler refuses it.
  'POST /v1.0/teams/:teamId/channels/:channelId/messages/:messageId/replies': { doc: 'chatmessage-post-replies.md', delegated: ['ChannelMessage.Send', 'Group.ReadWrite.All'], application: ['Teamwork.Migrate.All'], denied: 'teams' },
  'POST /v1.0/teams/:teamId/sendActivityNotification': { doc: 'team-sendactivitynotification.md', delegated: ['TeamsActivity.Send'], application: ['TeamsActivity.Send.Group', 'TeamsActivity.Send'], denied: 'teams' },
  // site-get.md lists Sites.Read.All and up for `/groups/{id}/sites/root`, not Sites.Selected.
  'GET /v1.0/groups/:groupId/sites/root': sp('site-get.md', 'read', SITES_READ, false),
  'GET /v1.0/sites/:siteId': sp('site-get.md', 'read', SITES_READ),
  'GET /v1.0/sites/:hostname/:collection/:siteName': sp('site-getbypath.md', 'read', SITES_READ),
  'GET /v1.0/sites/:siteId/lists': sp('list-list.md', 'read', SITES_READ),
  'POST /v1.0/sites/:siteId/lists': sp('list-create.md', 'manage', SITES_MANAGE),
  'GET /v1.0/sites/:siteId/lists/:listId': sp('list-get.md', 'read', SITES_READ),
  'GET /v1.0/sites/:siteId/lists/:listId/columns': sp('list-list-columns.md', 'read', SITES_READ),
  'POST /v1.0/sites/:siteId/lists/:listId/columns': sp('list-post-columns.md', 'manage', SITES_MANAGE),
  'DELETE /v1.0/sites/:siteId/lists/:listId/columns/:columnId': sp('columndefinition-delete.md', 'manage', SITES_MANAGE),
  [`GET ${ITEMS}`]: sp('listitem-list.md', 'read', SITES_READ),
  [`GET ${ITEMS}/delta`]: sp('listitem-delta.md', 'read', SITES_READ),
  [`GET ${ITEMS}/:itemId`]: sp('listitem-get.md', 'read', SITES_READ),
  [`GET ${ITEMS}/:itemId/fields`]: sp('listitem-get.md', 'read', SITES_READ),
  [`GET ${ITEMS}/:itemId/versions`]: sp('listitem-list-versions.md', 'read', SITES_READ),
  [`GET ${ITEMS}/:itemId/versions/:versionId`]: sp('listitemversion-get.md', 'read', SITES_READ),
  [`GET ${ITEMS}/:itemId/versions/:versionId/fields`]: sp('listitemversion-get.md', 'read', SITES_READ),
  [`POST ${ITEMS}`]: sp('listitem-create.md', 'write', SITES_WRITE),
  [`PATCH ${ITEMS}/:itemId`]: sp('listitem-update.md', 'write', SITES_WRITE),
  [`PATCH ${ITEMS}/:itemId/fields`]: sp('listitem-update.md', 'write', SITES_WRITE),
  [`DELETE ${ITEMS}/:itemId`]: sp('listitem-delete.md', 'write', SITES_WRITE),
  // Granting needs Sites.FullControl.All, never a grant (site-post-permissions.md and its siblings).
  [`GET ${PERMISSIONS}`]: sp('site-list-permissions.md', 'read', ['Sites.FullControl.All'], false),
  [`POST ${PERMISSIONS}`]: sp('site-post-permissions.md', 'read', ['Sites.FullControl.All'], false),
  [`GET ${PERMISSIONS}/:permissionId`]: sp('site-get-permission.md', 'read', ['Sites.FullControl.All'], false),
  [`PATCH ${PERMISSIONS}/:permissionId`]: sp('site-update-permission.md', 'read', ['Sites.FullControl.All'], false),
  [`DELETE ${PERMISSIONS}/:permissionId`]: sp('site-delete-permission.md', 'read', ['Sites.FullControl.All'], false),
};

/** `$batch` itself needs no permission: each inner request is checked on its own (json-batching.md). */
export const UNPROTECTED_ROUTES: readonly string[] = ['POST /v1.0/$batch'];

/** The 403 each workload answers when the token lacks the permission. */
function denied(permissions: RoutePermissions, claims: TokenClaims, extra: readonly string[] = []): GraphHttpError {
  const app = claims.idtyp === 'app';
  const wanted = app ? permissions.application : permissions.delegated;
  switch (permissions.denied) {
    case 'directory':
      return new GraphHttpError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    case 'people':
      return new GraphHttpError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    case 'teams':
      return new GraphHttpError(
        403,
        'Forbidden',
        app
          ? `Missing role permissions on the request. API requires one of '${wanted.join(', ')}'. Roles on the request '${(claims.roles ?? []).join(', ')}'. Resource specific consent grants on the request '${extra.join(', ')}'.`
          : `Missing scope permissions on the request. API requires one of '${wanted.join(', ')}'. Scopes on the request '${(claims.scp ?? '').split(' ').join(', ')}'.`,
      );
    case 'sharepoint':
      return new GraphHttpError(403, 'accessDenied', 'Access denied');
  }
}

export interface AuthorizeInput {
  readonly state: EmulatorState;
  readonly claims: TokenClaims;
  readonly permissions: RoutePermissions;
  readonly params: Readonly<Record<string, string>>;
  /** The site of a SharePoint route, when the URL names one that exists. */
  readonly site?: SiteDoc;
  /** Sites.Selected may reach `/groups/{id}/sites/root` (strictness.groupSitePath off). */
  readonly groupSiteLenient?: boolean;
}

/**
 * @throws GraphHttpError 403 (the workload's code) when the token's permissions do not allow the
 * request; 400 for an app-only token on a `/me` route.
 */
export function authorize({ state, claims, permissions, params, site, groupSiteLenient }: AuthorizeInput): void {
  const app = claims.idtyp === 'app';
  if (app && permissions.application.length === 0)
    throw new GraphHttpError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  const held = app ? [...(claims.roles ?? [])] : (claims.scp ?? '').split(' ').filter(Boolean);
  const teamId = params.teamId ?? params.groupId;
  const rsc = app && teamId ? rscPermissionsOf(state.storage, claims.appid, teamId) : [];
  const wanted = app ? permissions.application : permissions.delegated;
  const direct = [...held, ...rsc].filter((p) => wanted.includes(p));

  if (permissions.site) {
    const { need } = permissions.site;
    const selectedAllowed = (permissions.site.selected || groupSiteLenient === true) && held.includes('Sites.Selected');
    if (direct.length > 0 && tenantWideAllows(direct, need)) return;
    if (selectedAllowed) {
      // A site that does not exist is the handler's 404.
      if (!site || grantAllows(state.storage, site.id, claims.appid, need)) return;
    }
    throw denied(permissions, claims);
  }
  if (direct.length === 0) throw denied(permissions, claims, rsc);
  // User.Read / User.ReadWrite reach only the signed-in user (user-get.md).
  if (!app && params.userId !== undefined && direct.every((p) => p === 'User.Read' || p === 'User.ReadWrite')) {
    const id = params.userId.toLowerCase();
    if (id !== claims.oid.toLowerCase() && id !== (claims.upn ?? '').toLowerCase()) throw denied(permissions, claims);
  }
}
