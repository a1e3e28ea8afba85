/**
 * Moves keyboard focus to a step's heading when the step appears. The button
 * that started a scan is gone by then; without this, focus would fall back to
 * the page body and a screen reader would not hear the new step.
 */
import { useEffect, useRef } from 'react';

export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
