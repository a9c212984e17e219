/**
 * Puts keyboard focus back on the control that opened a dialog once the dialog has gone (WCAG 2.4.3).
 * Fluent returns focus to a `DialogTrigger`, but the entry dialog is opened from table rows and
 * buttons through state, and without this focus falls to the page body when the dialog closes:
 * the next Tab then lands wherever the browser's starting point was (often a toast), not where the
 * user was working.
 *
 * The opener is read when `open` turns true, before the dialog moves focus into itself. It may sit
 * inside another dialog (History, Retire and Delete open from the entry dialog): focus then returns
 * there, so Escape closes the entry dialog next, as a keyboard user expects.
 */
import { useEffect, useRef } from 'react';

const MAX_FRAMES = 60;

function insideDialog(element: Element | null): boolean {
  return element?.closest('[role="dialog"], [role="alertdialog"]') != null;
}

export function useFocusReturn(open: boolean): void {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  if (open && !wasOpen.current && typeof document !== 'undefined') {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }

  useEffect(() => {
    const closing = wasOpen.current && !open;
    wasOpen.current = open;
    if (!closing) return;
    let frames = 0;
    let handle = 0;
    // Wait for the closing animation to remove the dialog; then restore only if focus was lost.
    const check = () => {
      const active = document.activeElement;
      // Lost: on the body, or on something no longer in the page (the closed dialog's own button).
      const lost = active === null || active === document.body || !active.isConnected;
      if (lost) {
        if (opener.current?.isConnected) opener.current.focus();
        return;
      }
      if (insideDialog(active) && frames++ < MAX_FRAMES) handle = requestAnimationFrame(check);
    };
    handle = requestAnimationFrame(check);
    return () => cancelAnimationFrame(handle);
  }, [open]);
}
