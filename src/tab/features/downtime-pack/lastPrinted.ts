/**
 * When the downtime pack was last printed, remembered in this browser (localStorage, one key per
 * register list). Limitation, stated in docs/import-export.md: another person's browser does not
 * see it; a SharePoint settings item would share it with the whole practice (not built yet).
 * Storage may be blocked (private windows, some Teams clients): then nothing is remembered.
 */
import { useCallback, useState } from 'react';

function keyFor(listId: string): string {
  return `dsr:downtime-pack-printed:${listId}`;
}

function read(listId: string): string | null {
  try {
    const value = window.localStorage.getItem(keyFor(listId));
    return value !== null && !Number.isNaN(Date.parse(value)) ? value : null;
  } catch {
    return null;
  }
}

export function useLastPrinted(listId: string): { lastPrinted: string | null; markPrinted: (at: Date) => void } {
  const [lastPrinted, setLastPrinted] = useState(() => read(listId));
  const markPrinted = useCallback(
    (at: Date) => {
      const iso = at.toISOString();
      try {
        window.localStorage.setItem(keyFor(listId), iso);
      } catch {
        // Not remembered; the pack still prints.
      }
      setLastPrinted(iso);
    },
    [listId],
  );
  return { lastPrinted, markPrinted };
}
