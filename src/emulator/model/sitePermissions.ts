/**
 * Sites.Selected grants: which apps a site admits, with which role (concepts/permissions-selected-
 * overview.md). An app consented Sites.Selected reaches a site only after
 * `POST /sites/{id}/permissions` grants it `read`, `write`, `owner` or `fullcontrol`; a delegated
 * call through the app gets the intersection of the app's grant and the user's own access.
 *
 * What each role allows here:
 *   read          read the site, its lists, columns and items
 *   write         also create, update and delete items ("read and modify the metadata and contents")
 *   owner         also create lists and columns: `write` does not include SharePoint's Manage Lists
 *                 (Contributors "cannot create new lists"; list-create.md needs Sites.Manage.All), and
 *                 the overview names owner and fullcontrol for managing lists
 *   fullcontrol   everything owner may
 * Granting itself needs Sites.FullControl.All (site-post-permissions.md), never a grant.
 */
import type { Storage } from '../storage/types';

export const SITE_ROLES = ['read', 'write', 'owner', 'fullcontrol'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

/** What a request needs on a site. */
export type SiteNeed = 'read' | 'write' | 'manage';

export interface SitePermissionDoc {
  id: string;
  siteId: string;
  roles: SiteRole[];
  application: { id: string; displayName: string };
}

const RANK: Record<SiteRole, number> = { read: 1, write: 2, owner: 3, fullcontrol: 4 };
const NEEDED: Record<SiteNeed, number> = { read: 1, write: 2, manage: 3 };

export function grantsOf(storage: Storage, siteId: string): SitePermissionDoc[] {
  return storage.list<SitePermissionDoc>('sitePermission', siteId);
}

/** True when the app's grant on the site allows `need`. */
export function grantAllows(storage: Storage, siteId: string, appId: string, need: SiteNeed): boolean {
  const best = Math.max(0, ...grantsOf(storage, siteId).filter((g) => g.application.id === appId).flatMap((g) => g.roles.map((r) => RANK[r] ?? 0)));
  return best >= NEEDED[need];
}

/** What a tenant-wide Sites.* permission allows (permissions reference): Read < ReadWrite < Manage < FullControl. */
export function tenantWideAllows(permissions: readonly string[], need: SiteNeed): boolean {
  const rank = Math.max(0, ...permissions.map((p) => ({ 'Sites.Read.All': 1, 'Sites.ReadWrite.All': 2, 'Sites.Manage.All': 3, 'Sites.FullControl.All': 4 })[p] ?? 0));
  return rank >= NEEDED[need];
}

export function putGrant(storage: Storage, grant: SitePermissionDoc): void {
  storage.put('sitePermission', `${grant.siteId}/${grant.id}`, grant, grant.siteId);
}

export function deleteGrant(storage: Storage, siteId: string, id: string): void {
  storage.delete('sitePermission', `${siteId}/${id}`);
}
