/** List item reads: list (filter, orderby, top, paging), get, versions, delta. */
import { GraphHttpError } from '../errors';
import { json } from '../http';
import { assertDeltaTokenLive, deltaGeneration } from '../model/deltaTokens';
import type { ItemDoc } from '../model/items';
import { queryItems, renderItem, renderVersion } from '../model/itemView';
import type { ListDoc } from '../model/lists';
import { requireList, requireSite, type SiteAccess, type SiteDoc } from '../model/teams';
import { decodeSkipToken, encodeSkipToken, nextLinkFor, parseExpand, parseTop, type ExpandClause } from '../odata/query';
import type { Route, RouteContext } from '../router';

export const DEFAULT_ITEM_PAGE = 200;
export const MAX_ITEM_PAGE = 5000;

/** The site and list of an item route, after the 403/404 checks (a visitor may only `read`: model/teams.ts). */
export function locate(ctx: RouteContext, access: SiteAccess): { site: SiteDoc; list: ListDoc } {
  const site = requireSite(ctx.state.storage, ctx.params.siteId as string, ctx.user, access);
  return { site, list: requireList(ctx.state.storage, site, ctx.params.listId as string) };
}

function fieldsExpand(ctx: RouteContext): ExpandClause | undefined {
  return parseExpand(ctx.query.get('expand'), ['fields']).find((clause) => clause.name === 'fields');
}

function listItems(ctx: RouteContext) {
  const { site, list } = locate(ctx, 'read');
  const fields = fieldsExpand(ctx);
  const top = parseTop(ctx.query, DEFAULT_ITEM_PAGE, MAX_ITEM_PAGE, true, 'invalidRequest');
  const orderby = ctx.query.get('orderby');
  const matching = queryItems(list, ctx.state.items.list(list.id), { filter: ctx.query.get('filter'), orderby, prefer: ctx.req.headers.prefer });
  const token = ctx.query.get('skiptoken');
  let start = 0;
  if (token !== undefined) {
    const state = decodeSkipToken<{ a?: number; o?: number }>(token);
    start = orderby === undefined ? matching.findIndex((item) => Number(item.id) > (state.a ?? 0)) : (state.o ?? 0);
    if (start < 0) start = matching.length;
  }
  const page = matching.slice(start, start + top);
  const body: Record<string, unknown> = { value: page.map((item) => renderItem(list, site, item, fields, ctx.state.strictness.etagFormat)) };
  const last = page[page.length - 1];
  if (last && start + top < matching.length) {
    const next = orderby === undefined ? { a: Number(last.id) } : { o: start + top };
    body['@odata.nextLink'] = nextLinkFor(ctx.req.origin, ctx.req.pathAndQuery, encodeSkipToken(next));
  }
  return json(200, body);
}

function getItem(ctx: RouteContext) {
  const { site, list } = locate(ctx, 'read');
  const item = ctx.state.items.require(list.id, ctx.params.itemId as string);
  return json(200, renderItem(list, site, item, fieldsExpand(ctx) ?? 'all', ctx.state.strictness.etagFormat));
}

function getFields(ctx: RouteContext) {
  const { site, list } = locate(ctx, 'read');
  const item = ctx.state.items.require(list.id, ctx.params.itemId as string);
  return json(200, renderItem(list, site, item, 'all', ctx.state.strictness.etagFormat).fields);
}

function versions(ctx: RouteContext) {
  const { list } = locate(ctx, 'read');
  const item = ctx.state.items.require(list.id, ctx.params.itemId as string);
  const withFields = fieldsExpand(ctx) !== undefined;
  return json(200, { value: ctx.state.items.versions(list.id, item.id).map((v) => renderVersion(list, item, v, withFields, ctx.state.strictness.etagFormat)) });
}

function versionFields(ctx: RouteContext) {
  const { list } = locate(ctx, 'read');
  const item = ctx.state.items.require(list.id, ctx.params.itemId as string);
  const wanted = (ctx.params.versionId as string).replace(/\.0$/, '');
  const version = ctx.state.items.versions(list.id, item.id).find((v) => String(v.version) === wanted);
  if (!version) throw new GraphHttpError(404, 'itemNotFound', 'The specified version was not found.');
  const rendered = renderVersion(list, item, version, true, ctx.state.strictness.etagFormat);
  return json(200, ctx.params.part === 'fields' ? rendered.fields : rendered);
}

interface DeltaState {
  /** Changes after this sequence number... */
  s: number;
  /** ...up to this one (fixed at the first page). */
  u: number;
  e: string;
  /** Full enumeration: no tombstones. */
  f?: boolean;
  /** When the token was issued (ms since the epoch), and in which generation: tokens expire (model/deltaTokens.ts). */
  i?: number;
  g?: number;
}

