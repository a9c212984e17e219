/**
 * Windowing for a long table: only the rows near the visible part of a scrolling container are
 * rendered; spacer rows above and below keep the scrollbar true to the full length. Row heights
 * vary (risk flags wrap), so the height used for the spacers is the average of every row measured
 * so far (keyed by its aria-rowindex). An average of only the rows on screen would change as the
 * window moves, move the window again, and never settle; the running average only gains
 * information, so it converges and the table stays still.
 *
 * Keyboard: a few rows beyond the visible ones are always rendered (OVERSCAN), so Tab from the last
 * visible row reaches a rendered row; the browser scrolls it into view and the window follows.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

const OVERSCAN = 8;
const INITIAL_ROW_HEIGHT = 44;

export interface RowWindow {
  /** Index of the first rendered row. */
  readonly start: number;
  /** One past the last rendered row. */
  readonly end: number;
  /** Heights (px) of the spacers before and after the rendered rows. */
  readonly before: number;
  readonly after: number;
}

export function computeWindow(count: number, scrollTop: number, viewportHeight: number, rowHeight: number): RowWindow {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const visible = Math.ceil(viewportHeight / rowHeight) + 2 * OVERSCAN;
  const start = Math.min(first, Math.max(0, count - visible));
  const end = Math.min(count, start + visible);
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}

/**
 * @param enabled false renders every row (short registers: nothing to gain, simpler for everyone).
 * @returns the window, and a ref for the rendered table body (used to measure row heights).
 */
export function useRowWindow(
  scroller: RefObject<HTMLElement | null>,
  count: number,
  enabled: boolean,
): { window: RowWindow; /** Fluent types TableBody's ref as a div. */ bodyRef: RefObject<HTMLDivElement> } {
  const bodyRef = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [view, setView] = useState({ scrollTop: 0, height: 600, rowHeight: INITIAL_ROW_HEIGHT });

  const measure = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    // Fluent types the table body's ref as a div; it is the <tbody>, so its children are the rows.
    const rows = bodyRef.current ? Array.from(bodyRef.current.children as HTMLCollectionOf<HTMLElement>).filter((row) => !row.hasAttribute('data-spacer')) : [];
    rows.forEach((row, offset) => heights.current.set(row.getAttribute('aria-rowindex') ?? `at-${offset}`, row.offsetHeight));
    const known = [...heights.current.values()].filter((height) => height > 0);
    const measured = known.length ? known.reduce((sum, height) => sum + height, 0) / known.length : 0;
    setView((current) => {
      const rowHeight = measured > 0 ? Math.round(measured) : current.rowHeight;
      const next = { scrollTop: element.scrollTop, height: element.clientHeight || current.height, rowHeight };
      const same = next.scrollTop === current.scrollTop && next.height === current.height && next.rowHeight === current.rowHeight;
      return same ? current : next;
    });
  }, [scroller]);

  // A different set of rows (filtered, sorted, edited) has different heights: start measuring afresh.
  useLayoutEffect(() => heights.current.clear(), [count]);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!enabled || !element) return;
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resize?.observe(element);
    return () => {
      element.removeEventListener('scroll', measure);
      resize?.disconnect();
    };
  }, [enabled, measure, scroller, count]);

  const window = enabled
    ? computeWindow(count, view.scrollTop, view.height, view.rowHeight)
    : { start: 0, end: count, before: 0, after: 0 };
  return { window, bodyRef };
}
