/** `/groups/{id}/sites/root`, `/sites/{id}`, `/sites/{id}/lists` (GET, POST), `/lists/{id}` and `/lists/{id}/columns` (GET, POST, DELETE one). */
import { randomUUID } from 'node:crypto';
import { fail } from '../errors';
import { json, noContent } from '../http';
import { isoSeconds } from '../model/fieldValues';
import { allColumns, columnFromDefinition, type ColumnDoc, type ListDoc } from '../model/lists';
import { requireList, requireSite, type SiteDoc, type TeamDoc } from '../model/teams';
import { identityOf } from '../model/user';
import { evaluateFilter, FilterError, filterProps, parseFilter } from '../odata/filter';
import { parseExpand, parseSelect, parseTop } from '../odata/query';
import type { Route, RouteContext } from '../router';

function renderSite(site: SiteDoc) {
  return {
    createdDateTime: site.createdDateTime,
    description: '',
    id: site.id,
    lastModifiedDateTime: site.createdDateTime,
    name: site.name,
    webUrl: site.webUrl,
    displayName: site.displayName,
    root: {},
    siteCollection: { hostname: new URL(site.webUrl).hostname },
  };
}

export function renderList(list: ListDoc, site: SiteDoc, withColumns: boolean, select?: string[]): Record<string, unknown> {
  const full: Record<string, unknown> = {
    '@odata.etag': `"${list.id},${list.changeSeq}"`,
    createdDateTime: list.createdDateTime,
    description: list.description,
    eTag: `"${list.id},${list.changeSeq}"`,
    id: list.id,
    lastModifiedDateTime: list.lastModifiedDateTime,
    name: list.name,
    webUrl: `${site.webUrl}/Lists/${list.name}`,
    displayName: list.displayName,
    createdBy: list.createdBy,
    // list-create.md shows lastModifiedBy beside createdBy; nothing but its creation modifies a list here.
    lastModifiedBy: list.createdBy,
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
  };
  if (withColumns) full.columns = allColumns(list).map(renderColumn);
  if (!select) return full;
  return Object.fromEntries(Object.entries(full).filter(([key]) => key === '@odata.etag' || select.includes(key) || (key === 'columns' && withColumns)));
}

/**
 * A columnDefinition as Graph returns it: a single-line text column carries every property of its
 * `text` facet (list-list-columns.md, list-post-columns.md), whatever the create request gave.
 */
export function renderColumn(column: ColumnDoc): Record<string, unknown> {
  if (!column.text || column.text.allowMultipleLines) return { ...column };
  return { ...column, text: { appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255, ...column.text } };
}

/** `/sites/{hostname}:/sites/{name}` (site-getbypath.md): the site whose webUrl that is. @throws 404 itemNotFound. */
function siteByPath(ctx: RouteContext) {
  // Without the colon this is not the path form: answer as any unknown segment does (router.ts).
  if (!(ctx.params.hostname as string).endsWith(':')) throw fail.badRequest(`Resource not found for the segment '${ctx.params.collection as string}'.`);
  const host = (ctx.params.hostname as string).replace(/:$/, '');
  const webUrl = `https://${host}/${ctx.params.collection as string}/${ctx.params.siteName as string}`.toLowerCase();
  const site = ctx.state.storage.list<SiteDoc>('site').find((candidate) => candidate.webUrl.toLowerCase() === webUrl);
  if (!site) throw fail.notFound('Requested site could not be found', 'itemNotFound');
  return json(200, renderSite(requireSite(ctx.state.storage, site.id, ctx.user, 'read')));
}

/** The group's site: its members, and the members of groups in the site's Visitors, may read it (model/siteVisitors.ts). */
function groupSite(ctx: RouteContext) {
  const groupId = ctx.params.groupId as string;
  const team = ctx.state.storage.get<TeamDoc>('team', groupId);
  if (!team) throw fail.notFound(`No team found with Group Id ${groupId}`, 'NotFound');
  return json(200, renderSite(requireSite(ctx.state.storage, team.siteId, ctx.user, 'read')));
}

function listLists(ctx: RouteContext) {
  const site = requireSite(ctx.state.storage, ctx.params.siteId as string, ctx.user, 'read');
  const withColumns = parseExpand(ctx.query.get('expand'), ['columns']).length > 0;
  const select = parseSelect(ctx.query.get('select'));
  let lists = ctx.state.storage.list<ListDoc>('list', site.id);
  const filterText = ctx.query.get('filter');
  if (filterText !== undefined) {
    let expr;
    try {
      expr = parseFilter(filterText);
    } catch (error) {
      if (error instanceof FilterError) throw error.reason === 'unsupported' ? fail.notImplemented(error.message) : fail.invalidRequest(error.message);
      throw error;
    }
    const bad = filterProps(expr).find((prop) => prop !== 'displayName' && prop !== 'name');
    if (bad) throw fail.notImplemented(`The emulator filters lists on displayName and name only, not '${bad}'.`);
    lists = lists.filter((list) => evaluateFilter(expr, { value: (p) => (p === 'name' ? list.name : list.displayName), literal: (_p, v) => v }));
  }
  const top = parseTop(ctx.query, 200, 5000, true);
  return json(200, { value: lists.slice(0, top).map((list) => renderList(list, site, withColumns, select)) });
}

