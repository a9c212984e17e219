/** The Graph `listItem` and `listItemVersion` JSON the register store reads, and their mapping to entries. */
import type { EmailIdentity, IdentitySet, ListItem as GraphListItem, ListItemVersion as GraphListItemVersion } from '@microsoft/microsoft-graph-types';
import type { StoredEntry } from '@domain';
import { fieldsToEntry, type ListItemFields } from '@domain';
import type { EntryVersion } from '../types';

/**
 * The item and version as the register reads them: Microsoft's published payload types
 * (`@microsoft/microsoft-graph-types`), with the id always present and `fields` as the register's own
 * column map (Graph types `fields` as an open `fieldValueSet`).
 */
export type ListItem = Pick<GraphListItem, 'eTag' | 'createdDateTime' | 'lastModifiedDateTime' | 'createdBy' | 'lastModifiedBy'> & {
  id: string;
  fields?: ListItemFields;
};

export type ListItemVersion = Pick<GraphListItemVersion, 'lastModifiedDateTime' | 'lastModifiedBy'> & {
  id: string;
  fields?: ListItemFields;
};

function nameOf(identity: IdentitySet | null | undefined): string {
  // SharePoint may give the user's email beside (or instead of) a display name: read it when there.
  const user = identity?.user as EmailIdentity | null | undefined;
  return user?.displayName || user?.email || identity?.application?.displayName || '';
}

/**
 * The item's `eTag` exactly as Graph gave it (quotes included): the value Graph documents for
 * `If-Match` on listItem update and delete (api-reference/v1.0/api/listitem-update.md,
 * listitem-delete.md). The fields' `@odata.etag` is another format (SharePoint sends it without the
 * braces), so it is never used, and never chained from a PATCH response.
 */
export function eTagOf(item: ListItem): string {
  if (typeof item.eTag !== 'string' || item.eTag === '') throw new Error(`List item ${item.id} came without an eTag.`);
  return item.eTag;
}

export function toStoredEntry(item: ListItem): StoredEntry {
  return {
    id: item.id,
    eTag: eTagOf(item),
    entry: fieldsToEntry(item.fields ?? {}),
    createdAt: item.createdDateTime ?? '',
    createdBy: nameOf(item.createdBy),
    modifiedAt: item.lastModifiedDateTime ?? '',
    modifiedBy: nameOf(item.lastModifiedBy),
  };
}

export function toEntryVersion(version: ListItemVersion): EntryVersion {
  return {
    versionLabel: version.id,
    modifiedAt: version.lastModifiedDateTime ?? '',
    modifiedBy: nameOf(version.lastModifiedBy),
    entry: fieldsToEntry(version.fields ?? {}),
  };
}

/** Newest first: by time, then by version label ("2.0" after "1.0") for writes in the same second. */
export function newestFirst(a: EntryVersion, b: EntryVersion): number {
  const byTime = Date.parse(b.modifiedAt || '0') - Date.parse(a.modifiedAt || '0');
  return byTime !== 0 && !Number.isNaN(byTime) ? byTime : Number(b.versionLabel) - Number(a.versionLabel);
}
