/**
 * What a linked entry reads: the PCN's entry, kept once in the PCN's register, with the practice's
 * own local fields and the practice's item (id, eTag) kept. So the practice's flags, review status,
 * ten questions and exports all read the PCN's live values, and a review at the PCN updates what
 * every member practice sees (issue 18).
 */
import type { RegisterEntry, StoredEntry } from '../entry';
import { isLinked, parseSharedFrom, type SharedLink } from './sharedLink';

/**
 * The fields that stay the practice's own on a linked entry. `dependsOn` names entries of the
 * practice's register by item id, so the PCN's (ids in another list) would point at the wrong rows.
 */
export const LOCAL_FIELDS = ['sharedFrom', 'localContact', 'localAccessProcess', 'localNotes', 'dependsOn'] as const satisfies ReadonlyArray<keyof RegisterEntry>;

/** What a row says when the PCN's entry could not be read (no access, deleted, throttled). */
export const SHARED_UNAVAILABLE_TEXT = 'PCN entry unavailable';

/** own: the practice keeps it; linked: reads the PCN's entry; unavailable: linked, but the PCN's entry could not be read. */
export type SharedState = 'own' | 'linked' | 'unavailable';

/**
 * @param shared the PCN's entry, or null when it could not be read: then the local values (the copy
 *   made when it was linked) are kept and the row says `SHARED_UNAVAILABLE_TEXT`.
 */
export function resolveShared(local: StoredEntry, shared: StoredEntry | null): StoredEntry {
  if (shared === null || !isLinked(local.entry)) return local;
  const own = Object.fromEntries(LOCAL_FIELDS.map((field) => [field, local.entry[field]])) as Pick<RegisterEntry, (typeof LOCAL_FIELDS)[number]>;
  return { ...local, entry: { ...shared.entry, ...own, provision: 'pcn-shared' } };
}

/** The state of one entry of the practice's register, given the PCN entries that were read (by `sharedKey`). */
export function sharedStateOf(local: RegisterEntry, shared: ReadonlyMap<string, StoredEntry>): SharedState {
  const link = parseSharedFrom(local.sharedFrom);
  if (link === null) return 'own';
  return shared.has(sharedKey(link)) ? 'linked' : 'unavailable';
}

/** The key a read PCN entry is held under: its site and item id. */
export function sharedKey(link: SharedLink): string {
  return `${link.siteId}|${link.itemId}`;
}

/** The PCN item ids a register links to, by PCN site id (one batched read per site). */
export function linkedItemsBySite(entries: readonly StoredEntry[]): Map<string, string[]> {
  const bySite = new Map<string, string[]>();
  for (const stored of entries) {
    const link = parseSharedFrom(stored.entry.sharedFrom);
    if (link === null) continue;
    const items = bySite.get(link.siteId) ?? [];
    if (!items.includes(link.itemId)) items.push(link.itemId);
    bySite.set(link.siteId, items);
  }
  return bySite;
}

/** Every entry resolved against the PCN entries that were read (`sharedKey` -> entry). */
export function resolveRegister(entries: readonly StoredEntry[], shared: ReadonlyMap<string, StoredEntry>): StoredEntry[] {
  return entries.map((stored) => {
    const link = parseSharedFrom(stored.entry.sharedFrom);
    return link === null ? stored : resolveShared(stored, shared.get(sharedKey(link)) ?? null);
  });
}