function createList(ctx: RouteContext) {
  const site = requireSite(ctx.state.storage, ctx.params.siteId as string, ctx.user, 'write');
  const body = (ctx.req.body ?? {}) as { displayName?: unknown; description?: unknown; columns?: unknown; list?: { template?: unknown } };
  if (typeof body.displayName !== 'string' || body.displayName.trim() === '') throw fail.invalidRequest('A list needs a displayName.');
  const template = body.list?.template ?? 'genericList';
  if (template !== 'genericList') throw fail.notImplemented(`The emulator creates 'genericList' lists only, not '${String(template)}'.`);
  const existing = ctx.state.storage.list<ListDoc>('list', site.id);
  const displayName = body.displayName.trim();
  if (existing.some((list) => list.displayName.toLowerCase() === displayName.toLowerCase()))
    throw fail.conflict('The specified name is already in use.');
  const definitions = body.columns === undefined ? [] : body.columns;
  if (!Array.isArray(definitions)) throw fail.invalidRequest('columns must be an array of column definitions.');
  const columns = definitions.map((definition) => columnFromDefinition(definition, randomUUID()));
  const names = new Set(['Title', 'ID', 'Created', 'Modified']);
  for (const column of columns) {
    if (names.has(column.name)) throw fail.conflict(`A column named '${column.name}' already exists.`);
    names.add(column.name);
  }
  const now = isoSeconds(ctx.state.now());
  const list: ListDoc = {
    id: randomUUID(), siteId: site.id, teamId: site.teamId, name: displayName.replace(/[^A-Za-z0-9]/g, ''), displayName,
    description: typeof body.description === 'string' ? body.description : '', template: 'genericList',
    createdDateTime: now, lastModifiedDateTime: now, createdBy: identityOf(ctx.user), columns, nextItemId: 1, changeSeq: 0, epoch: randomUUID(),
  };
  ctx.state.storage.put('list', list.id, list, site.id);
  return json(201, renderList(list, site, false));
}

function getList(ctx: RouteContext) {
  const site = requireSite(ctx.state.storage, ctx.params.siteId as string, ctx.user, 'read');
  const list = requireList(ctx.state.storage, site, ctx.params.listId as string);
  const withColumns = parseExpand(ctx.query.get('expand'), ['columns']).length > 0;
  return json(200, renderList(list, site, withColumns, parseSelect(ctx.query.get('select'))));
}

function listColumns(ctx: RouteContext) {
  const site = requireSite(ctx.state.storage, ctx.params.siteId as string, ctx.user, 'read');
  return json(200, { value: allColumns(requireList(ctx.state.storage, site, ctx.params.listId as string)).map(renderColumn) });
}

function addColumn(ctx: RouteContext) {
  const site = requireSite(ctx.state.storage, ctx.params.siteId as string, ctx.user, 'write');
  const list = requireList(ctx.state.storage, site, ctx.params.listId as string);
  const column = columnFromDefinition(ctx.req.body, randomUUID());
  if (allColumns(list).some((c) => c.name === column.name)) throw fail.conflict(`A column named '${column.name}' already exists.`);
  ctx.state.storage.put('list', list.id, { ...list, columns: [...list.columns, column], lastModifiedDateTime: isoSeconds(ctx.state.now()) }, site.id);
  return json(201, renderColumn(column));
}

/**
 * `DELETE /sites/{site-id}/lists/{list-id}/columns/{column-id}` (columndefinition-delete.md, 204):
 * removes a custom column, and its values with it, as SharePoint does. Built-in columns cannot go.
 * Tests use it to make a list look as an older release created it.
 */
function deleteColumn(ctx: RouteContext) {
  const site = requireSite(ctx.state.storage, ctx.params.siteId as string, ctx.user, 'write');
  const list = requireList(ctx.state.storage, site, ctx.params.listId as string);
  const id = ctx.params.columnId as string;
  const column = list.columns.find((c) => c.id === id);
  if (!column) {
    if (allColumns(list).some((c) => c.id === id)) throw fail.invalidRequest('A built-in column cannot be deleted.');
    throw fail.notFound('The column was not found.', 'itemNotFound');
  }
  ctx.state.storage.put('list', list.id, { ...list, columns: list.columns.filter((c) => c.id !== id), lastModifiedDateTime: isoSeconds(ctx.state.now()) }, site.id);
  for (const item of ctx.state.storage.list<{ id: string; values: Record<string, unknown> }>('item', list.id)) {
    if (!(column.name in item.values)) continue;
    const values = { ...item.values };
    delete values[column.name];
    ctx.state.storage.put('item', `${list.id}/${item.id}`, { ...item, values }, list.id);
  }
  return noContent();
}

export const siteRoutes: Route[] = [
  { method: 'GET', path: '/v1.0/groups/:groupId/sites/root', query: ['select'], handler: groupSite },
  { method: 'GET', path: '/v1.0/sites/:siteId', query: ['select'], handler: (ctx) => json(200, renderSite(requireSite(ctx.state.storage, ctx.params.siteId as string, ctx.user, 'read'))) },
  { method: 'GET', path: '/v1.0/sites/:hostname/:collection/:siteName', query: ['select'], handler: siteByPath },
  { method: 'GET', path: '/v1.0/sites/:siteId/lists', query: ['select', 'expand', 'filter', 'top'], handler: listLists },
  { method: 'POST', path: '/v1.0/sites/:siteId/lists', handler: createList },
  { method: 'GET', path: '/v1.0/sites/:siteId/lists/:listId', query: ['select', 'expand'], handler: getList },
  { method: 'GET', path: '/v1.0/sites/:siteId/lists/:listId/columns', handler: listColumns },
  { method: 'POST', path: '/v1.0/sites/:siteId/lists/:listId/columns', handler: addColumn },
  { method: 'DELETE', path: '/v1.0/sites/:siteId/lists/:listId/columns/:columnId', handler: deleteColumn },
];
