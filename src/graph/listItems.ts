/** The Graph `listItem` and `listItemVersion` JSON the register store reads, and their mapping to entries. */
import type { StoredEntry } from '../domain/entry';
import { fieldsToEntry, type ListItemFields } from './registerFields';
import type { EntryVersion } from './types';

interface IdentitySet {
  user?: { id?: string; displayName?: string; email?: string };
  application?: { id?: string; displayName?: string };
}

export interface ListItem {
  id: string;
  eTag?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  createdBy?: IdentitySet;
  lastModifiedBy?: IdentitySet;
  fields?: ListItemFields;
}

export interface ListItemVersion {
  id: string;
  lastModifiedDateTime?: string;
  lastModifiedBy?: IdentitySet;
  fields?: ListItemFields;
}

function nameOf(identity: IdentitySet | undefined): string {
  return identity?.user?.displayName || identity?.user?.email || identity?.application?.displayName || '';
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
