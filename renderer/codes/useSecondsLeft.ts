/**
 * Whole seconds left on a code, for text shown beside it (enrollment). It
 * re-renders exactly when the number changes (timers aligned to validUntil),
 * not on a polling tick, and it is derived from the clock on every render, so
 * it is right after a view comes back or the machine wakes.
 */
import { useEffect, useState } from 'react';
import { msUntilSecondTick, secondsLeft } from './schedule';

export function useSecondsLeft(validUntil: number | null, now: () => number = Date.now): number | null {
  const [, setTick] = useState(0);
  const left = secondsLeft(validUntil, now());
  useEffect(() => {
    const wait = msUntilSecondTick(validUntil, now());
    if (wait === null) return;
    const timer = window.setTimeout(() => setTick((t) => t + 1), wait);
    return () => window.clearTimeout(timer);
  });
  return left;
}
