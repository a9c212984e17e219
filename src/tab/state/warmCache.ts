/**
 * The warm start: the last loaded register of the signed-in user, kept in sessionStorage (this
 * browser tab only; gone when it closes) so reopening the tab renders at once, before any request,
 * and a delta query then brings it up to date. Scoped by user: another sign-in never sees it, and
 * sign-out clears every copy (`clearWarmCaches`). When the register is too big for storage, only
 * the location is kept, so a reopen still skips the team and site look-ups.
 */
import type { StoredEntry } from '@domain';
import type { Workspace } from './workspace';

const PREFIX = 'dsr.warm.v1.';

export interface WarmRecord {
  readonly workspace: Omit<Workspace, 'initial' | 'cacheKey'>;
  /** Absent when only the location could be kept. */
  readonly entries?: readonly StoredEntry[];
  readonly deltaLink?: string;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function readWarm(userKey: string): WarmRecord | null {
  try {
    const text = storage()?.getItem(PREFIX + userKey.toLowerCase());
    const record = text ? (JSON.parse(text) as WarmRecord) : null;
    return record?.workspace?.location ? record : null;
  } catch {
    return null;
  }
}

/** Saves `record`; when storage is full, keeps the location only. Never throws. */
export function writeWarm(userKey: string, record: WarmRecord): void {
  const store = storage();
  const key = PREFIX + userKey.toLowerCase();
  try {
    store?.setItem(key, JSON.stringify(record));
  } catch {
    try {
      store?.setItem(key, JSON.stringify({ workspace: record.workspace }));
    } catch {
      // Storage unavailable: the next start is simply cold.
    }
  }
}

/** Removes every user's warm copy (on sign-out). */
export function clearWarmCaches(): void {
  const store = storage();
  if (!store) return;
  for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key);
}
