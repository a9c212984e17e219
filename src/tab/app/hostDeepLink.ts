/**
 * Deep links to one register entry. In a plain browser the link is `?entry=<id>`; in Teams it is a
 * deep link whose subEntityId is `entry:<id>` (src/domain/reminders/entryLink.ts). Teams hands the
 * subEntityId to the tab exactly as written (context `page.subPageId`), so the tab strips its own
 * `entry:` prefix before comparing ids. Both end up as the `entry` URL parameter, which the register
 * reads, opens once, then removes.
 */
import { entryIdFromSubEntity } from '../state/deepLinkEntry';
import { ENTRY_PARAM } from '../state/registerFilters';
import type { Host } from '../teams/detectHost';

/** Copies a Teams deep link's entry id into the URL (unless the URL names one already). */
export function applyHostDeepLink(host: Host, win: Window = window): void {
  const entryId = host.kind === 'teams' ? entryIdFromSubEntity(host.subEntityId) : null;
  if (!entryId) return;
  const url = new URL(win.location.href);
  if (url.searchParams.has(ENTRY_PARAM)) return;
  url.searchParams.set(ENTRY_PARAM, entryId);
  win.history.replaceState(win.history.state, '', url);
}

/** The entry a deep link asks for, or null (read-only; the register consumes it). */
export function requestedEntryId(host: Host, search: string = window.location.search): string | null {
  return new URLSearchParams(search).get(ENTRY_PARAM) ?? (host.kind === 'teams' ? entryIdFromSubEntity(host.subEntityId) : null);
}

/** True when this page is the tab's configuration page: Teams' settings frame or `?view=config`. */
export function isTabSetupPage(host: Host, search: string = window.location.search): boolean {
  return (host.kind === 'teams' && host.frameContext === 'settings') || new URLSearchParams(search).get('view') === 'config';
}
