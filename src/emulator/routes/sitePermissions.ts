/**
 * `/sites/{id}/permissions`: the Sites.Selected grants of a site (site-post-permissions.md,
 * site-list-permissions.md, site-get-permission.md, site-update-permission.md,
 * site-delete-permission.md). Every one needs Sites.FullControl.All (the pipeline checks it).
 *   POST {"roles":["write"],"grantedToIdentities":[{"application":{"id","displayName"}}]} -> 201 permission
 *        (`grantedTo` and `grantedToIdentitiesV2` are accepted as well)
 *   GET  -> {"value":[permission]};  GET/PATCH {"roles"}/DELETE  /permissions/{id}
 * A delegated caller must also be able to manage the site: a visitor (SharePoint's Read level, which
 * lacks EnumeratePermissions and ManagePermissions) gets 403 (model/teams.ts requireSite).
 */
import { randomUUID } from 'node:crypto';
import { fail } from '../errors';
import { json, noContent } from '../http';
import { findApp } from '../model/appPrincipal';
import { deleteGrant, grantsOf, putGrant, SITE_ROLES, type SitePermissionDoc, type SiteRole } from '../model/sitePermissions';
import { requireSite } from '../model/teams';
import type { Route, RouteContext } from '../router';

function render(grant: SitePermissionDoc): Record<string, unknown> {
  const identities = [{ application: { ...grant.application } }];
  // As site-post-permissions.md's example answers: both identity lists, and the deprecation note.
  return { id: grant.id, '@deprecated.GrantedToIdentities': 'GrantedToIdentities has been deprecated. Refer to GrantedToIdentitiesV2', roles: grant.roles, grantedToIdentities: identities, grantedToIdentitiesV2: identities };
}

/** @throws GraphHttpError 400 for roles outside read, write, owner, fullcontrol. */
function checkRoles(value: unknown): SiteRole[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((r) => typeof r === 'string' && (SITE_ROLES as readonly string[]).includes(r)))
    throw fail.invalidRequest(`roles must be a non-empty array of ${SITE_ROLES.join(', ')}.`);
  return [...new Set(value as SiteRole[])];
}

function requireGrant(ctx: RouteContext): SitePermissionDoc {
  const site = requireSite(ctx.state.storage, ctx.params.siteId as string, ctx.user, 'write');
  const grant = grantsOf(ctx.state.storage, site.id).find((g) => g.id === ctx.params.permissionId);
  if (!grant) throw fail.notFound('The requested permission was not found.', 'itemNotFound');
  return grant;
}

function create(ctx: RouteContext) {
  const site = requireSite(ctx.state.storage, ctx.params.siteId as string, ctx.user, 'write');
  const body = (ctx.req.body ?? {}) as Record<string, unknown>;
  const roles = checkRoles(body.roles);
  const identities = body.grantedToIdentitiesV2 ?? body.grantedToIdentities ?? body.grantedTo;
  const application = Array.isArray(identities) ? (identities[0] as { application?: { id?: unknown; displayName?: unknown } } | undefined)?.application : undefined;
  if (!application || typeof application.id !== 'string') throw fail.invalidRequest('grantedToIdentities must name an application: [{"application":{"id","displayName"}}].');
  const app = findApp(application.id);
  const grant: SitePermissionDoc = {
    id: Buffer.from(randomUUID()).toString('base64url'), siteId: site.id, roles,
    application: { id: application.id, displayName: typeof application.displayName === 'string' ? application.displayName : (app?.displayName ?? application.id) },
  };
  putGrant(ctx.state.storage, grant);
  return json(201, render(grant));
}

function update(ctx: RouteContext) {
  const grant = requireGrant(ctx);
  const next = { ...grant, roles: checkRoles(((ctx.req.body ?? {}) as { roles?: unknown }).roles) };
  putGrant(ctx.state.storage, next);
  return json(200, render(next));
}

const PERMISSIONS = '/v1.0/sites/:siteId/permissions';

export const sitePermissionRoutes: Route[] = [
  { method: 'GET', path: PERMISSIONS, handler: (ctx) => json(200, { value: grantsOf(ctx.state.storage, requireSite(ctx.state.storage, ctx.params.siteId as string, ctx.user, 'write').id).map(render) }) },
  { method: 'POST', path: PERMISSIONS, handler: create },
  { method: 'GET', path: `${PERMISSIONS}/:permissionId`, handler: (ctx) => json(200, render(requireGrant(ctx))) },
  { method: 'PATCH', path: `${PERMISSIONS}/:permissionId`, handler: update },
  { method: 'DELETE', path: `${PERMISSIONS}/:permissionId`, handler: (ctx) => (deleteGrant(ctx.state.storage, ctx.params.siteId as string, requireGrant(ctx).id), noContent()) },
];
