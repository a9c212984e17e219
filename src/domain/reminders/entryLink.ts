/**
 * Teams deep links that open one register entry in the practice's channel tab, shared by the digest
 * card (service and tab), the activity notifications and the emulator's channel viewer.
 *
 * Format (Teams "deep link to a tab"):
 *   https://teams.microsoft.com/l/entity/{teamsAppId}/{entityId}?label=...&context={"subEntityId":"entry:{id}","channelId":"19:..."}
 * In Teams the tab reads the entry id from `app.getContext()` -> `page.subPageId` ("entry:{id}").
 * Outside Teams (the local server) the same link maps to `/?view=register&entry={id}` (`localEntryPath`).
 */

export const TEAMS_LINK_ORIGIN = 'https://teams.microsoft.com';
export const ENTRY_SUB_ENTITY_PREFIX = 'entry:';

export interface EntryLinkTarget {
  /** The Teams app id from the manifest (`id`), not the Entra app id. */
  readonly teamsAppId: string;
  /** The channel tab's `entityId`, set when the tab was configured. */
  readonly entityId: string;
  /** The channel that holds the tab (`19:...@thread.tacv2`). */
  readonly channelId: string;
}

/** A deep link to the register tab itself, or to one entry when `entryId` is given. */
export function entryDeepLink(target: EntryLinkTarget, entryId?: string, label = 'Digital services register'): string {
  const context: Record<string, string> = { channelId: target.channelId };
  if (entryId !== undefined) context.subEntityId = `${ENTRY_SUB_ENTITY_PREFIX}${entryId}`;
  const query = new URLSearchParams({ label, context: JSON.stringify(context) });
  return `${TEAMS_LINK_ORIGIN}/l/entity/${encodeURIComponent(target.teamsAppId)}/${encodeURIComponent(target.entityId)}?${query.toString()}`;
}

export interface ParsedEntryLink extends EntryLinkTarget {
  /** Null for a link to the tab as a whole. */
  readonly entryId: string | null;
}

/** @returns the parts of a link made by `entryDeepLink`, or null for any other link. */
export function parseEntryDeepLink(link: string): ParsedEntryLink | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.origin !== TEAMS_LINK_ORIGIN) return null;
  const match = /^\/l\/entity\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (!match) return null;
  let context: { channelId?: unknown; subEntityId?: unknown } = {};
  try {
    context = JSON.parse(url.searchParams.get('context') ?? '{}') as typeof context;
  } catch {
    return null;
  }
  const sub = typeof context.subEntityId === 'string' ? context.subEntityId : '';
  return {
    teamsAppId: decodeURIComponent(match[1] as string),
    entityId: decodeURIComponent(match[2] as string),
    channelId: typeof context.channelId === 'string' ? context.channelId : '',
    entryId: sub.startsWith(ENTRY_SUB_ENTITY_PREFIX) ? sub.slice(ENTRY_SUB_ENTITY_PREFIX.length) : null,
  };
}

/** Where the local server's tab opens the same entry: `/?view=register&entry={id}`. */
export function localEntryPath(entryId: string | null): string {
  return entryId === null ? '/?view=register' : `/?${new URLSearchParams({ view: 'register', entry: entryId }).toString()}`;
}
