/**
 * An account just added elsewhere: once the list is on screen and holds it,
 * clear the search (so it shows), make it the list's tab stop, then scroll to
 * it and focus it. Once per account. The state changes happen during render
 * (React's "adjust state when a prop changes"), the focus after it.
 */
import { useEffect, useState } from 'react';

interface Options {
  highlightId: string | null;
  visible: boolean;
  has(id: string): boolean;
  query: string;
  setQuery(query: string): void;
  setActiveId(id: string): void;
  focusRow(id: string): void;
}

export function useHighlightNew({ highlightId, visible, has, query, setQuery, setActiveId, focusRow }: Options) {
  const [handled, setHandled] = useState<string | null>(null);
  const [toFocus, setToFocus] = useState<string | null>(null);
  if (highlightId && visible && handled !== highlightId && has(highlightId)) {
    setHandled(highlightId);
    setToFocus(highlightId);
    setActiveId(highlightId);
    if (query) setQuery('');
  }
  // After the render that shows the unfiltered list.
  useEffect(() => {
    if (toFocus) focusRow(toFocus);
  }, [toFocus, focusRow]);
}
