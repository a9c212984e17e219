/**
 * How list items look over Graph, and the list-item query rules: `$filter`/`$orderby` on
 * `fields/X` need an indexed column unless `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`.
 */
import { fail } from '../errors';
import { evaluateFilter, FilterError, filterProps, parseFilter, type FilterExpr } from '../odata/filter';
import type { ExpandClause } from '../odata/query';
import { comparable } from './fieldValues';
import { findColumn, type ListDoc } from './lists';
import { eTagOf, type ItemDoc, type VersionDoc } from './items';
import type { SiteDoc } from './teams';

export const HONOR_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

type Values = Pick<ItemDoc, 'id' | 'values' | 'createdDateTime' | 'lastModifiedDateTime' | 'version'>;

/**
 * The fieldValueSet's own eTag. Graph gives a list item two: the item's `eTag` (and `@odata.etag`)
 * `"{GUID},N"`, and its fields' `@odata.etag` `"guid,N"` (lower case, no braces), as list items
 * come back from SharePoint. With `etagFormat` off both are the item's format.
 */
export function fieldsETagOf(item: Pick<ItemDoc, 'guid' | 'version'>, etagFormat = true): string {
  return etagFormat ? `"${item.guid.toLowerCase()},${item.version}"` : eTagOf(item);
}

/** The fieldValueSet: `@odata.etag`, then the selected (or all non-empty) fields. */
export function renderFields(list: ListDoc, item: Values & { guid: string }, select?: readonly string[], etagFormat = true): Record<string, unknown> {
  const all: Record<string, unknown> = {
    '@odata.etag': fieldsETagOf(item, etagFormat),
    Title: item.values.Title,
    ...item.values,
    id: item.id,
    ContentType: 'Item',
    Modified: item.lastModifiedDateTime,
    Created: item.createdDateTime,
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
  };
  const out: Record<string, unknown> = { '@odata.etag': all['@odata.etag'] };
  const names = select ?? Object.keys(all);
  for (const name of names) {
    if (select && !findColumn(list, name) && !(name in all)) throw fail.invalidRequest(`Field '${name}' is not recognized`);
    if (all[name] !== undefined && all[name] !== null) out[name] = all[name];
  }
  return out;
}

export function renderItem(list: ListDoc, site: SiteDoc, item: ItemDoc, fields: ExpandClause | undefined | 'all', etagFormat = true): Record<string, unknown> {
  const out: Record<string, unknown> = {
    '@odata.etag': eTagOf(item),
    createdDateTime: item.createdDateTime,
    eTag: eTagOf(item),
    id: item.id,
    lastModifiedDateTime: item.lastModifiedDateTime,
    webUrl: `${site.webUrl}/Lists/${list.name}/${item.id}_.000`,
    createdBy: item.createdBy,
    lastModifiedBy: item.lastModifiedBy,
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: '0x0100', name: 'Item' },
  };
  if (fields) out.fields = renderFields(list, item, fields === 'all' ? undefined : fields.select, etagFormat);
  return out;
}

export function renderVersion(list: ListDoc, item: ItemDoc, version: VersionDoc, withFields: boolean, etagFormat = true): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: `${version.version}.0`,
    lastModifiedDateTime: version.lastModifiedDateTime,
    lastModifiedBy: version.lastModifiedBy,
  };
  if (withFields) {
    const snapshot = { ...item, values: version.values, version: version.version, lastModifiedDateTime: version.lastModifiedDateTime };
    out.fields = renderFields(list, snapshot, undefined, etagFormat);
  }
  return out;
}

function preferHonoured(prefer: string | undefined): boolean {
  return (prefer ?? '').split(',').some((part) => part.trim().toLowerCase() === HONOR_NON_INDEXED.toLowerCase());
}

/** @throws GraphHttpError 400 for an unknown field, or a non-indexed one without the Prefer header. */
function fieldOf(list: ListDoc, prop: string, prefer: string | undefined): string {
  const name = prop.startsWith('fields/') ? prop.slice('fields/'.length) : prop === 'id' ? 'ID' : undefined;
  if (!name) throw fail.notImplemented(`The emulator filters and sorts list items on fields/<column> only, not '${prop}'.`);
  const column = findColumn(list, name);
  if (!column) throw fail.invalidRequest(`Field '${name}' is not recognized`);
  if (!column.indexed && !preferHonoured(prefer))
    throw fail.invalidRequest(
      `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${HONOR_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`,
    );
  return column.name;
}

function valueOf(list: ListDoc, item: ItemDoc, name: string): unknown {
  const column = findColumn(list, name);
  const raw = name === 'ID' ? Number(item.id) : name === 'Created' ? item.createdDateTime : name === 'Modified' ? item.lastModifiedDateTime : item.values[name];
  return comparable(column, raw);
}

export interface ItemQuery {
  readonly filter?: string;
  readonly orderby?: string;
  readonly prefer?: string;
}

/** Items matching `$filter`, sorted by `$orderby` (then by id). */
export function queryItems(list: ListDoc, items: ItemDoc[], query: ItemQuery): ItemDoc[] {
  let result = items;
  if (query.filter !== undefined) {
    let expr: FilterExpr;
    try {
      expr = parseFilter(query.filter);
    } catch (error) {
      if (error instanceof FilterError)
        throw error.reason === 'unsupported' ? fail.notImplemented(error.message) : fail.invalidRequest(`Invalid filter clause: ${error.message}`);
      throw error;
    }
    const names = new Map(filterProps(expr).map((prop) => [prop, fieldOf(list, prop, query.prefer)]));
    result = result.filter((item) =>
      evaluateFilter(expr, {
        value: (prop) => valueOf(list, item, names.get(prop) as string),
        literal: (prop, literal) => comparable(findColumn(list, names.get(prop) as string), literal),
      }),
    );
  }
  const byId = (a: ItemDoc, b: ItemDoc) => Number(a.id) - Number(b.id);
  if (query.orderby === undefined) return [...result].sort(byId);
  const keys = query.orderby.split(',').map((part) => {
    const [prop, direction, extra] = part.trim().split(/\s+/);
    if (!prop || extra !== undefined || (direction && !/^(asc|desc)$/i.test(direction))) throw fail.invalidRequest(`Invalid $orderby clause '${part}'.`);
    return { name: fieldOf(list, prop, query.prefer), sign: direction?.toLowerCase() === 'desc' ? -1 : 1 };
  });
  return [...result].sort((a, b) => {
    for (const { name, sign } of keys) {
      const x = valueOf(list, a, name) as string | number | null;
      const y = valueOf(list, b, name) as string | number | null;
      if (x === y) continue;
      if (x === null) return -sign;
      if (y === null) return sign;
      const order = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y, 'en', { sensitivity: 'base' }) : x < y ? -1 : 1;
      if (order !== 0) return sign * order;
    }
    return byId(a, b);
  });
}
