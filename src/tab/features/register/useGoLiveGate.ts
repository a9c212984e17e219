import { useEffect, useState } from 'react';
import type { RegisterEntry } from '@domain';
import type { EntrySections } from '../../components/entrySections';
import { fieldId } from './EntryFieldControl';

/**
 * The go-live gate from the form's side: a saved entry's move to Live (domain/change: isMovingToLive)
 * is refused while a requirement is missing; the words say which, and how to waive.
 * `allows()` checks before a write and focuses the gate panel when it refuses; once refused, the
 * message follows the draft until the gate is met or waived.
 */
export function useGoLiveGate(sections: EntrySections, savedLifecycle: string | null, draft: RegisterEntry) {
  // Inline rather than importing the gate's module: it loads lazily with the change feature.
  const [text, setText] = useState<string | null>(null);
  const moving = savedLifecycle !== null && savedLifecycle !== 'live' && draft.lifecycle === 'live';
  const check = sections.goLiveBlocked;
  const refused = text !== null;
  useEffect(() => {
    if (!refused) return;
    let live = true;
    void (moving && check ? check(draft) : Promise.resolve(null)).then((next) => live && setText(next));
    return () => {
      live = false;
    };
  }, [refused, moving, check, draft]);
  const allows = async (): Promise<boolean> => {
    const next = moving && check ? await check(draft) : null;
    setText(next);
    if (next) requestAnimationFrame(() => document.getElementById(fieldId('goLiveWaivers'))?.focus());
    return next === null;
  };
  return { text, allows };
}