/** @throws GraphHttpError 410 resyncRequired for a token this list did not issue (or an older epoch). */
function delta(ctx: RouteContext) {
  const { site, list } = locate(ctx, 'read');
  const fields = fieldsExpand(ctx);
  const top = parseTop(ctx.query, DEFAULT_ITEM_PAGE, MAX_ITEM_PAGE, true, 'invalidRequest');
  const base = `${ctx.req.origin}/v1.0/sites/${encodeURIComponent(site.id)}/lists/${list.id}/items/delta`;
  const issued = ctx.state.now().getTime();
  const generation = deltaGeneration(ctx.state);
  const linkWith = (state: DeltaState) => {
    const url = new URL(ctx.req.pathAndQuery, ctx.req.origin);
    for (const key of [...url.searchParams.keys()]) if (/^\$?(skiptoken|token)$/i.test(key)) url.searchParams.delete(key);
    url.searchParams.set('token', encodeSkipToken({ ...state, i: state.i ?? issued, g: state.g ?? generation }));
    return `${base}?${url.searchParams.toString()}`;
  };
  const raw = ctx.query.get('skiptoken') ?? ctx.query.get('token');
  if (raw === 'latest') return json(200, { value: [], '@odata.deltaLink': linkWith({ s: list.changeSeq, u: list.changeSeq, e: list.epoch }) });
  let state: DeltaState = { s: 0, u: list.changeSeq, e: list.epoch, f: true };
  if (raw !== undefined) {
    let parsed: DeltaState | undefined;
    try {
      parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as DeltaState;
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.e !== list.epoch || typeof parsed.s !== 'number' || parsed.s > list.changeSeq)
      throw new GraphHttpError(410, 'resyncRequired', 'The delta token is expired or unknown. Resync is required.', { Location: base });
    assertDeltaTokenLive(ctx.state, parsed.i, parsed.g, base);
    // A new round of changes is a new token; the pages of one round keep the round's issue time.
    state = { ...parsed, u: ctx.query.has('skiptoken') ? parsed.u : list.changeSeq, i: ctx.query.has('skiptoken') ? parsed.i : undefined, g: ctx.query.has('skiptoken') ? parsed.g : undefined };
  }
  type Change = { seq: number; item?: ItemDoc; deletedId?: string };
  const changes: Change[] = ctx.state.items.list(list.id).filter((i) => i.seq > state.s && i.seq <= state.u).map((item) => ({ seq: item.seq, item }));
  if (!state.f) for (const t of ctx.state.items.tombstones(list.id)) if (t.seq > state.s && t.seq <= state.u) changes.push({ seq: t.seq, deletedId: t.id });
  changes.sort((a, b) => a.seq - b.seq);
  const page = changes.slice(0, top);
  const value = page.map((c) => (c.item ? renderItem(list, site, c.item, fields, ctx.state.strictness.etagFormat) : { id: c.deletedId, deleted: { state: 'deleted' } }));
  const last = page[page.length - 1];
  if (last && changes.length > top) {
    const url = new URL(linkWith({ ...state, s: last.seq }));
    url.searchParams.set('$skiptoken', url.searchParams.get('token') as string);
    url.searchParams.delete('token');
    return json(200, { value, '@odata.nextLink': url.toString() });
  }
  return json(200, { value, '@odata.deltaLink': linkWith({ s: state.u, u: state.u, e: list.epoch }) });
}

const ITEMS = '/v1.0/sites/:siteId/lists/:listId/items';

export const itemReadRoutes: Route[] = [
  { method: 'GET', path: ITEMS, query: ['expand', 'filter', 'orderby', 'top', 'skiptoken'], handler: listItems },
  { method: 'GET', path: `${ITEMS}/delta`, query: ['token', 'expand', 'top', 'skiptoken'], handler: delta },
  { method: 'GET', path: `${ITEMS}/:itemId`, query: ['expand'], handler: getItem },
  { method: 'GET', path: `${ITEMS}/:itemId/fields`, handler: getFields },
  { method: 'GET', path: `${ITEMS}/:itemId/versions`, query: ['expand'], handler: versions },
  { method: 'GET', path: `${ITEMS}/:itemId/versions/:versionId`, query: ['expand'], handler: (ctx) => versionFields({ ...ctx, params: { ...ctx.params, part: 'version' } }) },
  { method: 'GET', path: `${ITEMS}/:itemId/versions/:versionId/fields`, handler: (ctx) => versionFields({ ...ctx, params: { ...ctx.params, part: 'fields' } }) },
];
