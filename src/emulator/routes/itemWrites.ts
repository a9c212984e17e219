/** List item writes: POST items, PATCH fields (and PATCH item), DELETE; If-Match on updates and deletes. */
import { fail } from '../errors';
import { json, noContent } from '../http';
import { coerceFields } from '../model/fieldValues';
import { assertIfMatch } from '../model/items';
import { renderItem } from '../model/itemView';
import { identityOf } from '../model/user';
import type { Route, RouteContext } from '../router';
import { locate } from './items';

function createItem(ctx: RouteContext) {
  const { site, list } = locate(ctx, 'write');
  const body = ctx.req.body as { fields?: unknown } | undefined;
  if (!body || typeof body.fields !== 'object') throw fail.invalidRequest('The request body must be {"fields": {...}}.');
  const values = coerceFields(list, body.fields, true);
  const item = ctx.state.items.create(list, values, identityOf(ctx.user));
  return json(201, renderItem(list, site, item, 'all', ctx.state.strictness.etagFormat), {
    Location: `${ctx.req.origin}/v1.0/sites/${encodeURIComponent(site.id)}/lists/${list.id}/items/${item.id}`,
  });
}

/** Validates, checks If-Match, then writes: a stale eTag (412) or bad field (400) writes nothing. */
function update(ctx: RouteContext, fields: unknown) {
  const { site, list } = locate(ctx, 'write');
  const item = ctx.state.items.require(list.id, ctx.params.itemId as string);
  const values = coerceFields(list, fields, false);
  assertIfMatch(ctx.req.headers['if-match'], item);
  return { site, list, item: ctx.state.items.update(list, item, values, identityOf(ctx.user)) };
}

function patchFields(ctx: RouteContext) {
  const { site, list, item } = update(ctx, ctx.req.body);
  return json(200, renderItem(list, site, item, 'all', ctx.state.strictness.etagFormat).fields);
}

function patchItem(ctx: RouteContext) {
  const body = ctx.req.body as { fields?: unknown } | undefined;
  if (!body || typeof body.fields !== 'object') throw fail.notImplemented('The emulator updates list items through their fields only.');
  const { site, list, item } = update(ctx, body.fields);
  return json(200, renderItem(list, site, item, 'all', ctx.state.strictness.etagFormat));
}

function deleteItem(ctx: RouteContext) {
  const { list } = locate(ctx, 'write');
  const item = ctx.state.items.require(list.id, ctx.params.itemId as string);
  assertIfMatch(ctx.req.headers['if-match'], item);
  ctx.state.items.delete(list, item);
  return noContent();
}

const ITEMS = '/v1.0/sites/:siteId/lists/:listId/items';

export const itemWriteRoutes: Route[] = [
  { method: 'POST', path: ITEMS, handler: createItem },
  { method: 'PATCH', path: `${ITEMS}/:itemId/fields`, handler: patchFields },
  { method: 'PATCH', path: `${ITEMS}/:itemId`, handler: patchItem },
  { method: 'DELETE', path: `${ITEMS}/:itemId`, handler: deleteItem },
];
