/**
 * The entry id a deep link names. Teams hands a deep link's subEntityId to the tab exactly as written
 * (context `page.subPageId`), and the reminders write it as `entry:{id}`
 * (src/domain/reminders/entryLink.ts), so the tab strips its own prefix before comparing ids; the
 * local channel viewer passes the same text on as the `entry` URL parameter.
 */
import { ENTRY_SUB_ENTITY_PREFIX } from '@domain/reminders';

/** `entry:42` -> `42`; a bare id (older links, the tab's own `?entry=42`) as it is; null for anything else. */
export function entryIdFromSubEntity(subEntityId: string | null | undefined): string | null {
  const value = (subEntityId ?? '').trim();
  const id = value.startsWith(ENTRY_SUB_ENTITY_PREFIX) ? value.slice(ENTRY_SUB_ENTITY_PREFIX.length) : value;
  return /^[A-Za-z0-9-]{1,64}$/.test(id) ? id : null;
}
