/**
 * Keeps an open modal dialog's own surface visible to screen readers. Fluent's modalizer can leave
 * `aria-hidden="true"` on the surface of a dialog that is open and holds the focus (the bug the
 * entry dialog already works around, microsoft/fluentui#35139); end to end, a PCN-shared entry opened
 * right after "Link a PCN service" came up hidden that way. Only the open surface's own attribute is
 * touched, and only while it is open.
 */
import { useEffect, type RefObject } from 'react';

export function useSurfaceVisible(surface: RefObject<HTMLElement | null>, open: boolean): void {
  useEffect(() => {
    const element = surface.current;
    if (!open || !element || typeof MutationObserver === 'undefined') return;
    const reveal = () => {
      if (element.getAttribute('aria-hidden') === 'true') element.removeAttribute('aria-hidden');
    };
    reveal();
    const observer = new MutationObserver(reveal);
    observer.observe(element, { attributes: true, attributeFilter: ['aria-hidden'] });
    return () => observer.disconnect();
  }, [surface, open]);
}
