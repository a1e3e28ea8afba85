/**
 * A ref that always holds the latest value: for callbacks read when a timer
 * fires or an answer arrives (the caller's functions of that moment, not of
 * the render that scheduled it), without restarting effects when a caller
 * passes new functions each render. Updated after commit, never during render.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
