/**
 * Windowing for long lists: only the rows in (or near) the viewport are
 * rendered; padding stands in for the rest. With 1,000 accounts a rollover
 * then re-renders a screenful of rows, not a thousand. Rows have one fixed
 * height (CSS, in rem), measured from a rendered row so text scaling and
 * Ctrl +/- keep working. The page itself scrolls (no inner scroll box).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Rows rendered beyond each edge of the viewport, so fast scrolling and keyboard moves rarely meet a gap. */
const OVERSCAN = 6;
/** Until a row has been measured: 4.75rem at the default 16px. */
const FALLBACK_ROW_PX = 76;
const FIRST_PAINT_ROWS = 40;

export interface WindowedRows {
  start: number;
  end: number;
  rowHeight: number;
  /** Scrolls the page so row `index` is on screen (it renders on the next pass). */
  reveal(index: number): void;
}

export function useWindowedRows(count: number, listRef: RefObject<HTMLElement | null>, active: boolean): WindowedRows {
  const [rowHeight, setRowHeight] = useState(FALLBACK_ROW_PX);
  const height = useRef(FALLBACK_ROW_PX);
  const [range, setRange] = useState({ start: 0, end: Math.min(count, FIRST_PAINT_ROWS) });

  const update = useCallback(() => {
    const el = listRef.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0) return; // the view is hidden: keep the last range
    const measured = el.querySelector<HTMLElement>(':scope > li')?.offsetHeight;
    if (measured && measured !== height.current) {
      height.current = measured;
      setRowHeight(measured);
    }
    const h = height.current;
    const start = Math.min(Math.max(Math.floor(-rect.top / h) - OVERSCAN, 0), count);
    const end = Math.min(Math.max(Math.ceil((window.innerHeight - rect.top) / h) + OVERSCAN, start), count);
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, [count, listRef]);

  // Before paint whenever the row count changes or the view comes back, so no frame shows a gap.
  useLayoutEffect(() => {
    if (active) update();
  }, [active, update]);

  useEffect(() => {
    if (!active) return;
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [active, update]);

  const reveal = useCallback(
    (index: number) => {
      const el = listRef.current;
      if (!el || el.getBoundingClientRect().width === 0) return; // hidden view: nothing to scroll
      const h = height.current;
      // The sticky header covers the top of the viewport.
      const top = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
      const rowTop = el.getBoundingClientRect().top + index * h;
      if (rowTop < top) window.scrollBy(0, rowTop - top - h / 2);
      else if (rowTop + h > window.innerHeight) window.scrollBy(0, rowTop + h - window.innerHeight + h / 2);
      update(); // scroll events arrive later; the row must render now
    },
    [listRef, update],
  );

  const start = Math.min(range.start, count);
  return { start, end: Math.min(Math.max(range.end, start), count), rowHeight, reveal };
}
