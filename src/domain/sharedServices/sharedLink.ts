/**
 * The link from a practice's register entry to the entry its PCN keeps once (issue 18), held in one
 * text column as `<PCN site id>|<PCN entry's list item id>`. A Graph site id is
 * `{hostname},{site collection id},{web id}` and a list item id is a number, so neither holds '|'.
 */
import type { RegisterEntry } from '../entry';

export interface SharedLink {
  /** The PCN team's SharePoint site id (the network site). */
  readonly siteId: string;
  /** The list item id of the entry in the PCN's own register. */
  readonly itemId: string;
}

const SEPARATOR = '|';

/** @returns the link, or null for '' (an entry the practice keeps itself) or text that is not a link. */
export function parseSharedFrom(text: unknown): SharedLink | null {
  if (typeof text !== 'string') return null;
  const parts = text.trim().split(SEPARATOR);
  if (parts.length !== 2) return null;
  const [siteId = '', itemId = ''] = parts.map((part) => part.trim());
  if (siteId === '' || itemId === '') return null;
  return { siteId, itemId };
}

/** @throws RangeError when a part is empty or holds the separator (a programming mistake). */
export function formatSharedFrom(link: SharedLink): string {
  for (const part of [link.siteId, link.itemId]) {
    if (part.trim() === '' || part.includes(SEPARATOR)) throw new RangeError(`Not a shared-service link part: "${part}"`);
  }
  return `${link.siteId.trim()}${SEPARATOR}${link.itemId.trim()}`;
}

/** An entry that reads its PCN's entry rather than keeping its own values. */
export function isLinked(entry: Pick<RegisterEntry, 'sharedFrom'>): boolean {
  return parseSharedFrom(entry.sharedFrom) !== null;
}

/** @returns true when `link` names the same PCN entry as `other`. */
export function sameLink(link: SharedLink, other: SharedLink): boolean {
  return link.siteId === other.siteId && link.itemId === other.itemId;
}
