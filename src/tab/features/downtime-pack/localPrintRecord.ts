/**
 * FALLBACK ONLY: the print record kept in this browser's localStorage (one key per register list).
 * Used when the shared settings list (src/graph/register/registerSettings.ts) cannot be read, written or
 * created, e.g. the app's site grant or the person's rights do not allow it. Another person's
 * browser does not see it, and the page says so whenever it is in use. Storage may itself be
 * blocked (private windows, some Teams clients): then nothing is remembered.
 */
import { parsePrintRecord, type PrintRecord } from '@domain/export';

function keyFor(listId: string): string {
  return `dsr:downtime-pack-printed:${listId}`;
}

export function readLocalPrintRecord(listId: string): PrintRecord | null {
  try {
    return parsePrintRecord(JSON.parse(window.localStorage.getItem(keyFor(listId)) ?? 'null'));
  } catch {
    return null;
  }
}

/** @returns false when the browser refused to store it. */
export function writeLocalPrintRecord(listId: string, record: PrintRecord): boolean {
  try {
    window.localStorage.setItem(keyFor(listId), JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** Removes every register's local print record (on sign-out: a shared PC keeps nothing of the last person's). */
export function clearLocalPrintRecords(): void {
  try {
    const store = window.localStorage;
    for (const key of Object.keys(store)) if (key.startsWith('dsr:downtime-pack-printed:')) store.removeItem(key);
  } catch {
    // Storage blocked: nothing was kept.
  }
}
