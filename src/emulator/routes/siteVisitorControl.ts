/**
 * Emulator-only control of a site's Visitors (model/siteVisitors.ts), for tests and the demo.
 * Microsoft Graph documents no call that changes a site's SharePoint groups: in a tenant a site
 * owner adds the group from Site permissions, or an admin with PnP PowerShell
 * (docs/network.md says how). Like every `/emulator/...` route: no token, same origin only.
 *   GET    /emulator/sites/{siteId}/visitors            -> 200 {"siteId","visitorGroupIds":[...]}
 *   POST   /emulator/sites/{siteId}/visitors {"groupId"} -> 200 the same, with the group added (idempotent);
 *          404 for an unknown site or group
 *   DELETE /emulator/sites/{siteId}/visitors/{groupId}   -> 204 (absent: nothing to do)
 */
import { fail } from '../errors';
import { json, noContent } from '../http';
import { addSiteVisitor, removeSiteVisitor, visitorsOf } from '../model/siteVisitors';
import type { Route, RouteContext } from '../router';

function add(ctx: RouteContext) {
  const body = ctx.req.body as { groupId?: unknown } | undefined;
  if (typeof body?.groupId !== 'string' || body.groupId === '') throw fail.badRequest('Send {"groupId": "<a team (Microsoft 365 group) id>"}.');
  const siteId = ctx.params.siteId as string;
  return json(200, { siteId, visitorGroupIds: addSiteVisitor(ctx.state.storage, siteId, body.groupId) });
}

export const siteVisitorControlRoutes: Route[] = [
  { method: 'GET', path: '/emulator/sites/:siteId/visitors', handler: (ctx) => json(200, { siteId: ctx.params.siteId, visitorGroupIds: visitorsOf(ctx.state.storage, ctx.params.siteId as string) }) },
  { method: 'POST', path: '/emulator/sites/:siteId/visitors', handler: add },
  { method: 'DELETE', path: '/emulator/sites/:siteId/visitors/:groupId', handler: (ctx) => (removeSiteVisitor(ctx.state.storage, ctx.params.siteId as string, ctx.params.groupId as string), noContent()) },
];
