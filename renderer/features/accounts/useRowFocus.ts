/**
 * Moving keyboard focus to a row that may not be rendered yet (windowing) or
 * is about to be re-created (rename, reorder). A pending target is tried after
 * every render (a layout effect: no timers, which would not run while a test
 * has paused the page clock) and scrolled into the rendered window if needed.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';
import { useLatest } from '../../components/useLatest';
import { focusRenderedRow } from './useListKeyboardAndDrag';

export function useRowFocus(visibleIds: readonly string[], reveal: (index: number) => void) {
  const pending = useRef<string | null>(null);
  const latest = useLatest({ visibleIds, reveal });

  const flush = useCallback(() => {
    const id = pending.current;
    if (!id || focusRenderedRow(id)) {
      pending.current = null;
      return;
    }
    const index = latest.current.visibleIds.indexOf(id);
    if (index < 0)
      pending.current = null; // filtered out or gone: do not grab focus later by surprise
    else latest.current.reveal(index); // renders it; the next pass focuses it
  }, [latest]);
  useLayoutEffect(flush);

  /** Focus `id` after the render that is about to happen. */
  const focusAfterRender = useCallback((id: string) => {
    pending.current = id;
  }, []);
  /** Focus `id` now if it is rendered, else as soon as it is. */
  const focusRow = useCallback(
    (id: string) => {
      pending.current = id;
      flush();
    },
    [flush],
  );
  return { focusAfterRender, focusRow };
}
