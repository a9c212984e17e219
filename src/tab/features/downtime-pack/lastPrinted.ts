/**
 * When the downtime pack was last printed, and which version of each card was printed, remembered
 * in this browser (localStorage, one key per register list). Limitation, stated in
 * docs/import-export.md: another person's browser does not see it; a SharePoint settings item would
 * share it with the whole practice (not built yet). Storage may be blocked (private windows, some
 * Teams clients): then nothing is remembered.
 */
import { useCallback, useState } from 'react';
import type { PrintRecord } from '../../../domain/export';

function keyFor(listId: string): string {
  return `dsr:downtime-pack-printed:${listId}`;
}

function read(listId: string): PrintRecord | null {
  try {
    const value = JSON.parse(window.localStorage.getItem(keyFor(listId)) ?? 'null') as PrintRecord | null;
    return value && typeof value.printedAt === 'string' && typeof value.versions === 'object' && value.versions !== null ? value : null;
  } catch {
    return null;
  }
}

export function useLastPrinted(listId: string): { lastPrinted: PrintRecord | null; markPrinted: (record: PrintRecord) => void } {
  const [lastPrinted, setLastPrinted] = useState(() => read(listId));
  const markPrinted = useCallback(
    (record: PrintRecord) => {
      try {
        window.localStorage.setItem(keyFor(listId), JSON.stringify(record));
      } catch {
        // Not remembered; the pack still prints.
      }
      setLastPrinted(record);
    },
    [listId],
  );
  return { lastPrinted, markPrinted };
}
